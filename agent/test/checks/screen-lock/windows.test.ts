import { describe, expect, it } from 'vitest';
import { CollectionStatus, Tri } from '@invigilator/shared/wire.ts';
import { check, WINDOWS_SCREEN_LOCK_SOURCE } from '../../../src/checks/screen-lock/windows.ts';
import { parseWindowsScreenLock } from '../../../src/checks/screen-lock/parse-windows-screen-lock.ts';
import { collectedFrom, ran } from '../collected-from.ts';
import { cutShort, utf16Decoded, windowsFixture } from '../windows-fixtures.ts';

const context = { removableMountRoots: [] };
const report = (overrides: Record<string, unknown>) => JSON.stringify({
  Machine: {}, UserSignedIn: true, UserPolicy: {}, UserSetting: {}, WakePassword: {}, ...overrides,
});

describe('screen lock on Windows', () => {
  it('reads one PowerShell report that never prints the user\'s name', () => {
    const [source] = check.sources(new Map(), context);
    expect(source?.id).toBe(WINDOWS_SCREEN_LOCK_SOURCE);
    const script = source?.kind === 'command' ? source.args.join(' ') : '';
    expect(script).toContain('UserSignedIn = [bool]$user');
    expect(script).not.toMatch(/UserName\s*=/);
  });

  it('the machine inactivity limit (real value 0x258 = 600 s) locks and is enforced', () => {
    const finding = check.interpret(collectedFrom({ [WINDOWS_SCREEN_LOCK_SOURCE]: ran(windowsFixture('screen-lock-settings.1-inactivity-600-derived.json')) }), context);
    expect(finding).toEqual({ status: CollectionStatus.COLLECTED, screenLock: {
      idleLockSeconds: 600, passwordOnWake: Tri.TRI_YES, enforced: Tri.TRI_YES, settingSource: 'windows machine inactivity limit', problem: '',
    } });
  });

  it('a user\'s own secure screen saver of an hour is reported as such, not enforced', () => {
    const finding = check.interpret(collectedFrom({ [WINDOWS_SCREEN_LOCK_SOURCE]: ran(windowsFixture('screen-lock-settings.2-screensaver-3600-derived.json')) }), context);
    expect(finding.screenLock).toMatchObject({ idleLockSeconds: 3600, passwordOnWake: Tri.TRI_YES, enforced: Tri.TRI_NO, settingSource: 'windows screen saver' });
  });

  it('the user\'s Group Policy values win over their own, and make it enforced', () => {
    const parsed = parseWindowsScreenLock(report({
      UserPolicy: { ScreenSaveActive: '1', ScreenSaverIsSecure: '1', ScreenSaveTimeOut: '300', 'SCRNSAVE.EXE': 'scrnsave.scr' },
      UserSetting: { ScreenSaveActive: '0', ScreenSaveTimeOut: '3600' },
    }));
    expect(parsed).toMatchObject({ ok: true, value: { idleLockSeconds: 300, enforced: Tri.TRI_YES, settingSource: 'windows screen saver (group policy)' } });
  });

  it('a screen saver that is not secure, or has no program, never locks', () => {
    expect(parseWindowsScreenLock(report({ UserSetting: { ScreenSaveActive: '1', ScreenSaverIsSecure: '0', ScreenSaveTimeOut: '300', 'SCRNSAVE.EXE': 'a.scr' } })))
      .toMatchObject({ ok: true, value: { idleLockSeconds: 0, passwordOnWake: Tri.TRI_UNKNOWN } });
    expect(parseWindowsScreenLock(report({ UserSetting: { ScreenSaveActive: '1', ScreenSaverIsSecure: '1', ScreenSaveTimeOut: '300' } })))
      .toMatchObject({ ok: true, value: { idleLockSeconds: 0 } });
  });

  it('the shorter of the machine limit and the screen saver counts; a wake policy of 0 means no password on wake', () => {
    expect(parseWindowsScreenLock(report({
      Machine: { InactivityTimeoutSecs: '900' },
      UserSetting: { ScreenSaveActive: '1', ScreenSaverIsSecure: '1', ScreenSaveTimeOut: '300', 'SCRNSAVE.EXE': 'a.scr' },
      WakePassword: { ACSettingIndex: '1', DCSettingIndex: '0' },
    }))).toMatchObject({ ok: true, value: { idleLockSeconds: 300, passwordOnWake: Tri.TRI_NO } });
  });

  it('no one signed in and no machine limit: the wait is unknown, with the reason', () => {
    expect(parseWindowsScreenLock(report({ UserSignedIn: false, UserPolicy: null, UserSetting: null })))
      .toMatchObject({ ok: true, value: { idleLockSeconds: -1, problem: expect.stringContaining('No one was signed in') } });
  });

  it('damaged, cut-off, UTF-16 or unexpected reports are unknown with a reason, never a pass', () => {
    const real = windowsFixture('screen-lock-settings.1-inactivity-600-derived.json');
    expect(parseWindowsScreenLock(cutShort(real, 0.5))).toMatchObject({ ok: false, code: 'OUTPUT_TRUNCATED' });
    expect(parseWindowsScreenLock(utf16Decoded(real))).toMatchObject({ ok: true, value: { idleLockSeconds: 600 } });
    expect(parseWindowsScreenLock('[]')).toMatchObject({ ok: false, code: 'OUTPUT_UNRECOGNISED' });
    expect(parseWindowsScreenLock(report({ Machine: { InactivityTimeoutSecs: 'zehn Minuten' } }))).toMatchObject({ ok: false, code: 'OUTPUT_UNRECOGNISED' });
    expect(parseWindowsScreenLock(report({ UserSetting: { ScreenSaveActive: '1', ScreenSaverIsSecure: '1', ScreenSaveTimeOut: '5,0', 'SCRNSAVE.EXE': 'a.scr' } }))).toMatchObject({ ok: false, code: 'OUTPUT_UNRECOGNISED' });
    expect(check.interpret(collectedFrom({ [WINDOWS_SCREEN_LOCK_SOURCE]: ran('', { exitCode: 1, stderr: 'Access is denied.' }) }), context))
      .toMatchObject({ status: CollectionStatus.COULD_NOT_COLLECT, reasonCode: 'COMMAND_FAILED' });
  });
});
