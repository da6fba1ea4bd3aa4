// `netsh winhttp show proxy`: the machine-wide proxy Windows services use. Either
// "Direct access (no proxy server)." or "Proxy Server(s) :  <list>" with a bypass list.
// English only: another display language is refused, never guessed.
import { parsed, type Parsed } from '../../../checks/types.ts';
import { unreadable } from '../../../parsers/reasons.ts';
import { chromiumProxyServers } from './parse-browser-policies.ts';
import type { ProxyUse } from './parse-firefox-prefs.ts';

export const parseNetshWinhttp = (text: string, source: string): Parsed<ProxyUse[]> => {
  if (!/WinHTTP/i.test(text)) return unreadable('OUTPUT_UNRECOGNISED', source, 'no WinHTTP heading');
  if (/Direct access/i.test(text)) return parsed([]);
  const servers = /Proxy Server\(s\)\s*:\s*(.+)$/m.exec(text)?.[1]?.trim();
  if (!servers) return unreadable('OUTPUT_LOCALISED', source, 'neither "Direct access" nor "Proxy Server(s)" (another display language?)');
  // The list has the same form as a browser's proxy setting ("http=host:80;https=host:443" or "host:port").
  return parsed(chromiumProxyServers(servers));
};
