import { describe, expect, it } from 'vitest';
import { Tri } from '@invigilator/shared/wire.ts';
import { parseKscreenlockerrc } from '../../../src/checks/screen-lock/parse-kscreenlockerrc.ts';
import { linuxFixture } from '../collected-from.ts';

const parse = (text: string) => parseKscreenlockerrc({ text, source: 'linux.kscreenlockerrc' }, '/etc/xdg/kscreenlockerrc');
const withUser = (system: string, user: string) =>
  parseKscreenlockerrc({ text: system, source: 'linux.kscreenlockerrc' }, 'both', { text: user, source: 'linux.kscreenlockerrc-user' });

describe('parseKscreenlockerrc', () => {
  it('the real machine-wide file with the lock switched off: never locks, no password', () => {
    expect(parse(linuxFixture('kscreenlockerrc.1-htpc-lock-disabled.txt'))).toEqual({ ok: true, value: {
      idleLockSeconds: 0, passwordOnWake: Tri.TRI_NO, enforced: Tri.TRI_NO, settingSource: 'kde (/etc/xdg/kscreenlockerrc)', problem: '',
    } });
  });

  it('the real file with a 30-minute timeout and 300-second grace: the wait is until the password is asked', () => {
    expect(parse(linuxFixture('kscreenlockerrc.2-arch-user-timeout-30.txt'))).toMatchObject({ ok: true, value: { idleLockSeconds: 2100, passwordOnWake: Tri.TRI_YES } });
  });

  it('an immutable [Daemon][$i] group (derived) is enforced', () => {
    expect(parse(linuxFixture('kscreenlockerrc.3-immutable-derived.txt'))).toMatchObject({ ok: true, value: { idleLockSeconds: 300, enforced: Tri.TRI_YES } });
  });

  it('a value that is not a number or true/false, or a line that is no key=value, is unreadable, never a pass', () => {
    expect(parse('[Daemon]\nTimeout=fünf\n')).toMatchObject({ ok: false, code: 'OUTPUT_UNRECOGNISED' });
    expect(parse('[Daemon]\nAutolock=true\nTimeout=5\nthis is not a setting\n')).toMatchObject({ ok: false, code: 'OUTPUT_MALFORMED' });
  });

  it('keys outside [Daemon] do not count', () => {
    expect(parse('[Greeter]\nTimeout=0\n')).toMatchObject({ ok: true, value: { idleLockSeconds: 305 } });
  });

  it('the signed-in user\'s file wins over the machine-wide one, unless that marks the keys immutable', () => {
    const userNeverLocks = linuxFixture('kscreenlockerrc.1-htpc-lock-disabled.txt');
    expect(withUser('[Daemon]\nTimeout=5\n', userNeverLocks)).toMatchObject({ ok: true, value: { idleLockSeconds: 0, enforced: Tri.TRI_NO } });
    expect(withUser(linuxFixture('kscreenlockerrc.3-immutable-derived.txt'), userNeverLocks)).toMatchObject({ ok: true, value: { idleLockSeconds: 300, enforced: Tri.TRI_YES } });
    expect(withUser('', 'not a setting\n')).toMatchObject({ ok: false, reason: expect.stringContaining('linux.kscreenlockerrc-user') });
  });
});
