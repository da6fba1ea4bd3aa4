// Browser policies an administrator sets: Firefox's policies.json ("Proxy",
// "DNSOverHTTPS"), and Chromium-family policies (ProxyMode, ProxyServer, ProxyPacUrl,
// ProxySettings, DnsOverHttpsMode, DnsOverHttpsTemplates) from JSON files in a
// managed-policy folder or from the registry. What each decides: a Chromium policy always
// wins over the user's settings; a Firefox policy only when it is Locked (unlocked, it is
// a default the user may change).
import { parsed, type Parsed } from '../../../checks/types.ts';
import { unreadable } from '../../../parsers/reasons.ts';
import { proxyAddress } from './filter-setting.ts';
import { mergeUses, type ProxyUse } from './parse-firefox-prefs.ts';
import { byCodeUnit } from '../../../parsers/order.ts';

export interface ManagedSetting {
  /** The proxies or resolver the policy sets; empty when it sets none (direct, system, off). */
  uses: ProxyUse[];
  /** The user's own setting no longer counts. */
  locked: boolean;
}

export interface BrowserPolicy { proxy?: ManagedSetting; doh?: ManagedSetting }

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

const parseJsonObject = (input: string, source: string): Parsed<Json> => {
  try {
    const value: unknown = JSON.parse(input.replace(/^\uFEFF/, ''));
    return isObject(value) ? parsed(value) : unreadable('OUTPUT_MALFORMED', source, 'not a JSON object');
  } catch (error) {
    return unreadable('OUTPUT_MALFORMED', source, `not valid JSON (${(error as Error).message})`);
  }
};

/** `"http=proxy:80;https=proxy:443"`, `"socks5://proxy:1080"` or `"proxy:3128"` -> each proxy with what it carries. */
export const chromiumProxyServers = (servers: string): ProxyUse[] => mergeUses(servers.split(';').flatMap((entry) => {
  const match = /^\s*(?:([a-z0-9-]+)=)?(.+?)\s*$/i.exec(entry);
  if (!match) return [];
  const scheme = match[1]?.toLowerCase();
  const explicit = /^([a-z0-9]+):\/\//i.exec(match[2]!)?.[1]?.toLowerCase();
  const address = proxyAddress(match[2]!);
  if (!address) return [];
  const kind = explicit?.startsWith('socks') ? 'SOCKS' : scheme === 'https' || explicit === 'https' ? 'HTTPS' : scheme === 'ftp' ? 'FTP' : 'HTTP';
  return [{ address, how: `${kind} proxy` }];
}));

const dohTemplates = (templates: string): ProxyUse[] => templates.split(/\s+/).filter(Boolean)
  .map((template) => ({ address: template.replace(/\{\?dns\}$/, ''), how: 'only, never ordinary DNS' }));

/** Chromium-family policy values by name (from a managed JSON file or the registry). */
export const chromiumPolicy = (values: Json): BrowserPolicy => {
  const policy: BrowserPolicy = {};
  const settings = isObject(values.ProxySettings) ? values.ProxySettings : values;
  const mode = text(settings.ProxyMode).toLowerCase()
    || ({ 0: 'direct', 1: 'auto_detect', 2: 'fixed_servers', 3: 'system' } as Record<string, string>)[String(values.ProxyServerMode)]
    || (text(settings.ProxyServer) ? 'fixed_servers' : text(settings.ProxyPacUrl) ? 'pac_script' : '');
  if (mode) {
    const uses = mode === 'fixed_servers' ? chromiumProxyServers(text(settings.ProxyServer))
      : mode === 'pac_script' && text(settings.ProxyPacUrl) ? [{ address: text(settings.ProxyPacUrl), how: 'automatic configuration script (PAC)' }]
        : [];
    policy.proxy = { uses, locked: true };
  }
  const dohMode = text(values.DnsOverHttpsMode).toLowerCase();
  if (dohMode) {
    const uses = dohMode === 'secure' ? dohTemplates(text(values.DnsOverHttpsTemplates))
      : dohMode === 'automatic' && text(values.DnsOverHttpsTemplates)
        ? dohTemplates(text(values.DnsOverHttpsTemplates)).map((use) => ({ ...use, how: 'first, falling back to ordinary DNS' }))
        : [];
    policy.doh = { uses, locked: true };
  }
  return policy;
};

/** Every JSON file of a Chromium managed-policy folder, merged in name order (a later file's value wins). */
export const parseChromiumPolicyFiles = (files: ReadonlyArray<{ name: string; text: string }>): Parsed<BrowserPolicy> => {
  const merged: Json = {};
  for (const file of [...files].sort((a, b) => byCodeUnit(a.name, b.name))) {
    const values = parseJsonObject(file.text, file.name);
    if (!values.ok) return values;
    Object.assign(merged, values.value);
  }
  return parsed(chromiumPolicy(merged));
};

/** Firefox's policies.json: { "policies": { "Proxy": {...}, "DNSOverHTTPS": {...} } }. */
export const parseFirefoxPolicies = (input: string, source: string): Parsed<BrowserPolicy> => {
  const root = parseJsonObject(input, source);
  if (!root.ok) return root;
  const policies = root.value.policies;
  if (!isObject(policies)) return unreadable('OUTPUT_UNRECOGNISED', source, 'no "policies" object');
  const policy: BrowserPolicy = {};
  const proxy = policies.Proxy;
  if (isObject(proxy)) {
    const mode = text(proxy.Mode);
    const servers: ProxyUse[] = [];
    if (mode === 'manual') {
      const http = text(proxy.HTTPProxy);
      if (http) servers.push({ address: proxyAddress(http) ?? http, how: 'HTTP proxy' });
      if (proxy.UseHTTPProxyForAllProtocols === true && http) servers.push({ address: proxyAddress(http) ?? http, how: 'HTTPS proxy' });
      else if (text(proxy.SSLProxy)) servers.push({ address: proxyAddress(text(proxy.SSLProxy)) ?? '', how: 'HTTPS proxy' });
      if (text(proxy.SOCKSProxy)) servers.push({ address: proxyAddress(text(proxy.SOCKSProxy)) ?? '', how: 'SOCKS proxy' });
    }
    if (mode === 'autoConfig' && text(proxy.AutoConfigURL)) servers.push({ address: text(proxy.AutoConfigURL), how: 'automatic configuration script (PAC)' });
    policy.proxy = { uses: mergeUses(servers.filter((use) => use.address)), locked: proxy.Locked === true };
  }
  const doh = policies.DNSOverHTTPS;
  if (isObject(doh) && typeof doh.Enabled === 'boolean') {
    const address = text(doh.ProviderURL) || 'https://mozilla.cloudflare-dns.com/dns-query';
    const how = doh.Fallback === false ? 'only, never ordinary DNS' : 'first, falling back to ordinary DNS';
    policy.doh = { uses: doh.Enabled ? [{ address, how }] : [], locked: doh.Locked === true };
  }
  return parsed(policy);
};
