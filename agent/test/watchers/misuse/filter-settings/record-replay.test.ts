// The proxy and DNS-over-HTTPS readers recorded into a real diagnostic bundle on this
// machine (pupils' Firefox profiles and Chromium Local State as the browsers wrote them, an
// administrator's policies, /etc/environment, GNOME's proxy from dconf databases compiled
// here and read by the real gsettings) and replayed from it: the same reading, and the
// bundle holds only the lines and keys the readers need.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { liveProvider } from '../../../../src/checks/live-provider.ts';
import { loadBundle } from '../../../../src/diagnose/bundle-provider.ts';
import { writeBundle } from '../../../../src/diagnose/bundle-writer.ts';
import { recordingProvider } from '../../../../src/diagnose/recording-provider.ts';
import type { SourceProvider } from '../../../../src/checks/types.ts';
import { createBrowserSettingsSource } from '../../../../src/watchers/misuse/filter-settings/browser-settings.ts';
import type { FilterSettingsReading, FilterSettingsSource } from '../../../../src/watchers/misuse/filter-settings/filter-setting.ts';
import { LINUX_CHROMIUM_BROWSERS, LINUX_FIREFOX_PROFILE_ROOTS } from '../../../../src/watchers/misuse/filter-settings/linux.ts';
import { createLinuxSystemSettingsSource } from '../../../../src/watchers/misuse/filter-settings/linux-system-settings.ts';
import { reuseWhileUnchanged } from '../../../../src/watchers/misuse/filter-settings/reuse-unchanged.ts';
import { canRunGnome, compileDconf, writeFileIn } from '../../../helpers/dconf.ts';
import { linuxFixture } from '../../../checks/collected-from.ts';
import { useTempDirs } from '../../../helpers/temp-dirs.ts';

const tempDir = useTempDirs('invigilator-filter-record');

const readAll = async (sources: readonly FilterSettingsSource[], provider: SourceProvider): Promise<FilterSettingsReading[]> => {
  const readings: FilterSettingsReading[] = [];
  for (const source of sources) readings.push(await source.read(provider));
  return readings;
};

const header = { platform: 'linux' as const, osName: 'Debian GNU/Linux', osVersion: '13', agentVersion: '0.1.0', collectedAt: new Date('2026-12-01T08:00:00Z'), context: { removableMountRoots: ['/media'] } };

/** A device under `root`: two pupils, the school's Chromium policy, a damaged Local State. */
const makeDevice = (root: string) => {
  const homes = path.join(root, 'home');
  writeFileIn(path.join(homes, 'pupil7', '.mozilla', 'firefox', 'k2x9.default-esr', 'prefs.js'), linuxFixture('firefox-prefs.devmachine-socks-and-doh.js.txt'));
  writeFileIn(path.join(homes, 'pupil8', '.mozilla', 'firefox', 'a1b2.default-esr', 'prefs.js'), linuxFixture('firefox-prefs.devmachine-fresh.js.txt'));
  writeFileIn(path.join(homes, 'pupil8', '.config', 'chromium', 'Local State'), linuxFixture('chromium-local-state.devmachine-secure-doh.json'));
  // Cut short as a full disk leaves it.
  const fresh = linuxFixture('chromium-local-state.devmachine-fresh.json');
  writeFileIn(path.join(homes, 'pupil7', '.config', 'google-chrome', 'Local State'), fresh.slice(0, Math.floor(fresh.length / 2)));
  const chromePolicies = path.join(root, 'etc', 'chromium', 'policies', 'managed');
  writeFileIn(path.join(chromePolicies, 'school.json'), JSON.stringify({ ProxyMode: 'fixed_servers', ProxyServer: 'webfilter.school.example:8080', HomepageLocation: 'https://intranet.school.example/' }));
  const environmentFile = path.join(root, 'etc', 'environment');
  writeFileIn(environmentFile, 'PATH="/usr/local/bin:/usr/bin"\nLANG=en_GB.UTF-8\nhttps_proxy="http://webfilter.school.example:8080/"\n');
  const browsers = createBrowserSettingsSource({
    platform: 'linux', homesRoot: homes, pathApi: path.posix, firefoxProfileRoots: LINUX_FIREFOX_PROFILE_ROOTS, firefoxPolicyFiles: [path.join(root, 'etc', 'firefox', 'policies', 'policies.json')],
    chromium: LINUX_CHROMIUM_BROWSERS.map((browser) => ({ ...browser, policyDirs: browser.name === 'Chromium' ? [chromePolicies] : [] })),
    intervalMs: 2_000,
  });
  return { homes, browsers, environmentFile };
};

describe('recording the filter settings in a bundle and replaying it', () => {
  const savedProfile = process.env.DCONF_PROFILE;
  afterEach(() => {
    if (savedProfile === undefined) delete process.env.DCONF_PROFILE;
    else process.env.DCONF_PROFILE = savedProfile;
  });

  it('replays the same settings and problems, from a bundle holding only the proxy and DNS lines and keys', async () => {
    const root = tempDir();
    const { homes, browsers, environmentFile } = makeDevice(root);
    const sources: FilterSettingsSource[] = [browsers];
    if (canRunGnome) {
      const machineDb = path.join(root, 'etc', 'dconf', 'db', 'local');
      const profile = path.join(root, 'etc', 'dconf', 'profile', 'user');
      compileDconf(machineDb, "[system/proxy]\nmode='manual'\n[system/proxy/http]\nhost='webfilter.school.example'\nport=8080\n");
      writeFileIn(profile, `user-db:user\nfile-db:${machineDb}\n`);
      process.env.DCONF_PROFILE = profile;
      compileDconf(path.join(homes, 'pupil8', '.config', 'dconf', 'user'), "[system/proxy]\nmode='manual'\n[system/proxy/socks]\nhost='127.0.0.1'\nport=9050\n[org/gnome/desktop/interface]\nclock-format='24h'\n");
      sources.push(createLinuxSystemSettingsSource({ homesRoot: homes, pathApi: path.posix, environmentFile, dconfFolders: [path.dirname(machineDb), path.dirname(profile)], intervalMs: 2_000 }));
    }

    const recorder = recordingProvider(liveProvider);
    const onDevice = await readAll(sources, recorder);
    const bundleDir = path.join(tempDir(), 'bundle');
    const manifest = writeBundle(bundleDir, header, await recorder.recorded());
    const replayed = await readAll(sources, loadBundle(bundleDir).provider);
    expect(replayed).toEqual(onDevice);

    const [browserReading, systemReading] = onDevice;
    expect(browserReading!.settings).toEqual(expect.arrayContaining([
      { kind: 'proxy', place: 'Firefox', address: '127.0.0.1:9050', how: 'SOCKS proxy', user: 'pupil7' },
      { kind: 'dns-over-https', place: 'Firefox', address: 'https://dns.quad9.net/dns-query', how: 'only, never ordinary DNS', user: 'pupil7' },
      { kind: 'dns-over-https', place: 'Chromium', address: 'https://dns.quad9.net/dns-query', how: 'only, never ordinary DNS', user: 'pupil8' },
      { kind: 'proxy', place: 'Chromium', address: 'webfilter.school.example:8080', how: 'HTTP proxy', user: '', managedBy: path.join(root, 'etc', 'chromium', 'policies', 'managed') },
    ]));
    // The damaged Local State is said with its code and file; the other pupils' settings are still read.
    expect(browserReading!.problems).toEqual([{
      problemCode: 'OUTPUT_MALFORMED',
      problem: expect.stringMatching(/^The tool's report is damaged or not in the expected format\. \(Google Chrome's Local State, .*pupil7\/\.config\/google-chrome\/Local State: not valid JSON/),
    }]);
    if (canRunGnome) {
      expect(systemReading!.settings).toEqual([
        { kind: 'proxy', place: 'every program (/etc/environment)', address: 'webfilter.school.example:8080', how: 'HTTPS proxy', user: '', managedBy: environmentFile },
        { kind: 'proxy', place: 'the GNOME desktop', address: 'webfilter.school.example:8080', how: 'HTTP proxy', user: '', managedBy: 'the machine-wide GNOME settings (dconf)' },
        { kind: 'proxy', place: 'the GNOME desktop', address: '127.0.0.1:9050', how: 'SOCKS proxy', user: 'pupil8' },
      ]);
      expect(systemReading!.problems).toEqual([]);
    }

    // What the bundle holds of the pupils' files: the proxy and DNS lines and keys, nothing else.
    const stored = (id: string): string => readFileSync(path.join(bundleDir, manifest.sources.find((source) => source.id === id)!.stdoutFile), 'utf8');
    const prefs = stored(`linux.firefox-prefs:${homes}/pupil7/.mozilla/firefox/k2x9.default-esr/prefs.js`);
    expect(prefs.trim().split('\n').length).toBeGreaterThan(0);
    for (const line of prefs.trim().split('\n')) expect(line).toMatch(/^user_pref\("network\.(proxy|trr)\./);
    expect(prefs).not.toMatch(/datareporting|browser\.|extensions\./);
    expect(JSON.parse(stored(`linux.chromium-local-state:${homes}/pupil8/.config/chromium/Local State`)))
      .toEqual({ dns_over_https: { mode: 'secure', templates: 'https://dns.quad9.net/dns-query' } });
    expect(stored(`linux.chromium-local-state:${homes}/pupil7/.config/google-chrome/Local State`)).toBe('');
    expect(JSON.parse(stored(`linux.chromium-policy:${root}/etc/chromium/policies/managed/school.json`))).toEqual({ ProxyMode: 'fixed_servers', ProxyServer: 'webfilter.school.example:8080' });
    expect(stored('linux.homes')).toBe('pupil7/\npupil8/\n');
    if (canRunGnome) expect(stored('linux.environment')).toBe('https_proxy="http://webfilter.school.example:8080/"\n');
    // Each cut file says in the manifest what was kept.
    expect(manifest.sources.find((source) => source.id.startsWith('linux.firefox-prefs:'))).toMatchObject({ kind: 'file', kept: 'the user_pref lines of network.proxy.* and network.trr.* only' });
    expect(manifest.sources.find((source) => source.id === 'linux.homes')).toMatchObject({ kind: 'folder', path: homes });
    // Nothing else of a home reaches the bundle: its files are only the sources named above.
    expect(readdirSync(path.join(bundleDir, 'sources')).length).toBe(manifest.sources.length);
  });

  it('the watcher\'s reuse of unchanged files gives what a fresh read gives, before and after a change', async () => {
    const root = tempDir();
    const { homes, browsers } = makeDevice(root);
    // A file where a folder of the path should be: compared as missing, never thrown.
    writeFileIn(path.join(homes, 'pupil10', '.mozilla'), 'not a folder');
    const reusing = reuseWhileUnchanged(liveProvider);
    const fresh = async () => browsers.read(liveProvider);
    let last: Awaited<ReturnType<typeof fresh>> | undefined;
    const reused = async () => {
      if (reusing.unchanged()) return last!;
      last = await browsers.read(reusing.provider);
      reusing.endLook();
      return last;
    };
    expect(await reused()).toEqual(await fresh());
    expect(reusing.unchanged()).toBe(true);
    expect(await reused()).toEqual(await fresh());
    // pupil8 turns DoH off in Chromium; pupil9 appears with Firefox set to a PAC address.
    writeFileIn(path.join(homes, 'pupil8', '.config', 'chromium', 'Local State'), linuxFixture('chromium-local-state.devmachine-fresh.json'));
    writeFileIn(path.join(homes, 'pupil9', '.mozilla', 'firefox', 'z.default', 'prefs.js'), 'user_pref("network.proxy.autoconfig_url", "http://pac.example/proxy.pac");\nuser_pref("network.proxy.type", 2);\n');
    expect(reusing.unchanged()).toBe(false);
    const after = await reused();
    expect(after).toEqual(await fresh());
    expect(after.settings.some((setting) => setting.user === 'pupil8' && setting.kind === 'dns-over-https')).toBe(false);
    expect(after.settings).toContainEqual({ kind: 'proxy', place: 'Firefox', address: 'http://pac.example/proxy.pac', how: 'automatic configuration script (PAC)', user: 'pupil9' });
  });
});
