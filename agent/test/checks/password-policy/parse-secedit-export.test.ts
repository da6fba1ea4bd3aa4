import { describe, expect, it } from 'vitest';
import { Tri } from '@invigilator/shared/wire.ts';
import { parseSeceditExport } from '../../../src/checks/password-policy/parse-secedit-export.ts';
import { cutShort, utf16Decoded, utf16MisreadAsUtf8, windowsFixture } from '../windows-fixtures.ts';

const ini = windowsFixture('secedit-export.1.txt');
/** As the agent's script prints the file: one JSON string. */
const asJson = (text: string): string => JSON.stringify(text.replace(/\n/g, '\r\n'));

describe('parseSeceditExport', () => {
  it('reads the real export (complexity on, no minimum length, 42-day expiry, lockout after 1)', () => {
    expect(parseSeceditExport(asJson(ini))).toEqual({ ok: true, value: {
      minLength: 0, maxLength: 0, minCharacterClasses: 3, maxAgeDays: 42, complexityRequired: Tri.TRI_YES,
      denyListEnforced: Tri.TRI_UNKNOWN, denyListProblem: expect.stringContaining('directory'), lockoutThreshold: 1, historyLength: 0,
    } });
  });

  it('reads a second real export (a workstation with no lockout)', () => {
    const result = parseSeceditExport(asJson(windowsFixture('secedit-export.2-workstation.txt')));
    expect(result).toMatchObject({ ok: true, value: { minLength: 0, maxAgeDays: 42, complexityRequired: Tri.TRI_YES, lockoutThreshold: 0, historyLength: 0 } });
  });

  it('reads the raw UTF-16LE file as well as the JSON form', () => {
    expect(parseSeceditExport(utf16Decoded(ini)).ok).toBe(true);
  });

  it.each([
    ['never expires (-1), complexity off', ini.replace('MaximumPasswordAge = 42', 'MaximumPasswordAge = -1').replace('PasswordComplexity = 1', 'PasswordComplexity = 0'),
      { maxAgeDays: 0, complexityRequired: Tri.TRI_NO, minCharacterClasses: 0 }],
    ['a school policy (length 12, history 24, lockout 5)', ini.replace('MinimumPasswordLength = 0', 'MinimumPasswordLength = 12').replace('PasswordHistorySize = 0', 'PasswordHistorySize = 24').replace('LockoutBadCount = 1', 'LockoutBadCount = 5'),
      { minLength: 12, historyLength: 24, lockoutThreshold: 5 }],
  ])('reads %s (values changed in the real export)', (_name, text, expected) => {
    const result = parseSeceditExport(asJson(text));
    expect(result.ok && result.value).toMatchObject(expected);
  });

  it.each([
    ['an export cut inside [System Access]', cutShort(ini, 0.012), 'OUTPUT_TRUNCATED'],
    ['truncated JSON', cutShort(asJson(ini), 0.5), 'OUTPUT_TRUNCATED'],
    ['UTF-16LE read as UTF-8', utf16MisreadAsUtf8(ini), 'OUTPUT_UNRECOGNISED'],
    ['a non-number', ini.replace('MinimumPasswordLength = 0', 'MinimumPasswordLength = eight'), 'OUTPUT_MALFORMED'],
    ['a JSON object instead of text', '{"value":"x"}', 'OUTPUT_UNRECOGNISED'],
  ])('gives a coded reason for %s', (_name, text, code) => {
    const result = parseSeceditExport(text);
    expect(!result.ok && result.code).toBe(code);
  });
});
