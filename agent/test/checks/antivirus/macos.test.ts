import { describe, expect, it } from 'vitest';
import { CollectionStatus, Tri } from '@invigilator/shared/wire.ts';
import { check } from '../../../src/checks/antivirus/macos.ts';
import { collectedOf, commandMissing, type RawSource } from '../../helpers/macos-collected.ts';
import { macosFixture } from '../../helpers/macos-fixture.ts';

const context = { removableMountRoots: ['/Volumes'] };
const ID = 'com.apple.pkg.XProtectPlistConfigData_10_15.16U4437';
const pkgInfo = macosFixture('pkgutil-pkg-info-xprotect.1.txt');
const version = macosFixture('xprotect-version.1.txt');
// Defender not installed unless a test says otherwise.
// Before macOS 15 there is no live copy: `defaults` says so and `stat` finds no file.
const LIVE_PLIST = '/private/var/protected/xprotect/XProtect.bundle/Contents/Info.plist';
const noLiveCopy = {
  'macos.xprotect-live-bundle-version': { exitCode: 1, stderr: `The domain/default pair of (${LIVE_PLIST}, CFBundleShortVersionString) does not exist` },
  'macos.xprotect-live-bundle-modified': { exitCode: 1, stderr: `stat: ${LIVE_PLIST}: stat: No such file or directory` },
};
// SIP fully on unless a test says otherwise.
const SIP_ON = macosFixture('csrutil-status.1-enabled.txt');
const interpret = (sources: Record<string, RawSource>) =>
  check.interpret(collectedOf({ 'macos.mdatp-health': commandMissing, 'macos.csrutil-status': SIP_ON, ...noLiveCopy, ...sources }), context);

describe('antivirus on macOS (XProtect)', () => {
  it('asks for the receipt of every XProtect package pkgutil lists', () => {
    const first = check.sources(new Map(), context);
    expect(first.map((source) => source.id)).toEqual([
      'macos.xprotect-bundle-version', 'macos.pkgutil-xprotect-receipts', 'macos.xprotect-live-bundle-version', 'macos.xprotect-live-bundle-modified',
      'macos.csrutil-status', 'macos.mdatp-health',
    ]);
    expect(first.find((source) => source.id === 'macos.csrutil-status')).toMatchObject({ kind: 'command', file: '/usr/bin/csrutil', args: ['status'] });
    expect(first.find((source) => source.id === 'macos.xprotect-live-bundle-modified')).toMatchObject({ file: '/usr/bin/stat', args: ['-f', '%m', LIVE_PLIST] });
    const next = check.sources(collectedOf({ 'macos.pkgutil-xprotect-receipts': `${ID}\n` }), context);
    expect(next.at(-1)).toEqual({ kind: 'command', id: `macos.pkgutil-pkg-info.${ID}`, file: '/usr/sbin/pkgutil', args: ['--pkg-info', ID] });
  });

  it('reports XProtect with its version, the last update time, and real-time protection on while SIP guards it', () => {
    expect(interpret({
      'macos.xprotect-bundle-version': version,
      'macos.pkgutil-xprotect-receipts': `${ID}\n`,
      [`macos.pkgutil-pkg-info.${ID}`]: pkgInfo,
    })).toEqual({ status: CollectionStatus.COLLECTED, antivirus: { products: [{
      name: 'XProtect', enabled: Tri.TRI_YES, realtimeProtection: Tri.TRI_YES, signaturesUpdatedAtMs: 1784293286000,
      signatureVersion: '5287', reportsUpToDate: Tri.TRI_UNKNOWN, engineVersion: '',
      realtimeProtectionBasis: 'XProtect has no switch: macOS runs it whenever an app is launched or a file is downloaded or changed, '
        + 'and System Integrity Protection is on, so XProtect cannot be altered or removed',
    }] } });
  });

  describe('real-time protection follows System Integrity Protection (`csrutil status`)', () => {
    const xprotect = { 'macos.xprotect-bundle-version': version, 'macos.pkgutil-xprotect-receipts': `${ID}\n`, [`macos.pkgutil-pkg-info.${ID}`]: pkgInfo };
    const realtimeWith = (sip: RawSource | undefined) => {
      const given = { 'macos.mdatp-health': commandMissing, ...noLiveCopy, ...xprotect, ...(sip === undefined ? {} : { 'macos.csrutil-status': sip }) };
      const product = check.interpret(collectedOf(given), context).antivirus?.products?.[0];
      return { realtime: product?.realtimeProtection, basis: product?.realtimeProtectionBasis };
    };

    it('SIP off: NO, because XProtect can then be altered or removed', () => {
      expect(realtimeWith(macosFixture('csrutil-status.2-disabled.txt'))).toEqual({
        realtime: Tri.TRI_NO,
        basis: 'System Integrity Protection is switched off on this Mac, so XProtect can be altered or removed and the school cannot rely on it',
      });
    });

    it('a custom configuration: UNKNOWN, naming the protections switched off', () => {
      const { realtime, basis } = realtimeWith(macosFixture('csrutil-status.3-custom-nvram.txt'));
      expect(realtime).toBe(Tri.TRI_UNKNOWN);
      expect(basis).toMatch(/^XProtect has no switch: .* but System Integrity Protection has a custom configuration with NVRAM Protections and Boot-arg Restrictions switched off, so whether XProtect can be altered or removed is not known$/);
    });

    it.each([
      ['unrecognised output', 'csrutil: This tool needs to be executed from Recovery OS.\n', /could not be read: the tool's report is not in a form .*macos\.csrutil-status/],
      ['csrutil failing', { exitCode: 1, stderr: 'csrutil: Operation not permitted' }, /could not be read: the tool this check runs exited with an error \(macos\.csrutil-status exited 1: csrutil: Operation not permitted\)$/],
      ['a bundle from an agent that did not read it', undefined, /could not be read: a diagnostic bundle does not hold the output this check needs \(macos\.csrutil-status\)$/],
    ])('%s: UNKNOWN, saying it could not be read and why, never a guess', (_name, sip, why) => {
      const { realtime, basis } = realtimeWith(sip);
      expect(realtime).toBe(Tri.TRI_UNKNOWN);
      expect(basis).toMatch(/^XProtect has no switch: .* but `csrutil status`, which says whether System Integrity Protection keeps XProtect from being altered or removed, could not be read: /);
      expect(basis).toMatch(why);
    });

    it('SIP unreadable never costs the rest of the finding: version and update time stay', () => {
      const finding = check.interpret(collectedOf({ 'macos.mdatp-health': commandMissing, ...noLiveCopy, ...xprotect, 'macos.csrutil-status': '' }), context);
      expect(finding.status).toBe(CollectionStatus.COLLECTED);
      expect(finding.antivirus?.products?.[0]).toMatchObject({ signatureVersion: '5287', signaturesUpdatedAtMs: 1784293286000, realtimeProtection: Tri.TRI_UNKNOWN });
    });
  });

  describe('macOS 15 and later: the live copy in /private/var/protected/xprotect', () => {
    // Derived: the live copy one version ahead, written three days after the real receipt's install-time
    // (no capture of the live copy's `defaults read` or `stat -f %m` was found; the forms are a bare number each).
    const RECEIPT_AT = 1784293286;
    const live = { 'macos.xprotect-live-bundle-version': '5288\n', 'macos.xprotect-live-bundle-modified': `${RECEIPT_AT + 3 * 86_400}\n` };
    const withReceipt = { 'macos.xprotect-bundle-version': version, 'macos.pkgutil-xprotect-receipts': `${ID}\n`, [`macos.pkgutil-pkg-info.${ID}`]: pkgInfo };

    it('dates the definitions from the live copy, which leaves no receipt, and reports its version', () => {
      expect(interpret({ ...withReceipt, ...live }).antivirus?.products?.[0]).toMatchObject({
        signatureVersion: '5288', signaturesUpdatedAtMs: (RECEIPT_AT + 3 * 86_400) * 1000,
      });
    });

    it('keeps the newer receipt when the live copy is older, and the CoreServices copy may be gone', () => {
      const older = { ...live, 'macos.xprotect-live-bundle-modified': `${RECEIPT_AT - 86_400}\n` };
      expect(interpret({ ...withReceipt, ...older }).antivirus?.products?.[0]).toMatchObject({ signaturesUpdatedAtMs: RECEIPT_AT * 1000 });
      const onlyLive = interpret({ ...live, 'macos.xprotect-bundle-version': { exitCode: 1, stderr: 'The domain/default pair of (x, CFBundleShortVersionString) does not exist' }, 'macos.pkgutil-xprotect-receipts': { exitCode: 1 } });
      expect(onlyLive.antivirus?.products?.[0]).toMatchObject({ signatureVersion: '5288', signaturesUpdatedAtMs: (RECEIPT_AT + 3 * 86_400) * 1000 });
    });

    it.each([
      ['its modification time unreadable', { ...live, 'macos.xprotect-live-bundle-modified': { exitCode: 1, stderr: 'stat: Operation not permitted' } }],
      ['its version unreadable', { ...live, 'macos.xprotect-live-bundle-version': { exitCode: 1, stderr: 'Could not read' } }],
      ['not in the bundle (an older agent\'s bundle)', { 'macos.xprotect-live-bundle-version': undefined, 'macos.xprotect-live-bundle-modified': undefined }],
    ])('%s: the update time is unknown (0), never dated from an older receipt', (_name, sources) => {
      const given = Object.fromEntries(Object.entries({ ...withReceipt, ...sources }).filter(([, value]) => value !== undefined)) as Record<string, RawSource>;
      const collected = collectedOf({ 'macos.mdatp-health': commandMissing, 'macos.csrutil-status': SIP_ON, ...given });
      expect(check.interpret(collected, context).antivirus?.products?.[0]).toMatchObject({ signaturesUpdatedAtMs: 0 });
    });
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

  describe('with Microsoft Defender for Endpoint (`mdatp health`, the documentation example)', () => {
    const READ_AT = Date.UTC(2026, 10, 23, 8, 0);
    const mdatp = { stdout: macosFixture('mdatp-health.1-doc-tamper-block.txt'), collectedAtMs: READ_AT };
    const xprotect = {
      'macos.xprotect-bundle-version': version,
      'macos.pkgutil-xprotect-receipts': `${ID}\n`,
      [`macos.pkgutil-pkg-info.${ID}`]: pkgInfo,
    };
    const noXprotect = {
      'macos.xprotect-bundle-version': { exitCode: 1, stderr: 'The domain/default pair of (x, CFBundleShortVersionString) does not exist' },
      'macos.pkgutil-xprotect-receipts': { exitCode: 1 },
    };

    it('reads /usr/local/bin/mdatp health --output json in the first round', () => {
      expect(check.sources(new Map(), context)).toContainEqual(expect.objectContaining({ id: 'macos.mdatp-health', file: '/usr/local/bin/mdatp', args: ['health', '--output', 'json'] }));
    });

    it('reports both products, Defender dated from minutes-ago and the time of the read', () => {
      const finding = interpret({ ...xprotect, 'macos.mdatp-health': mdatp });
      expect(finding.status).toBe(CollectionStatus.COLLECTED);
      expect(finding.antivirus?.products).toEqual([
        expect.objectContaining({ name: 'XProtect', signatureVersion: '5287' }),
        { name: 'Microsoft Defender for Endpoint', enabled: Tri.TRI_YES, realtimeProtection: Tri.TRI_YES, signaturesUpdatedAtMs: READ_AT - 5 * 60_000,
          signatureVersion: '1.369.896.0', reportsUpToDate: Tri.TRI_YES, engineVersion: '1.1.19300.3' },
      ]);
    });

    it('reads the JSON form the agent now asks for (a real capture), dated by its own update time', () => {
      const json = { stdout: macosFixture('mdatp-health-json.1-101.98.30.json'), collectedAtMs: READ_AT };
      expect(interpret({ ...xprotect, 'macos.mdatp-health': json }).antivirus?.products?.[1]).toEqual({
        name: 'Microsoft Defender for Endpoint', enabled: Tri.TRI_YES, realtimeProtection: Tri.TRI_YES, signaturesUpdatedAtMs: 1683092938089,
        signatureVersion: '1.389.10.0', reportsUpToDate: Tri.TRI_YES, engineVersion: '1.1.20100.6',
      });
    });

    it('Defender alone when XProtect is not there', () => {
      expect(interpret({ ...noXprotect, 'macos.mdatp-health': mdatp }).antivirus?.products?.map((product) => product.name)).toEqual(['Microsoft Defender for Endpoint']);
    });

    it.each([
      ['cut in the middle', { stdout: mdatp.stdout.slice(0, mdatp.stdout.indexOf('definitions_status') + 30) }, 'OUTPUT_TRUNCATED'],
      ['exits non-zero', { exitCode: 1, stderr: 'ERROR: Daemon is not running' }, 'COMMAND_FAILED'],
      ['timed out', { exitCode: null, errorCode: 'COMMAND_TIMED_OUT' as const, errorDetail: 'mdatp ran longer than 30000 ms.' }, 'COMMAND_TIMED_OUT'],
    ])('Defender installed but %s: could not collect, naming mdatp and the XProtect that was read', (_name, damaged, code) => {
      const finding = interpret({ ...xprotect, 'macos.mdatp-health': damaged });
      expect(finding).toMatchObject({ status: CollectionStatus.COULD_NOT_COLLECT, reasonCode: code });
      expect(finding.antivirus).toBeUndefined();
      expect(finding.reason).toMatch(/Microsoft Defender for Endpoint \(`mdatp health`\) could not be read/);
      expect(finding.reason).toMatch(/XProtect was read, but a product list without Microsoft Defender for Endpoint would be incomplete/);
    });

    it('Defender damaged and no XProtect: could not collect, naming mdatp only', () => {
      const finding = interpret({ ...noXprotect, 'macos.mdatp-health': '' });
      expect(finding).toMatchObject({ status: CollectionStatus.COULD_NOT_COLLECT, reasonCode: 'OUTPUT_EMPTY' });
      expect(finding.reason).toMatch(/^Microsoft Defender for Endpoint \(`mdatp health`\) could not be read: .*\(macos\.mdatp-health\)$/);
    });

    it('XProtect unreadable and Defender read: XProtect\'s reason stands', () => {
      const finding = interpret({ 'macos.xprotect-bundle-version': 'Version inconnue', 'macos.pkgutil-xprotect-receipts': '', 'macos.mdatp-health': mdatp });
      expect(finding).toMatchObject({ status: CollectionStatus.COULD_NOT_COLLECT, reasonCode: 'OUTPUT_UNRECOGNISED' });
      expect(finding.reason).not.toMatch(/mdatp/);
    });

    it('a bundle without mdatp output is not read as "no Defender"', () => {
      const finding = check.interpret(collectedOf({ ...xprotect, 'macos.csrutil-status': SIP_ON }), context);
      expect(finding).toMatchObject({ status: CollectionStatus.COULD_NOT_COLLECT, reasonCode: 'SOURCE_NOT_CAPTURED' });
    });
  });
});
