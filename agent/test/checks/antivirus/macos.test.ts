import { describe, expect, it } from 'vitest';
import { CollectionStatus, Tri } from '@invigilator/shared/wire.ts';
import { check } from '../../../src/checks/antivirus/macos.ts';
import { collectedOf, commandMissing, type RawSource } from '../../helpers/macos-collected.ts';
import { macosFixture } from '../../helpers/macos-fixture.ts';

const context = { removableMountRoots: ['/Volumes'] };
const ID = 'com.apple.pkg.XProtectPlistConfigData_10_15.16U4437';
const pkgInfo = macosFixture('pkgutil-pkg-info-xprotect.1.txt');
const version = macosFixture('xprotect-version.1.txt');
const interpret = (sources: Record<string, RawSource>) => check.interpret(collectedOf(sources), context);

describe('antivirus on macOS (XProtect)', () => {
  it('asks for the receipt of every XProtect package pkgutil lists', () => {
    const first = check.sources(new Map(), context);
    expect(first.map((source) => source.id)).toEqual(['macos.xprotect-bundle-version', 'macos.pkgutil-xprotect-receipts']);
    const next = check.sources(collectedOf({ 'macos.pkgutil-xprotect-receipts': `${ID}\n` }), context);
    expect(next.at(-1)).toEqual({ kind: 'command', id: `macos.pkgutil-pkg-info.${ID}`, file: '/usr/sbin/pkgutil', args: ['--pkg-info', ID] });
  });

  it('reports XProtect with its version and the last update time', () => {
    expect(interpret({
      'macos.xprotect-bundle-version': version,
      'macos.pkgutil-xprotect-receipts': `${ID}\n`,
      [`macos.pkgutil-pkg-info.${ID}`]: pkgInfo,
    })).toEqual({ status: CollectionStatus.COLLECTED, antivirus: { products: [{
      name: 'XProtect', enabled: Tri.TRI_YES, realtimeProtection: Tri.TRI_UNKNOWN, signaturesUpdatedAtMs: 1784293286000,
      signatureVersion: '5287', reportsUpToDate: Tri.TRI_UNKNOWN, engineVersion: '',
    }] } });
  });

  it('no receipts recorded: version known, update time 0 (unknown)', () => {
    const finding = interpret({ 'macos.xprotect-bundle-version': version, 'macos.pkgutil-xprotect-receipts': { exitCode: 1 } });
    expect(finding.antivirus?.products?.[0]).toMatchObject({ signatureVersion: '5287', signaturesUpdatedAtMs: 0 });
  });

  it('no XProtect at all: collected with no product', () => {
    expect(interpret({
      'macos.xprotect-bundle-version': { exitCode: 1, stderr: 'The domain/default pair of (/Library/Apple/System/Library/CoreServices/XProtect.bundle/Contents/Info.plist, CFBundleShortVersionString) does not exist' },
      'macos.pkgutil-xprotect-receipts': { exitCode: 1 },
    })).toEqual({ status: CollectionStatus.COLLECTED, antivirus: { products: [] } });
  });

  it.each([
    ['pkgutil missing', { 'macos.xprotect-bundle-version': version, 'macos.pkgutil-xprotect-receipts': commandMissing }, 'COMMAND_NOT_FOUND'],
    ['receipt truncated', { 'macos.xprotect-bundle-version': version, 'macos.pkgutil-xprotect-receipts': `${ID}\n`, [`macos.pkgutil-pkg-info.${ID}`]: 'package-id: x\n' }, 'OUTPUT_TRUNCATED'],
    ['receipt not read', { 'macos.xprotect-bundle-version': version, 'macos.pkgutil-xprotect-receipts': `${ID}\n` }, 'SOURCE_NOT_CAPTURED'],
    ['version unreadable', { 'macos.xprotect-bundle-version': 'Version inconnue', 'macos.pkgutil-xprotect-receipts': '' }, 'OUTPUT_UNRECOGNISED'],
  ])('could not collect: %s', (_name, sources, code) => {
    expect(interpret(sources)).toMatchObject({ status: CollectionStatus.COULD_NOT_COLLECT, reasonCode: code });
  });
});
