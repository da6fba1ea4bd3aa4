import { describe, expect, it } from 'vitest';
import { parsePamStack, parseSettingsFile } from '../../../src/checks/password-policy/parse-pam.ts';
import { linuxFixture } from '../collected-from.ts';

const modules = (name: string, type: string) => {
  const result = parsePamStack(linuxFixture(name), name);
  if (!result.ok) throw new Error(result.reason);
  return result.value.filter((line) => line.type === type).map((line) => line.module);
};

describe('parsePamStack', () => {
  it('reads the Debian stack with its bracketed control (development machine)', () => {
    const result = parsePamStack(linuxFixture('pam-common-password.devmachine.txt'), 'common-password');
    expect(result.ok && result.value[0]).toEqual({
      type: 'password', control: '[success=1 default=ignore]', module: 'pam_unix', args: new Map([['obscure', true], ['yescrypt', true]]),
    });
    expect(modules('pam-common-password.devmachine.txt', 'password')).toEqual(['pam_unix', 'pam_deny', 'pam_permit']);
  });

  it('reads RHEL stacks: "-session" lines, arguments with "=" and empty values', () => {
    expect(modules('pam-system-auth.1-centos7-authconfig.txt', 'password')).toEqual(['pam_pwquality', 'pam_unix', 'pam_deny']);
    const result = parsePamStack(linuxFixture('pam-system-auth.1-centos7-authconfig.txt'), 'system-auth');
    expect(result.ok && result.value.find((line) => line.module === 'pam_pwquality')?.args)
      .toEqual(new Map<string, string | true>([['try_first_pass', true], ['local_users_only', true], ['retry', '3'], ['authtok_type', '']]));
    expect(modules('pam-system-auth.1-centos7-authconfig.txt', 'session')).toContain('pam_systemd');
  });

  it('joins continued lines, ignores @include and full module paths', () => {
    const result = parsePamStack('@include common-auth\npassword requisite /lib/security/pam_pwquality.so \\\n  minlen=12 # trailing comment\n', 'test');
    expect(result.ok && result.value).toEqual([{ type: 'password', control: 'requisite', module: 'pam_pwquality', args: new Map([['minlen', '12']]) }]);
  });

  it.each([
    ['a truncated line', 'password    requisite\n'],
    ['an unknown type', 'passwd requisite pam_unix.so\n'],
    ['a UTF-16 file', Buffer.from(linuxFixture('pam-common-password.devmachine.txt'), 'utf16le').toString('utf8')],
  ])('refuses %s', (_what, text) => {
    expect(parsePamStack(text, 'common-password')).toMatchObject({ ok: false, code: 'OUTPUT_MALFORMED' });
  });
});

describe('parseSettingsFile', () => {
  it('reads nothing from the all-commented upstream pwquality.conf', () => {
    expect(parseSettingsFile(linuxFixture('pwquality.conf.1-upstream-default.txt'), 'pwquality.conf')).toEqual({ ok: true, value: new Map() });
    expect(parseSettingsFile(linuxFixture('faillock.conf.devmachine.txt'), 'faillock.conf')).toEqual({ ok: true, value: new Map() });
  });

  it('reads values and bare flags (uncommented from the upstream file in this test)', () => {
    const text = linuxFixture('pwquality.conf.1-upstream-default.txt').replace('# minlen = 8', 'minlen = 12').replace('# enforce_for_root', 'enforce_for_root');
    expect(parseSettingsFile(text, 'pwquality.conf')).toEqual({ ok: true, value: new Map<string, string | true>([['minlen', '12'], ['enforce_for_root', true]]) });
  });

  it('refuses a garbled line', () => {
    expect(parseSettingsFile('minlen: 12\n', 'pwquality.conf')).toMatchObject({ ok: false, code: 'OUTPUT_MALFORMED' });
  });
});
