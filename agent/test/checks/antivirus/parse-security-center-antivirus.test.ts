import { describe, expect, it } from 'vitest';
import { Tri } from '@invigilator/shared/wire.ts';
import { decodeProductState, parseSecurityCenterAntivirus } from '../../../src/checks/antivirus/parse-security-center-antivirus.ts';
import { cutShort, windowsFixture, withCrlf } from '../windows-fixtures.ts';

describe('decodeProductState', () => {
  // Values and readings from SecurityCenter2-productState-decoding.notes.txt.
  it.each([
    [397568, Tri.TRI_YES, Tri.TRI_YES, true],
    [393472, Tri.TRI_NO, Tri.TRI_YES, true],
    [397584, Tri.TRI_YES, Tri.TRI_NO, true],
    [266240, Tri.TRI_YES, Tri.TRI_YES, false],
    [262160, Tri.TRI_NO, Tri.TRI_NO, false],
  ])('%i → enabled %i, up to date %i', (state, enabled, upToDate, microsoft) => {
    expect(decodeProductState(state)).toEqual({ enabled, upToDate, microsoft });
  });
});

describe('parseSecurityCenterAntivirus', () => {
  it('reads two registered products: Bitdefender on, Defender off (passive)', () => {
    const result = parseSecurityCenterAntivirus(withCrlf(windowsFixture('SecurityCenter2-AntiVirusProduct.1.txt')));
    expect(result.ok && result.value.map(({ product, isDefender }) => [product.name, product.enabled, product.reportsUpToDate, isDefender])).toEqual([
      ['Bitdefender Antivirus', Tri.TRI_YES, Tri.TRI_YES, false],
      ['Windows Defender', Tri.TRI_NO, Tri.TRI_YES, true],
    ]);
  });

  it('reads the Get-WmiObject form with its system properties', () => {
    const result = parseSecurityCenterAntivirus(windowsFixture('SecurityCenter2-AntiVirusProduct.3-wmiobject.txt'));
    expect(result.ok && result.value).toEqual([expect.objectContaining({ isDefender: true, product: expect.objectContaining({ enabled: Tri.TRI_YES }) })]);
  });

  it('reads the JSON form of one product (an object, not an array)', () => {
    // The values of the .3 capture as ConvertTo-Json prints the agent's Select-Object.
    const json = '{"displayName":"Windows Defender","instanceGuid":"{D68DDC3A-831F-4fae-9E44-DA132C1ACF46}","pathToSignedProductExe":"windowsdefender://","productState":397568}';
    const result = parseSecurityCenterAntivirus(json);
    expect(result.ok && result.value.length).toBe(1);
  });

  it('reads no registered product as an empty list', () => {
    expect(parseSecurityCenterAntivirus('')).toEqual({ ok: true, value: [] });
  });

  it.each([
    ['truncated JSON', cutShort('[{"displayName":"Windows Defender","productState":397568},{"displayName":"Other","productState":266240}]', 0.7), 'OUTPUT_TRUNCATED'],
    ['a product without a state', '{"displayName":"Windows Defender"}', 'OUTPUT_UNRECOGNISED'],
  ])('gives a coded reason for %s', (_name, text, code) => {
    const result = parseSecurityCenterAntivirus(text);
    expect(!result.ok && result.code).toBe(code);
  });
});
