import { describe, expect, it } from 'vitest';
import { Tri } from '@invigilator/shared/wire.ts';
import { DEFENDER_NAME, parseMpComputerStatus } from '../../../src/checks/antivirus/parse-mp-computer-status.ts';
import { cutShort, utf16MisreadAsUtf8, windowsFixture, withCrlf } from '../windows-fixtures.ts';

// The agent's script prints JSON; the captures are Format-List. This JSON carries
// the real values of Get-MpComputerStatus.1.txt as Windows PowerShell 5.1 writes
// them (booleans, "/Date(ms)/"); the date 6/4/2024 8:06:27 AM is taken as UTC here.
const signaturesMs = Date.UTC(2024, 5, 4, 8, 6, 27);
const derivedJson = JSON.stringify({
  AMServiceEnabled: true, AntivirusEnabled: true, RealTimeProtectionEnabled: true, AMRunningMode: 'Normal',
  AntivirusSignatureLastUpdated: `/Date(${signaturesMs})/`, AntivirusSignatureAge: 1, AntivirusSignatureVersion: '1.413.102.0',
  AMEngineVersion: '1.1.24050.5', AMProductVersion: '4.18.24050.7', DefenderSignaturesOutOfDate: false,
});

describe('parseMpComputerStatus', () => {
  it('reads Defender on, up to date, from the JSON form', () => {
    expect(parseMpComputerStatus(derivedJson)).toEqual({ ok: true, value: {
      name: DEFENDER_NAME, enabled: Tri.TRI_YES, realtimeProtection: Tri.TRI_YES, signaturesUpdatedAtMs: signaturesMs,
      signatureVersion: '1.413.102.0', reportsUpToDate: Tri.TRI_YES, engineVersion: '1.1.24050.5',
    } });
  });

  it('reads the PowerShell 7 ISO date form', () => {
    const iso = derivedJson.replace(`/Date(${signaturesMs})/`, '2024-06-04T08:06:27.0000000Z');
    expect(parseMpComputerStatus(iso).ok && parseMpComputerStatus(iso)).toMatchObject({ value: { signaturesUpdatedAtMs: signaturesMs } });
  });

  it('reads the real list capture; its culture-formatted local date is left unknown', () => {
    const result = parseMpComputerStatus(withCrlf(windowsFixture('Get-MpComputerStatus.1.txt')));
    expect(result.ok && result.value).toMatchObject({ enabled: Tri.TRI_YES, realtimeProtection: Tri.TRI_YES, signaturesUpdatedAtMs: 0, reportsUpToDate: Tri.TRI_YES, engineVersion: '1.1.24050.5' });
  });

  it('reads an older Defender without DefenderSignaturesOutOfDate', () => {
    const result = parseMpComputerStatus(windowsFixture('Get-MpComputerStatus.3.txt'));
    expect(result.ok && result.value).toMatchObject({ enabled: Tri.TRI_YES, reportsUpToDate: Tri.TRI_UNKNOWN, signatureVersion: '1.155.1107.0' });
  });

  it('reads real-time protection off', () => {
    const result = parseMpComputerStatus(windowsFixture('Get-MpComputerStatus.4-rtp-off.txt'));
    expect(result.ok && result.value).toMatchObject({ enabled: Tri.TRI_YES, realtimeProtection: Tri.TRI_NO });
  });

  it('reports Defender in passive mode (another product protects) as not enabled', () => {
    const passive = JSON.stringify({ ...JSON.parse(derivedJson), AMRunningMode: 'Passive Mode', RealTimeProtectionEnabled: false });
    expect(parseMpComputerStatus(passive).ok && parseMpComputerStatus(passive)).toMatchObject({ value: { enabled: Tri.TRI_NO } });
  });

  it.each([
    ['truncated JSON', cutShort(derivedJson, 0.5), 'OUTPUT_TRUNCATED'],
    ['UTF-16LE read as UTF-8', utf16MisreadAsUtf8(windowsFixture('Get-MpComputerStatus.4-rtp-off.txt')), 'OUTPUT_UNRECOGNISED'],
    ['a report without the on/off switches', '{"AMEngineVersion":"1.1.24050.5"}', 'OUTPUT_UNRECOGNISED'],
    ['localised values', windowsFixture('Get-MpComputerStatus.4-rtp-off.txt').replaceAll('True', 'Wahr').replaceAll('False', 'Falsch'), 'OUTPUT_UNRECOGNISED'],
  ])('gives a coded reason for %s', (_name, text, code) => {
    const result = parseMpComputerStatus(text);
    expect(!result.ok && result.code).toBe(code);
  });
});
