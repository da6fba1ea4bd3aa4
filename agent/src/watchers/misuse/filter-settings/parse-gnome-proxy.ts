// GNOME's system proxy: `gsettings list-recursively org.gnome.system.proxy` lists the
// schema and its children (.http, .https, .socks, .ftp), one "schema key value" line
// each, values in GVariant text. mode 'manual' uses the hosts, 'auto' the PAC address
// (empty: the network's own discovery, which is the school's), 'none' nothing.
// Credentials (authentication-user/-password) are never kept.
import { parsed, type Parsed } from '../../../checks/types.ts';
import { unreadable } from '../../../parsers/reasons.ts';
import { gvariantInteger } from '../../../checks/screen-lock/parse-gsettings.ts';
import { proxyAddress } from './filter-setting.ts';
import { mergeUses, type ProxyUse } from './parse-firefox-prefs.ts';

const SCHEMA = 'org.gnome.system.proxy';
const LINE = /^(org\.gnome\.system\.proxy(?:\.(\w+))?)\s+([\w-]+)\s+(.*)$/;
const KEPT = new Set(['mode', 'autoconfig-url', 'host', 'port']);

/** A GVariant string ('text', "text") as text; other values as printed. */
const gvariantString = (value: string): string => {
  const match = /^'((?:[^'\\]|\\.)*)'$|^"((?:[^"\\]|\\.)*)"$/.exec(value.trim());
  return match ? (match[1] ?? match[2] ?? '').replace(/\\(.)/g, '$1') : value.trim();
};

export const parseGnomeProxy = (text: string, source: string): Parsed<ProxyUse[]> => {
  const values = new Map<string, string>();
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '') continue;
    const match = LINE.exec(line);
    if (!match) return unreadable('OUTPUT_UNRECOGNISED', source, `unexpected line "${line.slice(0, 80)}"`);
    if (!KEPT.has(match[3]!)) continue;
    values.set(`${match[2] ?? ''}.${match[3]}`, match[4]!);
  }
  const mode = values.get('.mode');
  if (mode === undefined) return unreadable('OUTPUT_EMPTY', source, `no mode key in ${SCHEMA}`);
  const modeName = gvariantString(mode);
  if (modeName === 'auto') {
    const url = gvariantString(values.get('.autoconfig-url') ?? '');
    return parsed(url ? [{ address: url, how: 'automatic configuration script (PAC)' }] : []);
  }
  if (modeName !== 'manual') return parsed([]);
  const uses: ProxyUse[] = [];
  for (const [child, how] of [['http', 'HTTP proxy'], ['https', 'HTTPS proxy'], ['socks', 'SOCKS proxy']] as const) {
    const host = gvariantString(values.get(`${child}.host`) ?? '');
    const port = gvariantInteger(values.get(`${child}.port`));
    const address = host ? proxyAddress(port ? `${host}:${port}` : host) : undefined;
    if (address) uses.push({ address, how });
  }
  return parsed(mergeUses(uses));
};

/** `/etc/environment` (KEY=value lines, optionally quoted): the proxies it gives every program. */
export const parseEnvironmentProxies = (text: string): ProxyUse[] => {
  const uses: ProxyUse[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?(https?_proxy|all_proxy)\s*=\s*(.*)$/i.exec(rawLine);
    if (!match) continue;
    const value = match[2]!.trim().replace(/^(['"])(.*)\1$/, '$2');
    const address = proxyAddress(value);
    const name = match[1]!.toLowerCase();
    if (address) uses.push({ address, how: name === 'all_proxy' ? 'all-protocol proxy' : name === 'https_proxy' ? 'HTTPS proxy' : 'HTTP proxy' });
  }
  return mergeUses(uses);
};
