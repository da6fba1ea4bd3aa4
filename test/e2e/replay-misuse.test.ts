// The misuse watchers' sources go into a diagnostic bundle and replay through the
// real CLI (`check --replay DIR --misuse`) on any platform, as the checks' do.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/processes.ts';
import { buildMisuseBundle, fixtureText, replayMisuseWithCli } from '../support/replay-bundle.ts';

describe('replaying the misuse watchers\' sources', () => {
  const dirs: string[] = [];
  afterAll(() => { for (const dir of dirs) rmSync(dir, { recursive: true, force: true }); });

  it('a Windows bundle: the user, an open guest network, and a bypass tool among the processes', async () => {
    const dir = tempDir('replay-misuse');
    dirs.push(dir);
    const expected = await buildMisuseBundle(dir, 'windows', {
      'windows.console-user': { stdout: '"OAKFIELD\\\\pupil7"\r\n' },
      'windows.netsh-wlan-interfaces': { stdout: fixtureText('windows', 'netsh-wlan-show-interfaces.1-open-guest.txt') },
      // The real first line, then a tool the starter list names.
      'windows.tasklist-csv': { stdout: `${fixtureText('windows', 'tasklist-csv.1-first-line.txt')}"psiphon3.exe","4242","Console","1","12,345 K"\n` },
    });
    expect(expected).toEqual({
      loggedInUser: { value: 'OAKFIELD\\pupil7' },
      wifi: { value: { ssid: 'Test-Guest', open: true, breaksPolicy: true } },
      bypassToolsRunning: { value: [{ tool: 'psiphon3', program: 'psiphon3.exe', user: '' }] },
      // A bundle without the filter-settings sources (as agents before them wrote): each missing one said, none passed over.
      filterSettings: { settings: [], problems: expect.arrayContaining([
        { problemCode: 'SOURCE_NOT_CAPTURED', problem: 'A diagnostic bundle does not hold the output this check needs. (the folder C:\\Users, windows.homes)' },
        { problemCode: 'SOURCE_NOT_CAPTURED', problem: 'A diagnostic bundle does not hold the output this check needs. (reg query HKU, so signed-in people\'s proxy settings are not read, windows.reg-hku)' },
      ]) },
    });
    expect(new Set(expected.filterSettings.problems.map((problem) => problem.problemCode))).toEqual(new Set(['SOURCE_NOT_CAPTURED']));
    expect(replayMisuseWithCli(dir)).toEqual(expected);
  });

  /** A home's file as the browser wrote it, under the folder that stands for the device's disk. */
  const put = (root: string, onDevice: string, text: string): void => {
    const file = path.join(root, ...onDevice.replace(/^([A-Za-z]):\\/, '$1/').split(/[\\/]/));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  };

  it('a Windows bundle: a pupil\'s proxies in Internet Options and Firefox, secure DNS in Chrome, the WinHTTP proxy', async () => {
    const dir = tempDir('replay-misuse');
    const disk = tempDir('replay-misuse-disk');
    dirs.push(dir, disk);
    const [pupil, other] = ['S-1-5-21-1004336348-1177238915-682003330-1001', 'S-1-5-21-1004336348-1177238915-682003330-1002'];
    // prefs.js and Local State have the same form on every platform: the captures are from Linux.
    put(disk, 'C:\\Users\\pupil7\\AppData\\Roaming\\Mozilla\\Firefox\\Profiles\\k2x9.default-release\\prefs.js', fixtureText('linux', 'firefox-prefs.devmachine-socks-and-doh.js.txt'));
    put(disk, 'C:\\Users\\pupil7\\AppData\\Local\\Google\\Chrome\\User Data\\Local State', fixtureText('linux', 'chromium-local-state.devmachine-secure-doh.json'));
    put(disk, 'C:\\Users\\Public\\Desktop\\readme.txt', 'not a person');
    const expected = await buildMisuseBundle(dir, 'windows', {
      'windows.reg-hku': { stdout: fixtureText('windows', 'reg-query-hku.1-two-users.txt') },
      [`windows.reg-internet-settings:${pupil}`]: { stdout: fixtureText('windows', 'reg-query-internet-settings.2-proxy-on-derived.txt').replace('HKEY_CURRENT_USER', `HKEY_USERS\\${pupil}`) },
      [`windows.reg-internet-settings:${other}`]: { stdout: fixtureText('windows', 'reg-query-internet-settings.1-proxy-off.txt').replace('HKEY_CURRENT_USER', `HKEY_USERS\\${other}`) },
      // reg.exe's line form for one value (as in the captures above).
      [`windows.reg-volatile-username:${pupil}`]: { stdout: `\r\nHKEY_USERS\\${pupil}\\Volatile Environment\r\n    USERNAME    REG_SZ    pupil7\r\n\r\n` },
      'windows.netsh-winhttp-proxy': { stdout: fixtureText('windows', 'netsh-winhttp-show-proxy.2-proxy.txt') },
    }, disk);
    expect(expected.filterSettings).toEqual({
      settings: [
        { kind: 'proxy', place: 'Firefox', address: 'proxy.example.net:3128', how: 'HTTP proxy', user: 'pupil7' },
        { kind: 'proxy', place: 'Firefox', address: '127.0.0.1:9050', how: 'SOCKS proxy', user: 'pupil7' },
        { kind: 'dns-over-https', place: 'Firefox', address: 'https://dns.quad9.net/dns-query', how: 'only, never ordinary DNS', user: 'pupil7' },
        { kind: 'dns-over-https', place: 'Google Chrome', address: 'https://dns.quad9.net/dns-query', how: 'only, never ordinary DNS', user: 'pupil7' },
        { kind: 'proxy', place: 'Windows (Internet Options)', address: '127.0.0.1:7890', how: 'HTTP proxy', user: 'pupil7' },
        { kind: 'proxy', place: 'Windows services (the WinHTTP proxy)', address: 'testProxy:8999', how: 'HTTP proxy', user: '', managedBy: 'netsh winhttp (administrators only)' },
      ],
      problems: [],
    });
    expect(replayMisuseWithCli(dir)).toEqual(expected);
  });

  it('a macOS bundle: the proxy in force from scutil, secure DNS in a pupil\'s Chrome', async () => {
    const dir = tempDir('replay-misuse');
    const disk = tempDir('replay-misuse-disk');
    dirs.push(dir, disk);
    put(disk, '/Users/pupil7/Library/Application Support/Google/Chrome/Local State', fixtureText('linux', 'chromium-local-state.devmachine-secure-doh.json'));
    put(disk, '/Users/pupil7/Library/Application Support/Firefox/Profiles/x1.default-release/prefs.js', fixtureText('linux', 'firefox-prefs.devmachine-fresh.js.txt'));
    const expected = await buildMisuseBundle(dir, 'macos', { 'macos.scutil-proxy': { stdout: fixtureText('macos', 'scutil-proxy.1-pac.txt') } }, disk);
    expect(expected.filterSettings).toEqual({
      settings: [
        { kind: 'dns-over-https', place: 'Google Chrome', address: 'https://dns.quad9.net/dns-query', how: 'only, never ordinary DNS', user: 'pupil7' },
        { kind: 'proxy', place: 'macOS (network settings)', address: 'http://wpad.company.com/wpad.dat', how: 'automatic configuration script (PAC)', user: '' },
      ],
      problems: [],
    });
    expect(replayMisuseWithCli(dir)).toEqual(expected);
  });

  it('a Linux bundle without the sources says what is missing, never that all is well', async () => {
    const dir = tempDir('replay-misuse');
    dirs.push(dir);
    const replayed = replayMisuseWithCli((await buildMisuseBundle(dir, 'linux', {}), dir));
    expect(replayed.wifi).toMatchObject({ problemCode: 'SOURCE_NOT_CAPTURED' });
    expect(replayed.antivirusServices).toMatchObject({ problemCode: 'SOURCE_NOT_CAPTURED' });
    expect(replayed.filterSettings.settings).toEqual([]);
    expect(replayed.filterSettings.problems).toContainEqual({ problemCode: 'SOURCE_NOT_CAPTURED', problem: 'A diagnostic bundle does not hold the output this check needs. (the folder /home, linux.homes)' });
    expect(new Set(replayed.filterSettings.problems.map((problem) => problem.problemCode))).toEqual(new Set(['SOURCE_NOT_CAPTURED']));
  });
});
