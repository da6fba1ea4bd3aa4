// The proxy and DNS-over-HTTPS parsers on files the browsers and gsettings really wrote
// (Firefox ESR's prefs.js, Chromium's Local State, gsettings' listing), and on the policy
// files an administrator writes.
import { describe, expect, it } from 'vitest';
import { chromiumPolicy, chromiumProxyServers, parseChromiumPolicyFiles, parseFirefoxPolicies } from '../../../../src/watchers/misuse/filter-settings/parse-browser-policies.ts';
import { parseChromiumLocalState } from '../../../../src/watchers/misuse/filter-settings/parse-chromium-local-state.ts';
import { FIREFOX_DEFAULT_DOH, firefoxDoh, firefoxProxies, parseFirefoxPrefs } from '../../../../src/watchers/misuse/filter-settings/parse-firefox-prefs.ts';
import { parseEnvironmentProxies, parseGnomeProxy } from '../../../../src/watchers/misuse/filter-settings/parse-gnome-proxy.ts';
import { effectiveUses } from '../../../../src/watchers/misuse/filter-settings/browser-settings.ts';
import { proxyAddress } from '../../../../src/watchers/misuse/filter-settings/filter-setting.ts';
import { linuxFixture } from '../../../checks/collected-from.ts';

const ok = <T>(result: { ok: true; value: T } | { ok: false; reason: string }): T => {
  if (!result.ok) throw new Error(result.reason);
  return result.value;
};

describe('Firefox prefs.js (written by Firefox ESR 153)', () => {
  it('a pupil\'s manual proxy and DNS over HTTPS only', () => {
    const prefs = ok(parseFirefoxPrefs(linuxFixture('firefox-prefs.devmachine-socks-and-doh.js.txt'), 'prefs.js'));
    expect(firefoxProxies(prefs)).toEqual([
      { address: 'proxy.example.net:3128', how: 'HTTP proxy' },
      { address: '127.0.0.1:9050', how: 'SOCKS proxy' },
    ]);
    expect(firefoxDoh(prefs)).toEqual({ address: 'https://dns.quad9.net/dns-query', how: 'only, never ordinary DNS' });
  });

  it('a fresh profile: neither', () => {
    const prefs = ok(parseFirefoxPrefs(linuxFixture('firefox-prefs.devmachine-fresh.js.txt'), 'prefs.js'));
    expect(prefs.size).toBe(0);
    expect(firefoxProxies(prefs)).toEqual([]);
    expect(firefoxDoh(prefs)).toBeUndefined();
  });

  it('an automatic-configuration script, and DoH first with Firefox\'s own resolver', () => {
    const prefs = ok(parseFirefoxPrefs('// Mozilla User Preferences\n\nuser_pref("network.proxy.autoconfig_url", "http://10.0.0.5/x.pac");\n'
      + 'user_pref("network.proxy.type", 2);\nuser_pref("network.trr.mode", 2);\n', 'prefs.js'));
    expect(firefoxProxies(prefs)).toEqual([{ address: 'http://10.0.0.5/x.pac', how: 'automatic configuration script (PAC)' }]);
    expect(firefoxDoh(prefs)).toEqual({ address: FIREFOX_DEFAULT_DOH, how: 'first, falling back to ordinary DNS' });
  });

  it('the same proxy for HTTP and HTTPS is one address; mode 5 (off) and type 4 (network discovery) are nothing', () => {
    const prefs = ok(parseFirefoxPrefs('user_pref("network.proxy.http", "p");\nuser_pref("network.proxy.http_port", 80);\n'
      + 'user_pref("network.proxy.ssl", "p");\nuser_pref("network.proxy.ssl_port", 80);\nuser_pref("network.proxy.type", 1);\n', 'prefs.js'));
    expect(firefoxProxies(prefs)).toEqual([{ address: 'p:80', how: 'HTTP and HTTPS proxy' }]);
    expect(firefoxProxies(ok(parseFirefoxPrefs('user_pref("network.proxy.type", 4);\n', 'x')))).toEqual([]);
    expect(firefoxDoh(ok(parseFirefoxPrefs('user_pref("network.trr.mode", 5);\n', 'x')))).toBeUndefined();
  });

  it('a damaged line is unreadable with a reason, never a guess', () => {
    expect(parseFirefoxPrefs('user_pref("network.proxy.type", 1\n', 'prefs.js')).toMatchObject({ ok: false, code: 'OUTPUT_MALFORMED' });
    expect(parseFirefoxPrefs('<html>not prefs</html>', 'prefs.js')).toMatchObject({ ok: false, code: 'OUTPUT_UNRECOGNISED' });
  });
});

describe('Chromium Local State (written by Chromium 156)', () => {
  it('secure DNS with a custom resolver', () => {
    expect(ok(parseChromiumLocalState(linuxFixture('chromium-local-state.devmachine-secure-doh.json'), 'Local State')))
      .toEqual([{ address: 'https://dns.quad9.net/dns-query', how: 'only, never ordinary DNS' }]);
  });

  it('a fresh browser (automatic, the device\'s own DNS): nothing', () => {
    expect(ok(parseChromiumLocalState(linuxFixture('chromium-local-state.devmachine-fresh.json'), 'Local State'))).toEqual([]);
    expect(ok(parseChromiumLocalState('{"dns_over_https":{"mode":"automatic"}}', 'Local State'))).toEqual([]);
  });

  it('a file cut short is malformed', () => {
    expect(parseChromiumLocalState('{"dns_over_https":{"mo', 'Local State')).toMatchObject({ ok: false, code: 'OUTPUT_MALFORMED' });
  });
});

describe('GNOME proxy (gsettings list-recursively org.gnome.system.proxy)', () => {
  it('a manual HTTP and SOCKS proxy, keeping no credentials', () => {
    const uses = ok(parseGnomeProxy(linuxFixture('gsettings-list-proxy.devmachine-manual.txt'), 'gsettings'));
    expect(uses).toEqual([{ address: '10.9.8.7:8080', how: 'HTTP proxy' }, { address: '127.0.0.1:1080', how: 'SOCKS proxy' }]);
    expect(JSON.stringify(uses)).not.toContain('pupil');
  });

  it('the defaults: no proxy', () => {
    expect(ok(parseGnomeProxy(linuxFixture('gsettings-list-proxy.devmachine-defaults.txt'), 'gsettings'))).toEqual([]);
  });

  it('automatic with a script address, and automatic without (the network\'s own discovery)', () => {
    expect(ok(parseGnomeProxy("org.gnome.system.proxy autoconfig-url 'http://x.test/p.pac'\norg.gnome.system.proxy mode 'auto'\n", 'g')))
      .toEqual([{ address: 'http://x.test/p.pac', how: 'automatic configuration script (PAC)' }]);
    expect(ok(parseGnomeProxy("org.gnome.system.proxy autoconfig-url ''\norg.gnome.system.proxy mode 'auto'\n", 'g'))).toEqual([]);
  });

  it('another schema\'s lines or no mode are refused', () => {
    expect(parseGnomeProxy("org.gnome.desktop.session idle-delay uint32 300\n", 'g')).toMatchObject({ ok: false, code: 'OUTPUT_UNRECOGNISED' });
    expect(parseGnomeProxy("org.gnome.system.proxy.http host 'x'\n", 'g')).toMatchObject({ ok: false, code: 'OUTPUT_EMPTY' });
  });
});

describe('/etc/environment', () => {
  it('proxies for every program, credentials dropped', () => {
    expect(parseEnvironmentProxies('PATH="/usr/bin"\nhttp_proxy="http://user:pw@webfilter.school.example:8080/"\nHTTPS_PROXY=http://webfilter.school.example:8080\n# all_proxy=socks://x\n'))
      .toEqual([{ address: 'webfilter.school.example:8080', how: 'HTTP and HTTPS proxy' }]);
    expect(proxyAddress('socks5://127.0.0.1:9050')).toBe('127.0.0.1:9050');
  });
});

describe('browser policies an administrator writes', () => {
  it('Firefox: a locked proxy and DNS over HTTPS', () => {
    const policy = ok(parseFirefoxPolicies(JSON.stringify({ policies: {
      Proxy: { Mode: 'manual', Locked: true, HTTPProxy: 'webfilter.school.example:8080', UseHTTPProxyForAllProtocols: true },
      DNSOverHTTPS: { Enabled: true, ProviderURL: 'https://doh.school.example/dns-query', Locked: false },
    } }), 'policies.json'));
    expect(policy.proxy).toEqual({ uses: [{ address: 'webfilter.school.example:8080', how: 'HTTP and HTTPS proxy' }], locked: true });
    expect(policy.doh).toEqual({ uses: [{ address: 'https://doh.school.example/dns-query', how: 'first, falling back to ordinary DNS' }], locked: false });
    expect(parseFirefoxPolicies('{"Proxy":{}}', 'policies.json')).toMatchObject({ ok: false, code: 'OUTPUT_UNRECOGNISED' });
  });

  it('Chromium: fixed servers, a PAC script, secure DNS; direct and off decide without an address', () => {
    expect(chromiumProxyServers('http=a:80;https=b:443;socks5://127.0.0.1:1080')).toEqual([
      { address: 'a:80', how: 'HTTP proxy' }, { address: 'b:443', how: 'HTTPS proxy' }, { address: '127.0.0.1:1080', how: 'SOCKS proxy' },
    ]);
    expect(chromiumPolicy({ ProxyMode: 'pac_script', ProxyPacUrl: 'https://x/p.pac' }).proxy).toEqual({ uses: [{ address: 'https://x/p.pac', how: 'automatic configuration script (PAC)' }], locked: true });
    expect(chromiumPolicy({ ProxySettings: { ProxyMode: 'direct' }, DnsOverHttpsMode: 'off' })).toEqual({ proxy: { uses: [], locked: true }, doh: { uses: [], locked: true } });
    const merged = ok(parseChromiumPolicyFiles([
      { name: '20-dns.json', text: '{"DnsOverHttpsMode":"secure","DnsOverHttpsTemplates":"https://doh.school.example/dns-query{?dns}"}' },
      { name: '10-proxy.json', text: '{"ProxyMode":"fixed_servers","ProxyServer":"webfilter:8080"}' },
    ]));
    expect(merged.doh?.uses).toEqual([{ address: 'https://doh.school.example/dns-query', how: 'only, never ordinary DNS' }]);
    expect(merged.proxy?.uses).toEqual([{ address: 'webfilter:8080', how: 'HTTP proxy' }]);
    expect(parseChromiumPolicyFiles([{ name: 'bad.json', text: '{' }])).toMatchObject({ ok: false, code: 'OUTPUT_MALFORMED' });
  });

  it('which setting counts: a locked policy, else the user\'s own, else the policy\'s default', () => {
    const mine = [{ address: '127.0.0.1:9050', how: 'SOCKS proxy' }];
    const school = { uses: [{ address: 'webfilter:8080', how: 'HTTP proxy' }], locked: false };
    expect(effectiveUses(true, mine, school)).toEqual([{ ...mine[0], managed: false }]);
    expect(effectiveUses(false, [], school)).toEqual([{ ...school.uses[0], managed: true }]);
    expect(effectiveUses(true, mine, { ...school, locked: true })).toEqual([{ ...school.uses[0], managed: true }]);
    expect(effectiveUses(true, mine, undefined)).toEqual([{ ...mine[0], managed: false }]);
  });
});

describe('what of an address leaves the device', () => {
  it('no credentials, query or fragment', async () => {
    const { addressWithoutSecrets } = await import('../../../../src/watchers/misuse/filter-settings/filter-setting.ts');
    expect(addressWithoutSecrets('https://user:pw@proxy.example/p.pac?token=secret#x')).toBe('https://proxy.example/p.pac');
    expect(addressWithoutSecrets('https://dns.nextdns.io/168f8d')).toBe('https://dns.nextdns.io/168f8d');
    expect(addressWithoutSecrets('https://dns.quad9.net/dns-query')).toBe('https://dns.quad9.net/dns-query');
    expect(addressWithoutSecrets('http://wpad.company.com/wpad.dat')).toBe('http://wpad.company.com/wpad.dat');
    expect(addressWithoutSecrets('127.0.0.1:9050')).toBe('127.0.0.1:9050');
  });
});
