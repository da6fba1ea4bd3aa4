import { describe, expect, it } from 'vitest';
import { parsePkgutilPackageIds, parsePkgutilPkgInfo, parseXprotectVersion } from '../../../src/checks/antivirus/parse-xprotect.ts';
import { macosFixture } from '../../helpers/macos-fixture.ts';

const pkgInfo = macosFixture('pkgutil-pkg-info-xprotect.1.txt');

describe('parseXprotectVersion', () => {
  it('reads the real macOS 26 bundle version', () => {
    expect(parseXprotectVersion(macosFixture('xprotect-version.1.txt'))).toEqual({ ok: true, value: '5287' });
  });
  it.each([
    ['empty', ''],
    ['the "does not exist" answer', 'The domain/default pair of (/Library/x, CFBundleShortVersionString) does not exist'],
    ['two lines', '5287\n5288\n'],
  ])('refuses %s', (_name, text) => {
    expect(parseXprotectVersion(text)).toMatchObject({ ok: false, code: 'OUTPUT_UNRECOGNISED' });
  });
});

describe('parsePkgutilPackageIds', () => {
  // Derived: the id list line is the package-id of the real receipt capture.
  const id = 'com.apple.pkg.XProtectPlistConfigData_10_15.16U4437';
  it.each([
    ['one receipt', `${id}\n`, [id]],
    ['two receipts', `${id}\ncom.apple.pkg.XProtectPayloads_10_15.16U4437\n`, [id, 'com.apple.pkg.XProtectPayloads_10_15.16U4437']],
    ['none', '', []],
  ])('%s', (_name, text, ids) => {
    expect(parsePkgutilPackageIds(text)).toEqual({ ok: true, value: ids });
  });
  it('refuses anything that is not an XProtect package id', () => {
    expect(parsePkgutilPackageIds('No receipts found.\n')).toMatchObject({ ok: false, code: 'OUTPUT_UNRECOGNISED' });
  });
});

describe('parsePkgutilPkgInfo', () => {
  it('reads the real receipt: install-time in seconds becomes milliseconds', () => {
    expect(parsePkgutilPkgInfo(pkgInfo, 'src')).toEqual({ ok: true, value: {
      packageId: 'com.apple.pkg.XProtectPlistConfigData_10_15.16U4437', version: '5351.1783908380', installedAtMs: 1784293286000,
    } });
  });
  it.each([
    ['cut before install-time (derived)', pkgInfo.split('install-time')[0] ?? '', 'OUTPUT_TRUNCATED'],
    ['install-time as a date (derived)', pkgInfo.replace('1784293286', '2026-07-17'), 'OUTPUT_UNRECOGNISED'],
    ['localised labels', 'identifiant: com.apple.pkg.XProtectPayloads\n', 'OUTPUT_UNRECOGNISED'],
    ['no receipt', "No receipt for 'com.apple.pkg.XProtectPayloads' found at '/'.\n", 'OUTPUT_UNRECOGNISED'],
  ])('refuses %s', (_name, text, code) => {
    expect(parsePkgutilPkgInfo(text, 'src')).toMatchObject({ ok: false, code });
  });
});
