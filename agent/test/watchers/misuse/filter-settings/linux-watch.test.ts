// The filter-settings watch over real files in a temporary root: pupils' Firefox
// profiles and Chromium Local State, an administrator's policy files, /etc/environment,
// and GNOME's proxy read by the real gsettings from dconf databases compiled here.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_MISUSE_SETTINGS } from '@invigilator/shared/misuse-settings.ts';
import { MisuseKind, Tri, type MisuseEvent } from '@invigilator/shared/wire.ts';
import { liveProvider } from '../../../../src/checks/live-provider.ts';
import { createBrowserSettingsSource } from '../../../../src/watchers/misuse/filter-settings/browser-settings.ts';
import { createFilterSettingsWatch } from '../../../../src/watchers/misuse/filter-settings/filter-settings-watch.ts';
import { LINUX_CHROMIUM_BROWSERS, LINUX_FIREFOX_PROFILE_ROOTS } from '../../../../src/watchers/misuse/filter-settings/linux.ts';
import { createLinuxSystemSettingsSource } from '../../../../src/watchers/misuse/filter-settings/linux-system-settings.ts';
import type { Watcher } from '../../../../src/watchers/types.ts';
import { canRunGnome, compileDconf, writeFileIn } from '../../../helpers/dconf.ts';
import { captureLogger } from '../../../helpers/capture-logger.ts';
import { useTempDirs } from '../../../helpers/temp-dirs.ts';
import { linuxFixture } from '../../../checks/collected-from.ts';

const tempDir = useTempDirs('invigilator-filter-settings');

const waitFor = async <T>(what: string, probe: () => T | undefined, timeoutMs = 5_000): Promise<T> => {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describe('the filter-settings watch on real files', () => {
  const watchers: Watcher[] = [];
  const savedProfile = process.env.DCONF_PROFILE;
  afterEach(async () => {
    await Promise.all(watchers.splice(0).map((watcher) => watcher.stop()));
    if (savedProfile === undefined) delete process.env.DCONF_PROFILE;
    else process.env.DCONF_PROFILE = savedProfile;
  });

  const start = async (sources: Parameters<typeof createFilterSettingsWatch>[0]['sources']) => {
    const events: MisuseEvent[] = [];
    const capture = captureLogger();
    const watcher = createFilterSettingsWatch({
      sources, provider: liveProvider, settings: () => DEFAULT_MISUSE_SETTINGS, emit: (event) => events.push(event),
      currentUser: () => Promise.resolve('at-the-screen'), logger: capture.logger,
    });
    watchers.push(watcher);
    await watcher.start();
    return { events, capture };
  };

  it('browsers: a pupil\'s proxy at start, DoH switched on later, the school\'s policy only when it changes', async () => {
    const root = tempDir();
    const homes = path.join(root, 'home');
    const firefoxPolicy = path.join(root, 'etc', 'firefox', 'policies', 'policies.json');
    const chromePolicies = path.join(root, 'etc', 'chromium', 'policies', 'managed');
    writeFileIn(path.join(homes, 'pupil7', '.mozilla', 'firefox', 'k2x9.default-esr', 'prefs.js'), linuxFixture('firefox-prefs.devmachine-socks-and-doh.js.txt'));
    writeFileIn(path.join(homes, 'pupil8', '.mozilla', 'firefox', 'a1b2.default-esr', 'prefs.js'), linuxFixture('firefox-prefs.devmachine-fresh.js.txt'));
    writeFileIn(path.join(homes, 'pupil8', '.config', 'chromium', 'Local State'), linuxFixture('chromium-local-state.devmachine-fresh.json'));
    writeFileIn(path.join(chromePolicies, 'school.json'), '{"ProxyMode":"fixed_servers","ProxyServer":"webfilter.school.example:8080"}');
    const { events } = await start([createBrowserSettingsSource({
      platform: 'linux', homesRoot: homes, pathApi: path.posix, firefoxProfileRoots: LINUX_FIREFOX_PROFILE_ROOTS, firefoxPolicyFiles: [firefoxPolicy],
      chromium: LINUX_CHROMIUM_BROWSERS.map((browser) => (browser.name === 'Chromium' ? { ...browser, policyDirs: [chromePolicies] } : { ...browser, policyDirs: [] })),
      intervalMs: 100,
    })]);

    // At start: pupil7's own Firefox proxy and DoH; the school's Chromium policy is only logged.
    expect(events.map((event) => [event.kind, event.user, event.subject, event.changedByAdministrator]).sort()).toEqual([
      [MisuseKind.DNS_OVER_HTTPS_SET, 'pupil7', 'https://dns.quad9.net/dns-query', Tri.TRI_NO],
      [MisuseKind.PROXY_SET, 'pupil7', '127.0.0.1:9050', Tri.TRI_NO],
      [MisuseKind.PROXY_SET, 'pupil7', 'proxy.example.net:3128', Tri.TRI_NO],
    ].sort());
    expect(events.find((event) => event.subject === '127.0.0.1:9050')?.detail)
      .toBe('A proxy was set in the user\'s own settings: Firefox sends web traffic through the SOCKS proxy 127.0.0.1:9050');
    events.length = 0;

    // pupil8 switches on secure DNS in Chromium, as Chromium writes it.
    writeFileIn(path.join(homes, 'pupil8', '.config', 'chromium', 'Local State'), linuxFixture('chromium-local-state.devmachine-secure-doh.json'));
    const doh = await waitFor('pupil8\'s DoH', () => events.find((event) => event.kind === MisuseKind.DNS_OVER_HTTPS_SET));
    expect(doh).toMatchObject({ user: 'pupil8', subject: 'https://dns.quad9.net/dns-query', changedByAdministrator: Tri.TRI_NO });
    expect(doh.detail).toBe('DNS over HTTPS was switched on in the user\'s own settings: Chromium looks names up with DNS over HTTPS at https://dns.quad9.net/dns-query (only, never ordinary DNS)');

    // The administrator locks Firefox to the school's proxy: pupil7's own proxy no longer counts; the change is the school's.
    writeFileIn(firefoxPolicy, JSON.stringify({ policies: { Proxy: { Mode: 'manual', HTTPProxy: 'webfilter.school.example:8080', Locked: true } } }));
    const managed = await waitFor('the managed Firefox proxy', () => events.find((event) => event.changedByAdministrator === Tri.TRI_YES));
    expect(managed).toMatchObject({ kind: MisuseKind.PROXY_SET, user: 'at-the-screen', subject: 'webfilter.school.example:8080', changedBy: firefoxPolicy });
    expect(managed.detail).toBe(`A policy the school manages (${firefoxPolicy}) set this: Firefox sends web traffic through the HTTP proxy webfilter.school.example:8080`);
    expect(events).toHaveLength(2);
  });

  it('a damaged preferences file is said once in the log and the rest is still watched', async () => {
    const root = tempDir();
    const homes = path.join(root, 'home');
    writeFileIn(path.join(homes, 'pupil7', '.mozilla', 'firefox', 'x.default', 'prefs.js'), 'user_pref("network.proxy.type", 1\n');
    writeFileIn(path.join(homes, 'pupil9', '.mozilla', 'firefox', 'y.default', 'prefs.js'), 'user_pref("network.trr.mode", 3);\n');
    const { events, capture } = await start([createBrowserSettingsSource({
      platform: 'linux', homesRoot: homes, pathApi: path.posix, firefoxProfileRoots: ['.mozilla/firefox'], firefoxPolicyFiles: [], chromium: [], intervalMs: 100,
    })]);
    expect(events.map((event) => event.user)).toEqual(['pupil9']);
    const warnings = capture.withCode('FILTER_SETTINGS_UNREADABLE');
    expect(warnings).toHaveLength(1);
    expect(String(warnings[0]!.msg)).toContain('x.default/prefs.js');
  });

  it.runIf(canRunGnome)('GNOME and /etc/environment: a pupil\'s own proxy is misuse, the machine-wide ones are the school\'s', async () => {
    const root = tempDir();
    const homes = path.join(root, 'home');
    const machineDb = path.join(root, 'etc', 'dconf', 'db', 'local');
    const profile = path.join(root, 'etc', 'dconf', 'profile', 'user');
    const environmentFile = path.join(root, 'etc', 'environment');
    compileDconf(machineDb, "[system/proxy]\nmode='manual'\n[system/proxy/http]\nhost='webfilter.school.example'\nport=8080\n");
    writeFileIn(profile, `user-db:user\nfile-db:${machineDb}\n`);
    process.env.DCONF_PROFILE = profile;
    writeFileIn(environmentFile, 'PATH="/usr/local/bin:/usr/bin"\nhttp_proxy="http://webfilter.school.example:8080/"\n');
    mkdirSync(path.join(homes, 'pupil8', '.config', 'dconf'), { recursive: true }); // no settings of their own yet
    const { events } = await start([createLinuxSystemSettingsSource({
      homesRoot: homes, pathApi: path.posix, environmentFile, dconfFolders: [path.dirname(machineDb), path.dirname(profile)], intervalMs: 100,
    })]);
    expect(events).toEqual([]); // only the school's settings so far

    compileDconf(path.join(homes, 'pupil8', '.config', 'dconf', 'user'), "[system/proxy]\nmode='manual'\n[system/proxy/socks]\nhost='127.0.0.1'\nport=9050\n");
    const proxy = await waitFor('pupil8\'s GNOME proxy', () => events.find((event) => event.subject === '127.0.0.1:9050'));
    expect(proxy).toMatchObject({ kind: MisuseKind.PROXY_SET, user: 'pupil8', changedByAdministrator: Tri.TRI_NO,
      detail: 'A proxy was set in the user\'s own settings: the GNOME desktop sends web traffic through the SOCKS proxy 127.0.0.1:9050' });
    // The machine-wide HTTP proxy still shows through pupil8's settings: it stays the school's, not theirs.
    expect(events.map((event) => event.subject)).toEqual(['127.0.0.1:9050']);

    writeFileIn(environmentFile, 'http_proxy="http://other-proxy.example:3128/"\n');
    const environment = await waitFor('the environment proxy', () => events.find((event) => event.subject === 'other-proxy.example:3128'));
    expect(environment).toMatchObject({ changedByAdministrator: Tri.TRI_YES, changedBy: environmentFile });
  });
});
