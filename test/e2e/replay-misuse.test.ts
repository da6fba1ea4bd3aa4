// The misuse watchers' sources go into a diagnostic bundle and replay through the
// real CLI (`check --replay DIR --misuse`) on any platform, as the checks' do.
import { rmSync } from 'node:fs';
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
    });
    expect(replayMisuseWithCli(dir)).toEqual(expected);
  });

  it('a Linux bundle without the sources says what is missing, never that all is well', async () => {
    const dir = tempDir('replay-misuse');
    dirs.push(dir);
    const replayed = replayMisuseWithCli((await buildMisuseBundle(dir, 'linux', {}), dir));
    expect(replayed.wifi).toMatchObject({ problemCode: 'SOURCE_NOT_CAPTURED' });
    expect(replayed.antivirusServices).toMatchObject({ problemCode: 'SOURCE_NOT_CAPTURED' });
  });
});
