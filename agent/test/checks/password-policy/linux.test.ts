import { describe, expect, it } from 'vitest';
import { CollectionStatus, Tri } from '@invigilator/shared/wire.ts';
import { check } from '../../../src/checks/password-policy/linux.ts';
import { liveProvider } from '../../../src/checks/live-provider.ts';
import { runCheck } from '../../../src/checks/runner.ts';
import { absent, linuxFixture, onlyThese, ran } from '../collected-from.ts';

const context = { removableMountRoots: [] };
const IDS = ['linux.login-defs', 'linux.pwquality-conf', 'linux.faillock-conf', 'linux.pam-common-password', 'linux.pam-common-auth', 'linux.pam-system-auth', 'linux.pam-password-auth'];
const fixture = (name: string) => ran(linuxFixture(name));
const DEBIAN = {
  'linux.login-defs': fixture('login.defs.devmachine.txt'),
  'linux.faillock-conf': fixture('faillock.conf.devmachine.txt'),
  'linux.pam-common-password': fixture('pam-common-password.devmachine.txt'),
  'linux.pam-common-auth': fixture('pam-common-auth.devmachine.txt'),
};
const PWQUALITY_CONF = linuxFixture('pwquality.conf.1-upstream-default.txt');
const interpret = (present: Parameters<typeof onlyThese>[1]) => check.interpret(onlyThese(IDS, present), context);

describe('linux password policy', () => {
  it('declares fixed files only', () => {
    expect(check.sources(new Map(), context).map((spec) => [spec.id, spec.kind])).toEqual(IDS.map((id) => [id, 'file']));
  });

  it('off: Debian default (pam_unix only): length 6, no classes, no deny list, no expiry, no lockout', () => {
    expect(interpret(DEBIAN)).toEqual({ status: CollectionStatus.COLLECTED, passwordPolicy: {
      minLength: 6, maxLength: 0, minCharacterClasses: 0, maxAgeDays: 0,
      complexityRequired: Tri.TRI_NO, denyListEnforced: Tri.TRI_NO, lockoutThreshold: 0, historyLength: 0,
    } });
  });

  it('partly: CentOS 7 default (pwquality with upstream defaults): deny list on, no classes', () => {
    expect(interpret({
      'linux.login-defs': fixture('login.defs.inspec-excerpt.txt'),
      'linux.pwquality-conf': ran(PWQUALITY_CONF),
      'linux.pam-system-auth': fixture('pam-system-auth.1-centos7-authconfig.txt'),
      'linux.pam-password-auth': fixture('pam-system-auth.1-centos7-authconfig.txt'),
    }).passwordPolicy).toEqual({
      minLength: 8, maxLength: 0, minCharacterClasses: 0, maxAgeDays: 0,
      complexityRequired: Tri.TRI_NO, denyListEnforced: Tri.TRI_YES, lockoutThreshold: 0, historyLength: 0,
    });
  });

  it('on: hardened RHEL (cracklib credits, tally2 deny=3, remember=3) with a 90-day expiry', () => {
    expect(interpret({
      'linux.login-defs': ran(linuxFixture('login.defs.2-debian-grep-PASS.txt').replace('PASS_MAX_DAYS\t99999', 'PASS_MAX_DAYS\t90')),
      'linux.pwquality-conf': ran(PWQUALITY_CONF),
      'linux.pam-system-auth': fixture('pam-system-auth.2-hardened-tally2-cracklib.txt'),
    }).passwordPolicy).toEqual({
      minLength: 8, maxLength: 0, minCharacterClasses: 4, maxAgeDays: 90,
      complexityRequired: Tri.TRI_YES, denyListEnforced: Tri.TRI_YES, lockoutThreshold: 3, historyLength: 3,
    });
  });

  // Settings derived from the real files in this test.
  it('pwquality.conf counts only when pam_pwquality is in the stack; faillock defaults to deny=3', () => {
    const strictConf = PWQUALITY_CONF.replace('# minlen = 8', 'minlen = 14').replace('# minclass = 0', 'minclass = 3').replace('# dictcheck = 1', 'dictcheck = 0');
    const withoutPwquality = interpret({ ...DEBIAN, 'linux.pwquality-conf': ran(strictConf) }).passwordPolicy;
    expect(withoutPwquality).toMatchObject({ minLength: 6, minCharacterClasses: 0 });

    const stack = linuxFixture('pam-common-password.devmachine.txt')
      .replace('password\t[success=1 default=ignore]', 'password\trequisite\t\t\tpam_pwquality.so retry=3\npassword\t[success=1 default=ignore]')
      .replace('obscure yescrypt', 'obscure use_authtok try_first_pass yescrypt remember=5');
    const auth = linuxFixture('pam-common-auth.devmachine.txt').replace('auth\t[success=1', 'auth\trequisite\t\t\tpam_faillock.so preauth\nauth\t[success=1');
    expect(interpret({ ...DEBIAN, 'linux.pwquality-conf': ran(strictConf), 'linux.pam-common-password': ran(stack), 'linux.pam-common-auth': ran(auth) }).passwordPolicy)
      .toMatchObject({ minLength: 14, minCharacterClasses: 3, complexityRequired: Tri.TRI_YES, denyListEnforced: Tri.TRI_NO, lockoutThreshold: 3, historyLength: 5 });
  });

  it('missing: no PAM stack and no login.defs gives unknowns, not guesses', () => {
    expect(interpret({}).passwordPolicy).toEqual({
      minLength: -1, maxLength: -1, minCharacterClasses: -1, maxAgeDays: -1,
      complexityRequired: Tri.TRI_UNKNOWN, denyListEnforced: Tri.TRI_UNKNOWN, lockoutThreshold: -1, historyLength: -1,
    });
  });

  it.each([
    ['a garbled PAM argument', { ...DEBIAN, 'linux.pam-common-password': ran(linuxFixture('pam-common-password.devmachine.txt').replace('obscure yescrypt', 'obscure yescrypt remember=five')) }, 'OUTPUT_MALFORMED'],
    ['a truncated PAM line', { ...DEBIAN, 'linux.pam-common-auth': ran('auth\t[success=1 default=ignore]\n') }, 'OUTPUT_MALFORMED'],
    ['an unreadable stack', { ...DEBIAN, 'linux.pam-common-password': { ...absent(), errorCode: 'PERMISSION_DENIED' as const } }, 'PERMISSION_DENIED'],
  ])('could not collect on %s', (_what, present, code) => {
    expect(interpret(present)).toMatchObject({ status: CollectionStatus.COULD_NOT_COLLECT, reasonCode: code });
  });

  it.runIf(process.platform === 'linux')('live: this machine gives collected facts (Linux only)', async () => {
    const { observation } = await runCheck(check, liveProvider, context);
    expect(observation).toMatchObject({ check: 'password-policy', status: CollectionStatus.COLLECTED });
    expect(observation.passwordPolicy?.minLength).toEqual(expect.any(Number));
  });
});
