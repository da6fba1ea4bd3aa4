// Windows and macOS proxy and DNS-over-HTTPS readers on captured output (reg.exe, netsh,
// scutil; CRLF as Windows prints it), and the Windows source as the watcher runs it, fed
// those captures in place of the commands.
import { describe, expect, it } from 'vitest';
import { DEFAULT_MISUSE_SETTINGS } from '@invigilator/shared/misuse-settings.ts';
import { MisuseKind, Tri, type MisuseEvent } from '@invigilator/shared/wire.ts';
import type { SourceProvider } from '../../../../src/checks/types.ts';
import { createFilterSettingsWatch } from '../../../../src/watchers/misuse/filter-settings/filter-settings-watch.ts';
import { scutilProxySource } from '../../../../src/watchers/misuse/filter-settings/macos.ts';
import { parseNetshWinhttp } from '../../../../src/watchers/misuse/filter-settings/parse-netsh-winhttp.ts';
import { parseRegQuery } from '../../../../src/watchers/misuse/filter-settings/parse-reg-query.ts';
import { parseScutilProxy } from '../../../../src/watchers/misuse/filter-settings/parse-scutil-proxy.ts';
import { windowsSystemSettingsSource, interfaceDoh, internetOptionsProxies, userSids } from '../../../../src/watchers/misuse/filter-settings/windows.ts';
import { captureLogger } from '../../../helpers/capture-logger.ts';
import { macosFixture } from '../../../helpers/macos-fixture.ts';
import { windowsFixture, withCrlf } from '../../../checks/windows-fixtures.ts';

const ok = <T>(result: { ok: true; value: T } | { ok: false; reason: string }): T => {
  if (!result.ok) throw new Error(result.reason);
  return result.value;
};
const INTERNET_SETTINGS = 'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings';

describe('reg query', () => {
  it('Internet Options with the proxy off and on (CRLF, as reg.exe prints)', () => {
    const off = ok(parseRegQuery(withCrlf(windowsFixture('reg-query-internet-settings.1-proxy-off.txt')), 'reg'));
    expect(off.get(INTERNET_SETTINGS)?.get('User Agent')).toEqual({ type: 'REG_SZ', data: 'Mozilla/4.0 (compatible; MSIE 8.0; Win32)' });
    expect(internetOptionsProxies(off.get(INTERNET_SETTINGS))).toEqual([]);
    const on = ok(parseRegQuery(windowsFixture('reg-query-internet-settings.2-proxy-on-derived.txt'), 'reg'));
    expect(internetOptionsProxies(on.get(INTERNET_SETTINGS))).toEqual([{ address: '127.0.0.1:7890', how: 'HTTP proxy' }]);
  });

  it('the loaded hives: people\'s SIDs only', () => {
    expect(userSids(ok(parseRegQuery(windowsFixture('reg-query-hku.1-two-users.txt'), 'reg'))))
      .toEqual(['S-1-5-21-1004336348-1177238915-682003330-1001', 'S-1-5-21-1004336348-1177238915-682003330-1002']);
  });

  it('a line that is not reg.exe\'s is refused', () => {
    expect(parseRegQuery('FEHLER: Der angegebene Registrierungsschlüssel wurde nicht gefunden.\n', 'reg')).toMatchObject({ ok: false, code: 'OUTPUT_UNRECOGNISED' });
  });

  it('DNS over HTTPS on an interface (reg.exe\'s line form; no public capture of these keys exists)', () => {
    const text = '\nHKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Dnscache\\InterfaceSpecificParameters\\{5f2b}\\DohInterfaceSettings\\Doh\\1.1.1.1\n'
      + '    DohFlags    REG_QWORD    0x1\n\nHKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Dnscache\\InterfaceSpecificParameters\\{5f2b}\\DohInterfaceSettings\\Doh\\9.9.9.9\n'
      + '    DohFlags    REG_QWORD    0x6\n    DohTemplate    REG_SZ    https://dns.quad9.net/dns-query\n\nHKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Dnscache\\InterfaceSpecificParameters\\{5f2b}\\DohInterfaceSettings\\Doh\\8.8.8.8\n'
      + '    DohFlags    REG_QWORD    0x0\n';
    expect(interfaceDoh(ok(parseRegQuery(text, 'reg')))).toEqual([
      { address: '1.1.1.1', how: 'only, never ordinary DNS' },
      { address: 'https://dns.quad9.net/dns-query', how: 'first, falling back to ordinary DNS' },
    ]);
  });
});

describe('netsh winhttp show proxy', () => {
  it('direct, a proxy, and another language', () => {
    expect(ok(parseNetshWinhttp(withCrlf(windowsFixture('netsh-winhttp-show-proxy.1-direct.txt')), 'netsh'))).toEqual([]);
    expect(ok(parseNetshWinhttp(windowsFixture('netsh-winhttp-show-proxy.2-proxy.txt'), 'netsh'))).toEqual([{ address: 'testProxy:8999', how: 'HTTP proxy' }]);
    expect(parseNetshWinhttp('Aktuelle WinHTTP-Proxyeinstellungen:\n\n    Proxyserver:  a:1\n', 'netsh')).toMatchObject({ ok: false, code: 'OUTPUT_LOCALISED' });
  });
});

describe('scutil --proxy', () => {
  it('an automatic configuration address (real), manual proxies (derived), and something else', () => {
    expect(ok(parseScutilProxy(macosFixture('scutil-proxy.1-pac.txt'), 'scutil'))).toEqual([{ address: 'http://wpad.company.com/wpad.dat', how: 'automatic configuration script (PAC)' }]);
    expect(ok(parseScutilProxy(macosFixture('scutil-proxy.2-manual-derived.txt'), 'scutil'))).toEqual([{ address: '127.0.0.1:7890', how: 'HTTP and HTTPS and SOCKS proxy' }]);
    expect(ok(parseScutilProxy('<dictionary> {\n  FTPPassive : 1\n}\n', 'scutil'))).toEqual([]);
    expect(parseScutilProxy('No such key\n', 'scutil')).toMatchObject({ ok: false, code: 'OUTPUT_UNRECOGNISED' });
  });
});

const fixtureProvider = (answers: Record<string, (args: readonly string[]) => { stdout: string; exitCode?: number }>): SourceProvider => ({
  read: (spec) => {
    // Sources read once per signed-in person carry their SID after a colon.
    const answer = spec.kind === 'command' ? answers[spec.id.split(':')[0]!]?.(spec.args) : undefined;
    return Promise.resolve({ id: spec.id, exitCode: answer?.exitCode ?? (answer ? 0 : 1), stdout: answer?.stdout ?? '', stderr: answer ? '' : 'ERROR: The system was unable to find the specified registry key or value.', durationMs: 0 });
  },
});

const watchOnce = async (source: Parameters<typeof createFilterSettingsWatch>[0]['sources'][number], provider: SourceProvider): Promise<MisuseEvent[]> => {
  const events: MisuseEvent[] = [];
  const watcher = createFilterSettingsWatch({ sources: [source], provider, settings: () => DEFAULT_MISUSE_SETTINGS, emit: (event) => events.push(event), currentUser: () => Promise.resolve('console-user'), logger: captureLogger().logger });
  await watcher.start();
  await watcher.stop();
  return events;
};

describe('the Windows and macOS sources as the watcher runs them', () => {
  it('Windows: a signed-in pupil\'s own proxy is misuse naming them; the WinHTTP proxy is the administrator\'s', async () => {
    const hku = windowsFixture('reg-query-hku.1-two-users.txt');
    const events = await watchOnce(windowsSystemSettingsSource, fixtureProvider({
      'windows.reg-hku': () => ({ stdout: hku }),
      'windows.reg-internet-settings': (args) => (args[1]!.includes('-1001\\')
        ? { stdout: windowsFixture('reg-query-internet-settings.2-proxy-on-derived.txt').replace('HKEY_CURRENT_USER', `HKEY_USERS\\${args[1]!.split('\\')[1]}`) }
        : { stdout: withCrlf(windowsFixture('reg-query-internet-settings.1-proxy-off.txt')) }),
      'windows.reg-volatile-username': () => ({ stdout: '\r\nHKEY_USERS\\S-1-5-21-1004336348-1177238915-682003330-1001\\Volatile Environment\r\n    USERNAME    REG_SZ    pupil7\r\n\r\n' }),
      'windows.netsh-winhttp-proxy': () => ({ stdout: withCrlf(windowsFixture('netsh-winhttp-show-proxy.2-proxy.txt')) }),
    }));
    // The WinHTTP proxy was there at start: the school's standing configuration, not reported.
    expect(events).toEqual([expect.objectContaining({ kind: MisuseKind.PROXY_SET, user: 'pupil7', subject: '127.0.0.1:7890', changedByAdministrator: Tri.TRI_NO,
      detail: 'A proxy was set in the user\'s own settings: Windows (Internet Options) sends web traffic through the HTTP proxy 127.0.0.1:7890' })]);
  });

  it('Windows: Group Policy locking the proxy settings makes a signed-in person\'s proxy the school\'s', async () => {
    const events = await watchOnce(windowsSystemSettingsSource, fixtureProvider({
      'windows.reg-hku': () => ({ stdout: windowsFixture('reg-query-hku.1-two-users.txt') }),
      'windows.reg-internet-settings': () => ({ stdout: windowsFixture('reg-query-internet-settings.2-proxy-on-derived.txt') }),
      'windows.reg-proxy-policy-machine': () => ({ stdout: '\nHKEY_LOCAL_MACHINE\\Software\\Policies\\Microsoft\\Internet Explorer\\Control Panel\n    Proxy    REG_DWORD    0x1\n\n' }),
      'windows.netsh-winhttp-proxy': () => ({ stdout: windowsFixture('netsh-winhttp-show-proxy.1-direct.txt') }),
    }));
    expect(events).toEqual([]); // managed, and there at start
  });

  it('macOS: the proxy in force, reported as set on the device', async () => {
    const events = await watchOnce(scutilProxySource, fixtureProvider({ 'macos.scutil-proxy': () => ({ stdout: macosFixture('scutil-proxy.1-pac.txt') }) }));
    expect(events).toEqual([expect.objectContaining({ kind: MisuseKind.PROXY_SET, user: 'console-user', subject: 'http://wpad.company.com/wpad.dat' })]);
  });
});
