import { describe, expect, it } from 'vitest';
import { parseBuildTime, parseDatabaseHeader, parseEngineBanner, parseUnitStates } from '../../../src/checks/antivirus/parse-clamav.ts';
import { linuxFixture } from '../collected-from.ts';

// The real header text; a database file pads it with spaces to 512 bytes, then the gzip payload follows.
const DAILY_HEADER = linuxFixture('clamav-cvd-header.daily-25784.txt');
const padded = (header: string): string => `${header.padEnd(512, ' ')}\x1f\x8b\x08\x00`;

describe('parseBuildTime', () => {
  it.each([
    ['16 Apr 2020 07-58 -0400', Date.UTC(2020, 3, 16, 11, 58)],
    // from sigtool-info.notes.txt (rpminspect issue #1155)
    ['20 Apr 2023 09-21 -0500', Date.UTC(2023, 3, 20, 14, 21)],
    ['20 Nov 2026 07-12 +0000', Date.UTC(2026, 10, 20, 7, 12)],
    ['16 Mar 2016 23-17 +0100', Date.UTC(2016, 2, 16, 22, 17)],
  ])('reads %s', (text, expected) => {
    expect(parseBuildTime(text)).toBe(expected);
  });

  it.each(['16 Foo 2020 07-58 -0400', '2020-04-16T07:58', '', '16 Apr 2020 07:58'])('refuses %j', (text) => {
    expect(parseBuildTime(text)).toBeUndefined();
  });
});

describe('parseDatabaseHeader', () => {
  it('reads a real daily.cvd header with its padding and payload', () => {
    expect(parseDatabaseHeader(padded(DAILY_HEADER), 'daily.cvd')).toEqual({
      ok: true, value: { version: 25784, buildTimeMs: Date.UTC(2020, 3, 16, 11, 58) },
    });
  });

  // Damaged variants derived from the real header in this test.
  it.each([
    ['truncated inside the fields', DAILY_HEADER.slice(0, 60)],
    ['truncated before the stime', DAILY_HEADER.slice(0, DAILY_HEADER.lastIndexOf(':'))],
    ['a garbled build time', DAILY_HEADER.replace('16 Apr 2020 07-58 -0400', '16 Apr 2020 ??-58 -0400')],
    ['a garbled version', DAILY_HEADER.replace(':25784:', ':25x84:')],
    ['not a ClamAV database', '\x1f\x8b\x08\x00\x00\x00\x00\x00'],
    ['an empty file', ''],
  ])('reports %s as OUTPUT_MALFORMED', (_what, head) => {
    const result = parseDatabaseHeader(head, 'daily.cvd');
    expect(result).toMatchObject({ ok: false, code: 'OUTPUT_MALFORMED' });
    expect(result.ok ? '' : result.reason).toContain('daily.cvd');
  });
});

describe('parseEngineBanner', () => {
  it('reads engine and daily version from a real `--version` line', () => {
    expect(parseEngineBanner(linuxFixture('clamscan-version.1.txt'))).toEqual({
      ok: true, value: { engineVersion: '0.101.3', databaseVersion: 25533 },
    });
  });

  it('reads the banner line of a real container log', () => {
    const banner = linuxFixture('freshclam.4-uptodate-plus-version-banner.txt').split('\n').find((line) => line.startsWith('ClamAV 0.'));
    expect(parseEngineBanner(`${banner}\n`)).toEqual({ ok: true, value: { engineVersion: '0.103.2', databaseVersion: 26143 } });
  });

  it('reads a banner without databases (documented form) and CRLF endings', () => {
    expect(parseEngineBanner('ClamAV 0.103.8\r\n')).toEqual({ ok: true, value: { engineVersion: '0.103.8' } });
  });

  it.each([
    ['localised/unknown text', 'Version de ClamAV : 1.0.3\n'],
    ['a truncated line', 'ClamAV\n'],
  ])('refuses %s', (_what, text) => {
    expect(parseEngineBanner(text)).toMatchObject({ ok: false, code: 'OUTPUT_UNRECOGNISED' });
  });
});

describe('parseUnitStates', () => {
  const units = ['clamav-daemon', 'clamav-freshclam', 'clamav-clamonacc'] as const;
  // systemctl prints one state word per unit asked, in order (forms derived here).
  it('maps one word per line to the units asked', () => {
    expect(parseUnitStates('active\nactive\ninactive\n', units)).toEqual({
      ok: true, value: { 'clamav-daemon': 'active', 'clamav-freshclam': 'active', 'clamav-clamonacc': 'inactive' },
    });
  });

  it.each([
    ['too few lines', 'active\n'],
    ['an unknown word', 'active\naktiv\ninactive\n'],
  ])('refuses %s', (_what, text) => {
    expect(parseUnitStates(text, units)).toMatchObject({ ok: false, code: 'OUTPUT_UNRECOGNISED' });
  });
});
