// `nmcli -t -f ACTIVE,SSID,SECURITY device wifi list --rescan no`: one line per
// network in range, fields split by ':', a ':' or '\' inside a value escaped
// with '\'. The active network says "yes"; an open one has an empty SECURITY
// ("--" in table mode, accepted too).
import { parsed, type CommandSource, type Parsed } from '../../checks/types.ts';
import { unreadable } from '../../parsers/reasons.ts';
import type { WifiConnection } from './wifi-watch.ts';

export const NMCLI_WIFI_SOURCE: CommandSource = {
  id: 'linux.nmcli-wifi', kind: 'command', file: '/usr/bin/nmcli',
  args: ['-t', '-f', 'ACTIVE,SSID,SECURITY', 'device', 'wifi', 'list', '--rescan', 'no'], timeoutMs: 10_000,
};

/** Splits one terse line, honouring '\:' and '\\'. */
export const splitTerseLine = (line: string): string[] => {
  const fields: string[] = [];
  let current = '';
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index]!;
    if (char === '\\' && index + 1 < line.length) {
      current += line[index + 1];
      index += 1;
    } else if (char === ':') {
      fields.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  fields.push(current);
  return fields;
};

export const parseNmcliWifi = (text: string): Parsed<WifiConnection> => {
  for (const line of text.replace(/\r/g, '').split('\n')) {
    if (line.trim() === '') continue;
    const fields = splitTerseLine(line);
    if (fields.length !== 3) return unreadable('OUTPUT_UNRECOGNISED', NMCLI_WIFI_SOURCE.id, `expected ACTIVE:SSID:SECURITY, got "${line}"`);
    const [active, ssid, security] = fields as [string, string, string];
    if (active !== 'yes' && active !== 'no') return unreadable('OUTPUT_LOCALISED', NMCLI_WIFI_SOURCE.id, `ACTIVE is "${active}", not yes or no`);
    if (active === 'yes') {
      const open = security.trim() === '' || security.trim() === '--';
      // A hidden network has no name in the scan: say so rather than report an empty name.
      return parsed({ ssid: ssid || '(hidden network)', open });
    }
  }
  return parsed({});
};
