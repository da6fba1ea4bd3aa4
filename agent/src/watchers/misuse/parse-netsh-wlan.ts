// `netsh wlan show interfaces`: "    Name : value" lines per interface. Only the
// English labels are read; another display language is OUTPUT_LOCALISED (the
// watcher then says public Wi-Fi cannot be watched), never a guess.
import { parsed, type CommandSource, type Parsed } from '../../checks/types.ts';
import { system32Path } from '../../checks/windows-powershell.ts';
import { unreadable } from '../../parsers/reasons.ts';
import type { WifiConnection } from './wifi-watch.ts';

export const NETSH_WLAN_SOURCE: CommandSource = { id: 'windows.netsh-wlan-interfaces', kind: 'command', file: system32Path('netsh.exe'), args: ['wlan', 'show', 'interfaces'], timeoutMs: 15_000 };

/** "There is 1 interface on the system:" / "There are 2 interfaces ..." */
const HEADER = /^There (?:is|are) \d+ interfaces? on the system:?$/;
const NO_SERVICE = /wlansvc\) is not running/;

export const parseNetshWlanInterfaces = (text: string): Parsed<WifiConnection> => {
  const lines = text.replace(/\r/g, '').split('\n').map((line) => line.trim()).filter(Boolean);
  if (lines.some((line) => NO_SERVICE.test(line))) return parsed({}); // no Wi-Fi service: not on Wi-Fi
  if (lines.length === 0) return unreadable('OUTPUT_EMPTY', NETSH_WLAN_SOURCE.id, 'nothing was printed');
  if (!lines.some((line) => HEADER.test(line))) {
    return unreadable('OUTPUT_LOCALISED', NETSH_WLAN_SOURCE.id, `no English "There is N interface on the system" line (first line: "${lines[0]!.slice(0, 60)}")`);
  }
  const fields = new Map<string, string>();
  for (const line of lines) {
    const colon = line.indexOf(' : ');
    if (colon < 0) continue;
    const label = line.slice(0, colon).trim();
    // The first connected interface answers; later interfaces do not overwrite it.
    if (label === 'Name' && fields.get('State') === 'connected') break;
    fields.set(label, line.slice(colon + 3).trim());
  }
  if (fields.get('State') !== 'connected') return parsed({});
  const ssid = fields.get('SSID');
  const authentication = fields.get('Authentication');
  if (!ssid) return unreadable('OUTPUT_UNRECOGNISED', NETSH_WLAN_SOURCE.id, 'connected, but no SSID line');
  // "Open" with a WEP cipher is still a key-protected network, though a weak one.
  const open = authentication === undefined ? undefined : authentication === 'Open' && (fields.get('Cipher') ?? 'None') === 'None';
  return parsed({ ssid, ...(open === undefined ? {} : { open }) });
};
