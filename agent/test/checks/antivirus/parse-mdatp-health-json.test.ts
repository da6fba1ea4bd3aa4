import { describe, expect, it } from 'vitest';
import { Tri } from '@invigilator/shared/wire.ts';
import { isMdatpJson, parseMdatpHealthJson } from '../../../src/checks/antivirus/parse-mdatp-health-json.ts';
import { linuxFixture } from '../collected-from.ts';
import { macosFixture } from '../../helpers/macos-fixture.ts';

// Real `mdatp health --output json` captures (see each .source.txt): a Mac with real-time
// protection on, and a Linux install in passive mode. The damaged cases are derived from them here.
const MACOS = macosFixture('mdatp-health-json.1-101.98.30.json');
const LINUX_PASSIVE = linuxFixture('mdatp-health-json.2-101.23062-passive.json');
const READ_AT = Date.UTC(2026, 10, 23, 8, 0);

/** The capture with one top-level field replaced (or removed, given undefined). */
const withField = (text: string, key: string, value: unknown): string => {
  const health = JSON.parse(text) as Record<string, unknown>;
  if (!(key in health)) throw new Error(`no ${key} to change`);
  if (value === undefined) Reflect.deleteProperty(health, key);
  else health[key] = value;
  return JSON.stringify(health);
};

describe('parseMdatpHealthJson on real outputs', () => {
  it('a Mac: on, real-time protection on, dated by definitionsUpdated itself (no need for the time of the read)', () => {
    const expected = {
      name: 'Microsoft Defender for Endpoint', enabled: Tri.TRI_YES, realtimeProtection: Tri.TRI_YES, signaturesUpdatedAtMs: 1683092938089,
      signatureVersion: '1.389.10.0', reportsUpToDate: Tri.TRI_YES, engineVersion: '1.1.20100.6',
    };
    expect(parseMdatpHealthJson(MACOS, READ_AT)).toEqual({ ok: true, value: expected });
    expect(parseMdatpHealthJson(MACOS, undefined)).toEqual({ ok: true, value: expected });
  });

  it('Linux in passive mode: reported as not protecting (real-time off), definitions still dated', () => {
    expect(parseMdatpHealthJson(LINUX_PASSIVE, READ_AT)).toEqual({ ok: true, value: {
      name: 'Microsoft Defender for Endpoint', enabled: Tri.TRI_NO, realtimeProtection: Tri.TRI_NO, signaturesUpdatedAtMs: 1691587153787,
      signatureVersion: '1.395.30.0', reportsUpToDate: Tri.TRI_YES, engineVersion: '1.1.23070.1002',
    } });
  });

  it('tells the JSON form from the text form, a notice line before it allowed', () => {
    expect(isMdatpJson(MACOS)).toBe(true);
    expect(isMdatpJson(`ATTENTION: No license found. Contact your administrator for help.\n${LINUX_PASSIVE}`)).toBe(true);
    expect(isMdatpJson(macosFixture('mdatp-health.1-doc-tamper-block.txt'))).toBe(false);
  });
});

describe('parseMdatpHealthJson on derived variations', () => {
  it('without definitionsUpdated, dates from definitionsUpdatedMinutesAgo and the time of the read, else unknown (0)', () => {
    const noDate = withField(MACOS, 'definitionsUpdated', undefined);
    expect(parseMdatpHealthJson(noDate, READ_AT)).toMatchObject({ ok: true, value: { signaturesUpdatedAtMs: READ_AT - 158 * 60_000 } });
    expect(parseMdatpHealthJson(noDate, undefined)).toMatchObject({ ok: true, value: { signaturesUpdatedAtMs: 0 } });
  });

  it.each([
    ['updateFailed', { $type: 'updateFailed' }, Tri.TRI_NO],
    ['an undocumented status', { $type: 'somethingNew' }, Tri.TRI_UNKNOWN],
    ['unavailable (null)', null, Tri.TRI_UNKNOWN],
  ])('definitionsStatus %s', (_name, status, upToDate) => {
    expect(parseMdatpHealthJson(withField(MACOS, 'definitionsStatus', status), READ_AT)).toMatchObject({ ok: true, value: { reportsUpToDate: upToDate } });
  });

  it('unhealthy and unlicensed, with the facts it lacks left out: off, those facts unknown', () => {
    let unlicensed = withField(withField(MACOS, 'healthy', false), 'licensed', false);
    for (const key of ['realTimeProtectionEnabled', 'definitionsUpdated', 'definitionsUpdatedMinutesAgo', 'definitionsVersion', 'definitionsStatus']) {
      unlicensed = withField(unlicensed, key, undefined);
    }
    expect(parseMdatpHealthJson(unlicensed, READ_AT)).toMatchObject({ ok: true, value: {
      enabled: Tri.TRI_NO, realtimeProtection: Tri.TRI_UNKNOWN, signaturesUpdatedAtMs: 0, signatureVersion: '', reportsUpToDate: Tri.TRI_UNKNOWN,
    } });
  });

  it.each([
    ['empty', '', 'OUTPUT_EMPTY'],
    ['cut part-way', MACOS.slice(0, MACOS.indexOf('"healthy"')), 'OUTPUT_TRUNCATED'],
    ['not JSON although it ends in a brace', '{healthy: true}', 'OUTPUT_UNRECOGNISED'],
    ['no healthy field', withField(MACOS, 'healthy', undefined), 'OUTPUT_UNRECOGNISED'],
    ['real-time protection not a boolean', withField(MACOS, 'realTimeProtectionEnabled', { value: 'wahr' }), 'OUTPUT_UNRECOGNISED'],
    ['definitionsUpdated in another form', withField(MACOS, 'definitionsUpdated', 'May 03, 2023 at 07:48:58 AM'), 'OUTPUT_UNRECOGNISED'],
    ['a licensed product without its definitions version', withField(MACOS, 'definitionsVersion', undefined), 'OUTPUT_UNRECOGNISED'],
  ])('%s: refused, naming the command', (_name, text, code) => {
    const result = parseMdatpHealthJson(text, READ_AT);
    expect(result).toMatchObject({ ok: false, code });
    expect(!result.ok && result.reason).toMatch(/mdatp health --output json/);
  });
});
