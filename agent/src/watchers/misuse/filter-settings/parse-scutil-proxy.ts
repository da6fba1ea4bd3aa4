// macOS `scutil --proxy`: the proxies in force for the network service in use, as a
// dictionary: "HTTPEnable : 1", "HTTPProxy : host", "HTTPPort : 8080" (and HTTPS, SOCKS),
// "ProxyAutoConfigEnable : 1" with "ProxyAutoConfigURLString : <url>". Keys are never
// translated; nothing enabled prints "<dictionary> {" with only the exceptions and FTPPassive.
import { parsed, type Parsed } from '../../../checks/types.ts';
import { unreadable } from '../../../parsers/reasons.ts';
import { proxyAddress } from './filter-setting.ts';
import { mergeUses, type ProxyUse } from './parse-firefox-prefs.ts';

export const parseScutilProxy = (text: string, source: string): Parsed<ProxyUse[]> => {
  if (!/^\s*<dictionary> \{/.test(text)) return unreadable('OUTPUT_UNRECOGNISED', source, 'not a <dictionary> listing');
  const values = new Map<string, string>();
  for (const match of text.matchAll(/^\s{2}(\w+) : (.*)$/gm)) values.set(match[1]!, match[2]!.trim());
  const uses: ProxyUse[] = [];
  for (const [prefix, how] of [['HTTP', 'HTTP proxy'], ['HTTPS', 'HTTPS proxy'], ['SOCKS', 'SOCKS proxy']] as const) {
    if (values.get(`${prefix}Enable`) !== '1') continue;
    const host = values.get(`${prefix}Proxy`) ?? '';
    const port = values.get(`${prefix}Port`);
    const address = proxyAddress(port && port !== '0' ? `${host}:${port}` : host);
    if (address) uses.push({ address, how });
  }
  const pac = values.get('ProxyAutoConfigURLString');
  if (values.get('ProxyAutoConfigEnable') === '1' && pac) uses.push({ address: pac, how: 'automatic configuration script (PAC)' });
  return parsed(mergeUses(uses));
};
