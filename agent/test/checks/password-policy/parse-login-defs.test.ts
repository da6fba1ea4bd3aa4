import { describe, expect, it } from 'vitest';
import { parseLoginDefs } from '../../../src/checks/password-policy/parse-login-defs.ts';
import { linuxFixture } from '../collected-from.ts';

describe('parseLoginDefs', () => {
  it.each([
    ['login.defs.devmachine.txt', { passMaxDays: 99999 }],
    ['login.defs.2-debian-grep-PASS.txt', { passMaxDays: 99999 }],
    // upstream template: no PASS_MAX_DAYS line, an obsolete PASS_MIN_LEN
    ['login.defs.1-shadow-upstream.txt', { passMinLen: 5 }],
    ['login.defs.inspec-excerpt.txt', {}],
  ])('%s', (name, expected) => {
    expect(parseLoginDefs(linuxFixture(name))).toEqual({ ok: true, value: expected });
  });

  // Variants derived from the real captures in this test.
  it('reads a 90-day expiry with CRLF endings', () => {
    expect(parseLoginDefs(linuxFixture('login.defs.devmachine.txt').replace('PASS_MAX_DAYS\t99999', 'PASS_MAX_DAYS\t90').replace(/\n/g, '\r\n')))
      .toEqual({ ok: true, value: { passMaxDays: 90 } });
  });

  it.each([
    ['a non-numeric value', linuxFixture('login.defs.2-debian-grep-PASS.txt').replace('PASS_MAX_DAYS\t99999', 'PASS_MAX_DAYS\tnever')],
    ['a UTF-16 file', Buffer.from(linuxFixture('login.defs.2-debian-grep-PASS.txt'), 'utf16le').toString('utf8')],
  ])('refuses %s', (_what, text) => {
    expect(parseLoginDefs(text)).toMatchObject({ ok: false, code: 'OUTPUT_MALFORMED' });
  });
});
