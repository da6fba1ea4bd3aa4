// `check --misuse`, `diagnose` and `check --replay --misuse` run by the real bin over a device
// made here: pupils' homes and /etc/environment bind-mounted over /home and /etc/environment in
// a mount namespace of the command's own (nothing of this machine's is touched), GNOME's proxy
// from dconf databases compiled here. One pupil's prefs.js cannot be read (the agent runs
// without the right to override file permissions), another's Local State was cut short.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MisuseSnapshot } from '../../src/watchers/misuse/snapshot.ts';
import { DCONF_BACKEND } from '../../../scripts/test-tools.ts';
import { linuxFixture } from '../checks/collected-from.ts';
import { BIN, type CliResult } from '../helpers/run-bin.ts';
import { useTempDirs } from '../helpers/temp-dirs.ts';

const tempDir = useTempDirs('cli-check-misuse');
const canRun = process.platform === 'linux' && process.getuid?.() === 0
  && ['/usr/bin/unshare', '/usr/bin/setpriv', '/usr/bin/dconf', '/usr/bin/gsettings', DCONF_BACKEND, '/etc/environment'].every((file) => existsSync(file));

const write = (file: string, text: string): void => {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
};

/** Runs the bin with `homes` over /home and `environment` over /etc/environment, in a mount namespace that ends with it. */
const runOnDevice = (device: { homes: string; environment: string; dconfProfile: string }, args: readonly string[]): Promise<CliResult> =>
  new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/unshare', ['--mount', '--', '/bin/sh', '-c',
      'mount --bind "$1" /home && mount --bind "$2" /etc/environment && shift 2 && exec "$@"', 'sh', device.homes, device.environment,
      // As root, less the right to read any file whatever its permissions.
      '/usr/bin/setpriv', '--inh-caps=-dac_override,-dac_read_search', '--bounding-set=-dac_override,-dac_read_search',
      process.execPath, BIN, ...args,
    ], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DCONF_PROFILE: device.dconfProfile } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString('utf8'); });
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`${args.join(' ')} did not finish`)); }, 60_000);
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, stdout, stderr }); });
  });

const makeDevice = () => {
  const root = tempDir();
  chmodSync(root, 0o755);
  const homes = path.join(root, 'home');
  write(path.join(homes, 'pupil7', '.mozilla', 'firefox', 'k2x9.default-esr', 'prefs.js'), linuxFixture('firefox-prefs.devmachine-socks-and-doh.js.txt'));
  const locked = path.join(homes, 'pupil9', '.mozilla', 'firefox', 'q.default-esr', 'prefs.js');
  write(locked, linuxFixture('firefox-prefs.devmachine-socks-and-doh.js.txt'));
  chmodSync(locked, 0o000);
  const localState = linuxFixture('chromium-local-state.devmachine-secure-doh.json');
  write(path.join(homes, 'pupil8', '.config', 'chromium', 'Local State'), localState.slice(0, 200));
  const environment = path.join(root, 'environment');
  write(environment, 'LANG=en_GB.UTF-8\nhttp_proxy=http://webfilter.school.example:8080\n');
  const machineDb = path.join(root, 'dconf', 'db', 'local');
  write(path.join(`${machineDb}.d`, '00'), "[system/proxy]\nmode='none'\n");
  execFileSync('/usr/bin/dconf', ['compile', machineDb, `${machineDb}.d`]);
  const dconfProfile = path.join(root, 'dconf', 'profile', 'user');
  write(dconfProfile, `user-db:user\nfile-db:${machineDb}\n`);
  const ownDb = path.join(homes, 'pupil8', '.config', 'dconf', 'user');
  write(path.join(`${ownDb}.d`, '00'), "[system/proxy]\nmode='auto'\nautoconfig-url='http://proxy.example.net/wpad.dat?token=s3cret'\n");
  execFileSync('/usr/bin/dconf', ['compile', ownDb, `${ownDb}.d`]);
  return { root, homes, environment, dconfProfile, locked };
};

describe.runIf(canRun)('check --misuse: proxy and DNS-over-HTTPS settings', () => {
  it('prints what is set, and each thing it could not read as a code and a sentence; a bundle replays the same', async () => {
    const device = makeDevice();
    const live = await runOnDevice(device, ['check', '--misuse']);
    expect(live.code).toBe(0);
    const snapshot = JSON.parse(live.stdout) as MisuseSnapshot;
    expect(snapshot.filterSettings.settings).toEqual([
      { kind: 'proxy', place: 'Firefox', address: 'proxy.example.net:3128', how: 'HTTP proxy', user: 'pupil7' },
      { kind: 'proxy', place: 'Firefox', address: '127.0.0.1:9050', how: 'SOCKS proxy', user: 'pupil7' },
      { kind: 'dns-over-https', place: 'Firefox', address: 'https://dns.quad9.net/dns-query', how: 'only, never ordinary DNS', user: 'pupil7' },
      { kind: 'proxy', place: 'every program (/etc/environment)', address: 'webfilter.school.example:8080', how: 'HTTP proxy', user: '', managedBy: '/etc/environment' },
      // The address as it may leave the device: no query (a token) kept.
      { kind: 'proxy', place: 'the GNOME desktop', address: 'http://proxy.example.net/wpad.dat', how: 'automatic configuration script (PAC)', user: 'pupil8' },
    ]);
    expect(snapshot.filterSettings.problems).toEqual([
      { problemCode: 'PERMISSION_DENIED', problem: `The agent is not allowed to read what this check needs (is it running as an administrator/root?). (Firefox preferences, /home/pupil9/.mozilla/firefox/q.default-esr/prefs.js: EACCES: permission denied, open '/home/pupil9/.mozilla/firefox/q.default-esr/prefs.js')` },
      { problemCode: 'OUTPUT_MALFORMED', problem: expect.stringMatching(/^The tool's report is damaged or not in the expected format\. \(Chromium's Local State, \/home\/pupil8\/\.config\/chromium\/Local State: not valid JSON \(.+\)\)$/) },
    ]);
    expect(live.stderr).toBe('');

    const bundle = path.join(device.root, 'bundle');
    expect((await runOnDevice(device, ['diagnose', '--out', bundle])).code).toBe(0);
    const recorded = JSON.parse(readFileSync(path.join(bundle, 'misuse.json'), 'utf8')) as MisuseSnapshot;
    const replay = await runOnDevice(device, ['check', '--replay', bundle, '--misuse']);
    expect(replay.code).toBe(0);
    const replayed = JSON.parse(replay.stdout) as MisuseSnapshot;
    expect(replayed.filterSettings).toEqual(snapshot.filterSettings);
    expect(replayed).toEqual(recorded);

    // The bundle holds pupil7's proxy and DNS preference lines, and none of their other preferences.
    const sources = readdirSync(path.join(bundle, 'sources'));
    const prefsFile = sources.find((name) => name.startsWith('linux.firefox-prefs_') && name.includes('pupil7'))!;
    const prefs = readFileSync(path.join(bundle, 'sources', prefsFile), 'utf8');
    expect(prefs).toContain('user_pref("network.proxy.socks", "127.0.0.1");');
    expect(prefs).not.toMatch(/datareporting|extensions\.|Mozilla User Preferences/);
    const environmentKept = readFileSync(path.join(bundle, 'sources', 'linux.environment.stdout'), 'utf8');
    expect(environmentKept).toBe('http_proxy=http://webfilter.school.example:8080\n');
  });
});
