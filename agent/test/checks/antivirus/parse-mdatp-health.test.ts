import { describe, expect, it } from 'vitest';
import { Tri } from '@invigilator/shared/wire.ts';
import { parseMdatpHealth } from '../../../src/checks/antivirus/parse-mdatp-health.ts';
import { linuxFixture } from '../collected-from.ts';
import { macosFixture } from '../../helpers/macos-fixture.ts';

// Real outputs (see each .source.txt): the macOS documentation example, a Linux
// machine's pasted output (with a value wrapped onto a second line) and an
// unlicensed Linux install. Every other case below is derived from them here.
const MACOS = macosFixture('mdatp-health.1-doc-tamper-block.txt');
const LINUX = linuxFixture('mdatp-health.1-doc-fanotify.txt');
const UNLICENSED = linuxFixture('mdatp-health.2-unlicensed.txt');
const READ_AT = Date.UTC(2026, 10, 23, 8, 0);
const MINUTE = 60_000;

/** The fixture with one field's value replaced (the column layout kept). */
const withField = (text: string, key: string, value: string): string => {
  const changed = text.replace(new RegExp(`^(${key}\\s+: ).*$`, 'm'), `$1${value}`);
  if (changed === text) throw new Error(`no ${key} line to change`);
  return changed;
};

const defender = (overrides: Record<string, unknown>) => ({
  name: 'Microsoft Defender for Endpoint', enabled: Tri.TRI_YES, realtimeProtection: Tri.TRI_YES, reportsUpToDate: Tri.TRI_YES, ...overrides,
});

describe('parseMdatpHealth on real outputs', () => {
  it.each([
    ['macOS documentation example', MACOS, defender({ signaturesUpdatedAtMs: READ_AT - 5 * MINUTE, signatureVersion: '1.369.896.0', engineVersion: '1.1.19300.3' })],
    ['Linux fanotify output (wrapped value joined)', LINUX, defender({ signaturesUpdatedAtMs: READ_AT - 159 * MINUTE, signatureVersion: '1.395.227.0', engineVersion: '1.1.23070.1002' })],
    ['unlicensed Linux install: unhealthy, no definitions lines', UNLICENSED, defender({
      enabled: Tri.TRI_NO, realtimeProtection: Tri.TRI_UNKNOWN, reportsUpToDate: Tri.TRI_UNKNOWN, signaturesUpdatedAtMs: 0, signatureVersion: '', engineVersion: '1.1.19800.4',
    })],
  ])('%s', (_name, text, product) => {
    expect(parseMdatpHealth(text, READ_AT)).toEqual({ ok: true, value: product });
  });

  it('without the time it was read, the update time is 0 (unknown), never "now"', () => {
    expect(parseMdatpHealth(MACOS, undefined)).toMatchObject({ ok: true, value: { signaturesUpdatedAtMs: 0, signatureVersion: '1.369.896.0' } });
  });

  it('ignores the wall-clock definitions_updated text: changing it changes nothing', () => {
    const otherDate = withField(MACOS, 'definitions_updated', 'Jan 01, 2030 at 11:00:00 AM');
    expect(parseMdatpHealth(otherDate, READ_AT)).toEqual(parseMdatpHealth(MACOS, READ_AT));
  });
});

describe('parseMdatpHealth on derived states', () => {
  it.each([
    ['CRLF line ends', MACOS.replace(/\n/g, '\r\n'), { enabled: Tri.TRI_YES, signaturesUpdatedAtMs: READ_AT - 5 * MINUTE }],
    ['healthy false', withField(LINUX, 'healthy', 'false'), { enabled: Tri.TRI_NO, realtimeProtection: Tri.TRI_YES }],
    ['passive mode set by a managed profile', withField(MACOS, 'passive_mode_enabled', 'true [managed]'), { enabled: Tri.TRI_NO, realtimeProtection: Tri.TRI_YES }],
    ['real-time protection off by a managed profile', withField(MACOS, 'real_time_protection_enabled', 'false [managed]'), { enabled: Tri.TRI_YES, realtimeProtection: Tri.TRI_NO }],
    ['definitions update failed', withField(LINUX, 'definitions_status', '"update_failed"'), { reportsUpToDate: Tri.TRI_NO }],
    ['definitions updating', withField(LINUX, 'definitions_status', '"updating"'), { reportsUpToDate: Tri.TRI_NO }],
    ['definitions status unavailable', withField(LINUX, 'definitions_status', 'unavailable'), { reportsUpToDate: Tri.TRI_UNKNOWN }],
    ['an undocumented definitions status', withField(LINUX, 'definitions_status', '"reticulating"'), { reportsUpToDate: Tri.TRI_UNKNOWN }],
    ['no passive_mode_enabled line (not passive)', MACOS.replace(/^passive_mode_enabled.*\n/m, ''), { enabled: Tri.TRI_YES }],
  ])('%s', (_name, text, facts) => {
    expect(parseMdatpHealth(text, READ_AT)).toMatchObject({ ok: true, value: facts });
  });
});

describe('parseMdatpHealth refuses what it cannot read', () => {
  const cutAt = (text: string, marker: string): string => text.slice(0, text.indexOf(marker) + marker.length);
  it.each([
    ['empty output', '', 'OUTPUT_EMPTY'],
    ['only blank lines', '\n \r\n', 'OUTPUT_EMPTY'],
    ['cut inside a quoted value', cutAt(MACOS, 'definitions_status                          : "up_to'), 'OUTPUT_TRUNCATED'],
    ['cut inside a key', cutAt(MACOS, 'definitions_vers'), 'OUTPUT_TRUNCATED'],
    ['cut just after the colon', cutAt(MACOS, 'definitions_version                         :'), 'OUTPUT_TRUNCATED'],
    ['cut inside a true/false value', cutAt(MACOS, 'real_time_protection_enabled                : tr'), 'OUTPUT_TRUNCATED'],
    ['cut before the definitions lines (licensed)', cutAt(MACOS, '"endpoint_security_extension"\n'), 'OUTPUT_TRUNCATED'],
    ['missing the healthy line', MACOS.replace(/^healthy .*\n/m, ''), 'OUTPUT_TRUNCATED'],
    ['German-looking labels', 'Gesund                  : wahr\nEchtzeitschutz aktiviert : ja\nDefinitionsstatus       : "aktuell"\n', 'OUTPUT_LOCALISED'],
    ['lower-case German labels', 'gesund                  : wahr\nlizenziert              : ja\n', 'OUTPUT_LOCALISED'],
    ['a translated true/false', withField(MACOS, 'real_time_protection_enabled', 'wahr'), 'OUTPUT_LOCALISED'],
    ['JSON output', '{"healthy": true, "licensed": true}\n', 'OUTPUT_UNRECOGNISED'],
    ['a daemon error', 'ERROR: Daemon is not running\n', 'OUTPUT_UNRECOGNISED'],
    ['minutes that are not a number', withField(MACOS, 'definitions_updated_minutes_ago', '"five"'), 'OUTPUT_UNRECOGNISED'],
    ['an unquoted version', withField(MACOS, 'definitions_version', '1.369.896.0'), 'OUTPUT_UNRECOGNISED'],
    ['an unknown line in the middle', MACOS.replace('cloud_enabled', '### cloud_enabled'), 'OUTPUT_UNRECOGNISED'],
  ])('%s', (_name, text, code) => {
    const result = parseMdatpHealth(text, READ_AT);
    expect(result).toMatchObject({ ok: false, code });
    expect(result.ok ? '' : result.reason).toMatch(/mdatp health/);
  });
});
