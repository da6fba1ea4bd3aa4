import { describe, expect, it } from 'vitest';
import { Tri } from '@invigilator/shared/wire.ts';
import { parseNetAccounts } from '../../../src/checks/password-policy/parse-net-accounts.ts';
import { cutShort, windowsFixture, withCrlf } from '../windows-fixtures.ts';

describe('parseNetAccounts', () => {
  it.each([
    ['net-accounts.1-default-weak.txt', { minLength: 0, maxAgeDays: 42, historyLength: 0, lockoutThreshold: 0 }],
    ['net-accounts.2-domain-workstation.txt', { minLength: 7, maxAgeDays: 42, historyLength: 24, lockoutThreshold: 5 }],
    ['net-accounts.3-domain-pdc.txt', { minLength: 7, maxAgeDays: 42, historyLength: 24, lockoutThreshold: 0 }],
  ])('reads the real capture %s', (name, expected) => {
    const result = parseNetAccounts(withCrlf(windowsFixture(name)));
    expect(result.ok && result.value).toEqual({ ...expected, maxLength: 0, minCharacterClasses: -1, complexityRequired: Tri.TRI_UNKNOWN, denyListEnforced: Tri.TRI_UNKNOWN, denyListProblem: expect.stringContaining('directory') });
  });

  it('reads "Unlimited" maximum age as never expires', () => {
    const result = parseNetAccounts(windowsFixture('net-accounts.2-domain-workstation.txt').replace(/(Maximum password age \(days\):\s+)42/, '$1Unlimited'));
    expect(result.ok && result.value.maxAgeDays).toBe(0);
  });

  // A German variant derived from the real .2 capture (labels translated; not a capture).
  const german = windowsFixture('net-accounts.2-domain-workstation.txt')
    .replace('Minimum password length', 'Minimale Kennwortlänge').replace('Maximum password age (days)', 'Maximales Kennwortalter (Tage)')
    .replace('Length of password history maintained', 'Länge der Kennwortchronik').replace('Lockout threshold', 'Sperrschwelle');

  it.each([
    ['German labels', german, 'OUTPUT_LOCALISED'],
    ['a capture cut short', cutShort(windowsFixture('net-accounts.2-domain-workstation.txt'), 0.5), 'OUTPUT_TRUNCATED'],
    ['an unexpected value', windowsFixture('net-accounts.2-domain-workstation.txt').replace(/(Lockout threshold:\s+)5/, '$1Nie'), 'OUTPUT_UNRECOGNISED'],
    ['an error', 'System error 5 has occurred.', 'OUTPUT_UNRECOGNISED'],
  ])('gives a coded reason for %s', (_name, text, code) => {
    const result = parseNetAccounts(text);
    expect(!result.ok && result.code).toBe(code);
  });
});
