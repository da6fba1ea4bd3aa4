// macOS `wdutil info` (run as root): the WIFI section lists "SSID : <name>" and
// "Security : WPA2 Personal" (None or Open for a network without a password). Since
// macOS 14.4 the name is "<redacted>" for a process without location permission: the
// network is then known to be open or secured, but not by name.
import type { CommandSource, Parsed } from '../../checks/types.ts';
import { parsed } from '../../checks/types.ts';
import { unreadable } from '../../parsers/reasons.ts';
import type { WifiConnection } from './wifi-watch.ts';

export const WDUTIL_INFO_SOURCE: CommandSource = { id: 'macos.wdutil-info', kind: 'command', file: '/usr/bin/wdutil', args: ['info'], timeoutMs: 15_000 };

export const parseWdutilWifi = (text: string): Parsed<WifiConnection> => {
  const value = (key: string): string | undefined => new RegExp(`^\\s*${key}\\s+:\\s*(.*)$`, 'm').exec(text)?.[1]?.trim();
  const ssid = value('SSID');
  const security = value('Security');
  if (ssid === undefined && security === undefined) return unreadable('OUTPUT_UNRECOGNISED', WDUTIL_INFO_SOURCE.id, 'no SSID or Security line');
  if (!ssid || ssid.toLowerCase() === 'none') return parsed({}); // not associated
  const open = security === undefined ? undefined : /^(none|open)$/i.test(security);
  if (ssid === '<redacted>') return parsed({ ssid: '(name hidden by macOS)', nameHidden: true, ...(open === undefined ? {} : { open }) });
  return parsed({ ssid, ...(open === undefined ? {} : { open }) });
};
