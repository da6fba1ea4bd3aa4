import { describe, expect, it } from 'vitest';
import { Tri } from '@invigilator/shared/wire.ts';
import { field, kebabCase, psBool, psDateMs, psEnum, psList, readPsRecords, readPsText, triAll } from '../../src/checks/windows-json.ts';
import { windowsFixture } from './windows-fixtures.ts';

describe('readPsRecords', () => {
  it.each([
    ['one object', '{"Name":"Domain"}', [{ Name: 'Domain' }]],
    ['an array', '[{"Name":"Domain"},{"Name":"Public"}]', [{ Name: 'Domain' }, { Name: 'Public' }]],
    ['nothing', '\r\n', []],
    ['Format-List text', 'Name    : Domain\r\nEnabled : True\r\n\r\nName    : Public\r\nEnabled : False\r\n', [{ Name: 'Domain', Enabled: 'True' }, { Name: 'Public', Enabled: 'False' }]],
    ['a BOM before JSON', '\uFEFF{"a":1}', [{ a: 1 }]],
  ])('reads %s', (_name, text, expected) => {
    expect(readPsRecords(text)).toEqual({ ok: true, value: expected });
  });

  it('reads a wrapped Format-List value', () => {
    expect(readPsRecords('KeyProtector : {RecoveryPassword,\n               Tpm}\n')).toEqual({ ok: true, value: [{ KeyProtector: '{RecoveryPassword,Tpm}' }] });
  });

  it.each([
    ['damaged JSON', '{"a":1,,}', 'OUTPUT_MALFORMED'],
    ['cut JSON', '[{"a":"b', 'OUTPUT_TRUNCATED'],
    ['plain prose', 'Access is denied.', 'OUTPUT_UNRECOGNISED'],
  ])('gives a coded reason for %s', (_name, text, code) => {
    const result = readPsRecords(text);
    expect(!result.ok && result.code).toBe(code);
  });
});

describe('PowerShell values', () => {
  it('reads the Windows PowerShell 5.1 date form from the real ConvertTo-Json example', () => {
    // The doc example puts blank lines between members; JSON ignores them.
    const example = `${windowsFixture('ConvertTo-Json-DateTime.ps51-example.txt').trim().replace(/,\s*$/, '')}}}`;
    const date = readPsRecords(example);
    expect(date.ok && psDateMs(field(date.value[0] ?? {}, 'Date'))).toBe(1326441600000);
  });

  it.each([
    ['/Date(1700000000000)/', 1700000000000],
    ['2012-01-13T20:06:16.2218083-08:00', Date.UTC(2012, 0, 14, 4, 6, 16, 221)],
    [{ value: '/Date(1326441600000)/', DisplayHint: 2 }, 1326441600000],
    ['6/4/2024 8:06:27 AM', undefined],
    [null, undefined],
  ])('date %j', (value, expected) => {
    expect(psDateMs(value)).toBe(expected);
  });

  it('reads booleans, enums, lists and names', () => {
    expect([true, 'False', 1, 0, 'yes', null].map(psBool)).toEqual([true, false, true, false, undefined, undefined]);
    expect([6, 'xtsaes128', 'Nonsense', 99].map((value) => psEnum(value, { 0: 'None', 6: 'XtsAes128' }))).toEqual(['XtsAes128', 'XtsAes128', undefined, undefined]);
    expect([psList('80'), psList(['80', 443]), psList(null)]).toEqual([['80'], ['80', '443'], []]);
    expect(field({ deviceid: 'E:' }, 'DeviceID')).toBe('E:');
    expect(['FullyEncrypted', 'EncryptionInProgress', 'XtsAes256', 'XTS-AES 128', 'Used Space Only Encrypted'].map(kebabCase))
      .toEqual(['fully-encrypted', 'encryption-in-progress', 'xts-aes-256', 'xts-aes-128', 'used-space-only-encrypted']);
  });

  it('sums up tri-state values', () => {
    expect(triAll([Tri.TRI_YES, Tri.TRI_YES])).toBe(Tri.TRI_YES);
    expect(triAll([Tri.TRI_YES, Tri.TRI_UNKNOWN])).toBe(Tri.TRI_UNKNOWN);
    expect(triAll([Tri.TRI_UNKNOWN, Tri.TRI_NO])).toBe(Tri.TRI_NO);
    expect(triAll([])).toBe(Tri.TRI_UNKNOWN);
  });

  it('reads a JSON string document or raw text', () => {
    expect(readPsText('"[Unicode]\\r\\nUnicode=yes"')).toEqual({ ok: true, value: '[Unicode]\r\nUnicode=yes' });
    expect(readPsText('[Unicode]')).toEqual({ ok: true, value: '[Unicode]' });
  });
});
