// Firefox's prefs.js: one `user_pref("name", value);` line per preference the user
// changed from its default (strings JSON-escaped, numbers, true/false). Only the proxy
// (network.proxy.*) and DNS-over-HTTPS (network.trr.*) preferences are kept.
import { parsed, type Parsed } from '../../../checks/types.ts';
import { unreadable } from '../../../parsers/reasons.ts';
import { proxyAddress } from './filter-setting.ts';

export type PrefValue = string | number | boolean;

const LINE = /^user_pref\("((?:[^"\\]|\\.)*)",\s*(.*)\);\s*$/;
const WANTED = /^network\.(proxy|trr)\./;

export const parseFirefoxPrefs = (text: string, source: string): Parsed<ReadonlyMap<string, PrefValue>> => {
  const prefs = new Map<string, PrefValue>();
  let lines = 0;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (!line.startsWith('user_pref(')) continue;
    lines += 1;
    const match = LINE.exec(line);
    if (!match) return unreadable('OUTPUT_MALFORMED', source, `unexpected line "${line.slice(0, 80)}"`);
    const name = match[1]!;
    if (!WANTED.test(name)) continue;
    try {
      const value: unknown = JSON.parse(match[2]!);
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') prefs.set(name, value);
    } catch {
      return unreadable('OUTPUT_MALFORMED', source, `the value of ${name} is not readable`);
    }
  }
  // A profile Firefox has run keeps dozens of preferences; a prefs.js without one was cut short or is not Firefox's.
  if (lines === 0 && text.trim() !== '' && !text.includes('Mozilla User Preferences')) return unreadable('OUTPUT_UNRECOGNISED', source, 'no user_pref lines');
  return parsed(prefs);
};

export interface ProxyUse { address: string; how: string }

/** The proxies a Firefox profile's own preferences send traffic through (network.proxy.type 1 manual, 2 PAC). */
export const firefoxProxies = (prefs: ReadonlyMap<string, PrefValue>): ProxyUse[] => {
  const type = prefs.get('network.proxy.type');
  if (type === 2) {
    const url = prefs.get('network.proxy.autoconfig_url');
    return typeof url === 'string' && url.trim() ? [{ address: url.trim(), how: 'automatic configuration script (PAC)' }] : [];
  }
  if (type !== 1) return []; // 0 none, 4 the network's own discovery, 5 (default) the system's settings
  const uses: ProxyUse[] = [];
  for (const [prefix, how] of [['http', 'HTTP proxy'], ['ssl', 'HTTPS proxy'], ['socks', 'SOCKS proxy']] as const) {
    const host = prefs.get(`network.proxy.${prefix}`);
    const port = prefs.get(`network.proxy.${prefix}_port`);
    if (typeof host !== 'string' || !host.trim()) continue;
    const address = proxyAddress(typeof port === 'number' && port > 0 ? `${host.trim()}:${port}` : host);
    if (address) uses.push({ address, how });
  }
  return mergeUses(uses);
};

/** One entry per address: "HTTP proxy" and "HTTPS proxy" on the same address read "HTTP and HTTPS proxy". */
export const mergeUses = (uses: readonly ProxyUse[]): ProxyUse[] => {
  const byAddress = new Map<string, string[]>();
  for (const use of uses) byAddress.set(use.address, [...(byAddress.get(use.address) ?? []), use.how]);
  return [...byAddress].map(([address, hows]) => ({
    address,
    how: hows.length > 1 && hows.every((how) => how.endsWith(' proxy')) ? `${hows.map((how) => how.replace(/ proxy$/, '')).join(' and ')} proxy` : hows.join(' and '),
  }));
};

/** Firefox's own default resolver when network.trr.uri is not set. */
export const FIREFOX_DEFAULT_DOH = 'https://mozilla.cloudflare-dns.com/dns-query';

/** DNS over HTTPS as a Firefox profile's preferences set it: mode 2 (first) or 3 (only); 0 and 5 are off. */
export const firefoxDoh = (prefs: ReadonlyMap<string, PrefValue>): ProxyUse | undefined => {
  const mode = prefs.get('network.trr.mode');
  if (mode !== 2 && mode !== 3) return undefined;
  const uri = [prefs.get('network.trr.uri'), prefs.get('network.trr.custom_uri')].find((value) => typeof value === 'string' && value.trim());
  return { address: typeof uri === 'string' ? uri.trim() : FIREFOX_DEFAULT_DOH, how: mode === 3 ? 'only, never ordinary DNS' : 'first, falling back to ordinary DNS' };
};
