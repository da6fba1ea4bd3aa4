import { describe, expect, it } from 'vitest';
import { parseNetshWlanInterfaces } from '../../../src/watchers/misuse/parse-netsh-wlan.ts';
import { parseTasklistCsv } from '../../../src/watchers/misuse/parse-tasklist.ts';
import { parsePsProcesses } from '../../../src/watchers/misuse/ps-processes.ts';
import { wifiBreaksPolicy } from '../../../src/watchers/misuse/wifi-watch.ts';
import { windowsFixture, withCrlf } from '../../checks/windows-fixtures.ts';

describe('netsh wlan show interfaces', () => {
  it.each([
    ['netsh-wlan-show-interfaces.1-open-guest.txt', { ssid: 'Test-Guest', open: true }],
    ['netsh-wlan-show-interfaces.4-win11-wpa2.txt', { ssid: 'Tenda_EBBAA0_5G', open: false }],
    ['netsh-wlan-show-interfaces.2-disconnected.txt', {}],
    ['netsh-wlan-show-interfaces.3-no-wlansvc.txt', {}],
  ])('%s', (fixture, expected) => {
    expect(parseNetshWlanInterfaces(windowsFixture(fixture))).toEqual({ ok: true, value: expected });
    expect(parseNetshWlanInterfaces(withCrlf(windowsFixture(fixture)))).toEqual({ ok: true, value: expected });
  });

  it('says a display language it cannot read is localised, never guesses', () => {
    // The English capture with its labels in French, as a French Windows prints them.
    const french = windowsFixture('netsh-wlan-show-interfaces.1-open-guest.txt')
      .replace('There is 1 interface on the system:', 'Il existe 1 interface sur le système :')
      .replace('State                  : connected', 'État                   : connecté');
    expect(parseNetshWlanInterfaces(french)).toMatchObject({ ok: false, code: 'OUTPUT_LOCALISED' });
    expect(parseNetshWlanInterfaces('')).toMatchObject({ ok: false, code: 'OUTPUT_EMPTY' });
  });
});

describe('tasklist /FO CSV /NH', () => {
  it('reads program names and pids, with numbers in any locale', () => {
    expect(parseTasklistCsv(windowsFixture('tasklist-csv.1-first-line.txt'))).toEqual({ ok: true, value: [
      { key: '0:System Idle Process', programPath: 'System Idle Process', user: '' },
    ] });
    expect(parseTasklistCsv('"psiphon3.exe","4242","Console","1","12.345 K"\r\n')).toMatchObject({ ok: true, value: [{ programPath: 'psiphon3.exe' }] });
    expect(parseTasklistCsv('INFO: No tasks are running which match the specified criteria.')).toMatchObject({ ok: false, code: 'OUTPUT_UNRECOGNISED' });
  });
});

describe('ps -axo pid=,user=,comm= (macOS)', () => {
  it('keeps a program path with spaces whole', () => {
    const text = '    1 root             /sbin/launchd\n 9001 pupil            /Applications/Tor Browser.app/Contents/MacOS/firefox\n';
    expect(parsePsProcesses(text)).toEqual({ ok: true, value: [
      { key: '1:/sbin/launchd', programPath: '/sbin/launchd', user: 'root' },
      { key: '9001:/Applications/Tor Browser.app/Contents/MacOS/firefox', programPath: '/Applications/Tor Browser.app/Contents/MacOS/firefox', user: 'pupil' },
    ] });
  });
});

describe('wifiBreaksPolicy', () => {
  it('reports an open network always, another network only when the school lists its own', () => {
    expect(wifiBreaksPolicy({ ssid: 'Cafe', open: true }, [])).toEqual({ open: true });
    expect(wifiBreaksPolicy({ ssid: 'Home', open: false }, [])).toBeUndefined();
    expect(wifiBreaksPolicy({ ssid: 'Home', open: false }, ['School-Staff'])).toEqual({ open: false });
    expect(wifiBreaksPolicy({ ssid: 'School-Staff', open: true }, ['School-Staff'])).toBeUndefined();
    expect(wifiBreaksPolicy({}, ['School-Staff'])).toBeUndefined();
  });
});
