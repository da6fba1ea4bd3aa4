import { describe, expect, it } from 'vitest';
import { Tri, type Observation } from '@invigilator/shared/wire.ts';
import { check as macosAntivirus } from '../../../../agent/src/checks/antivirus/macos.ts';
import { collectedOf, commandMissing } from '../../../../agent/test/helpers/macos-collected.ts';
import { macosFixture } from '../../../../agent/test/helpers/macos-fixture.ts';
import { collected, hoursAgo, judge, outcome, packWith, verdictTable } from '../observations.ts';

const { TRI_YES: YES, TRI_NO: NO, TRI_UNKNOWN: UNKNOWN } = Tri;
type Product = NonNullable<NonNullable<Observation['antivirus']>['products']>[number];
const products = (...list: Product[]) => collected('antivirus', { antivirus: { products: list } });
const defender = (facts: Partial<Product>): Product =>
  ({ name: 'Microsoft Defender', enabled: YES, realtimeProtection: YES, signaturesUpdatedAtMs: hoursAgo(10), ...facts });

describe('antivirus verdicts under the default pack (72 hours, real-time required)', () => {
  verdictTable([
    ['on, real-time, fresh', products(defender({})), 'pass', 'ANTIVIRUS_OK',
      'Microsoft Defender is on with real-time protection and its signatures are 10 hours old.'],
    ['enabled not reported counts as on', products(defender({ enabled: UNKNOWN })), 'pass', 'ANTIVIRUS_OK', /^Microsoft Defender is on/],
    ['no date, product says up to date', products(defender({ signaturesUpdatedAtMs: 0, reportsUpToDate: YES })), 'pass', 'ANTIVIRUS_OK',
      /reports its signatures up to date\.$/],
    ['exactly at the limit', products(defender({ signaturesUpdatedAtMs: hoursAgo(72) })), 'pass', 'ANTIVIRUS_OK', /3 days \(72 hours\) old/],
    ['a second, switched-off scanner does not matter', products(
      { name: 'ClamAV', enabled: NO }, defender({})), 'pass', 'ANTIVIRUS_OK', /^Microsoft Defender is on/],
    ['no product', products(), 'fail', 'NO_ANTIVIRUS', 'No anti-virus product was found.'],
    ['switched off', products(defender({ enabled: NO })), 'fail', 'ANTIVIRUS_OFF', 'Microsoft Defender is switched off.'],
    ['real-time off', products(defender({ realtimeProtection: NO })), 'fail', 'REALTIME_OFF',
      'Microsoft Defender has real-time protection switched off.'],
    ['a minute past the limit', products(defender({ signaturesUpdatedAtMs: hoursAgo(72) - 60_000 })), 'fail', 'SIGNATURES_STALE',
      /signatures are 3 days \(73 hours\) old/],
    ['five days stale, age and date quoted', products(defender({ signaturesUpdatedAtMs: Date.parse('2026-11-18T07:12:00Z') })),
      'fail', 'SIGNATURES_STALE',
      'Microsoft Defender signatures are 5 days (122 hours) old (last updated 2026-11-18 07:12 UTC); the school allows at most 72 hours.'],
    ['no date, product says out of date', products(defender({ signaturesUpdatedAtMs: 0, reportsUpToDate: NO })), 'fail', 'SIGNATURES_STALE',
      'Microsoft Defender reports that its signatures are out of date.'],
    ['every product fails, each gap listed', products(
      { name: 'ClamAV', enabled: NO }, defender({ realtimeProtection: NO })), 'fail', 'ANTIVIRUS_OFF',
    'ClamAV is switched off. Microsoft Defender has real-time protection switched off.'],
    ['real-time not reported', products(defender({ realtimeProtection: UNKNOWN })), 'unknown', 'ANTIVIRUS_STATE_UNKNOWN',
      'The device did not report whether Microsoft Defender has real-time protection on, which the school\'s policy needs.'],
    ['neither date nor opinion', products(defender({ signaturesUpdatedAtMs: 0, reportsUpToDate: UNKNOWN })), 'unknown',
      'ANTIVIRUS_STATE_UNKNOWN', /when the Microsoft Defender signatures were last updated/],
    ['absent fields (proto defaults) are not a pass', products({ name: 'ClamAV' }), 'unknown', 'ANTIVIRUS_STATE_UNKNOWN',
      /whether ClamAV has real-time protection on and when the ClamAV signatures were last updated/],
    ['one product undecided outweighs another that fails', products(
      { name: 'ClamAV', enabled: NO }, defender({ realtimeProtection: UNKNOWN })), 'unknown', 'ANTIVIRUS_STATE_UNKNOWN',
    /whether Microsoft Defender has real-time protection on/],
    ['unnamed product', products({ enabled: NO }), 'fail', 'ANTIVIRUS_OFF', 'An unnamed anti-virus product is switched off.'],
  ]);
});

describe('antivirus verdicts under a school\'s own settings', () => {
  verdictTable([
    ['30 hours is stale where the school allows 24', products(defender({ signaturesUpdatedAtMs: hoursAgo(29.5) })), 'fail',
      'SIGNATURES_STALE', /signatures are 30 hours old .*at most 24 hours\.$/],
    ['20 hours is fine', products(defender({ signaturesUpdatedAtMs: hoursAgo(20) })), 'pass', 'ANTIVIRUS_OK', /20 hours old/],
    ['real-time not required: off is fine', products(defender({ realtimeProtection: NO })), 'pass', 'ANTIVIRUS_OK',
      'Microsoft Defender is on and its signatures are 10 hours old.'],
    ['real-time not required: not reported is fine', products(defender({ realtimeProtection: UNKNOWN })), 'pass', 'ANTIVIRUS_OK', /is on and/],
  ], packWith('antivirus', { maxSignatureAgeHours: 24, requireRealtimeProtection: false }));

  verdictTable([
    ['not required: no product is not a failure', products(), 'not_applicable', 'NOT_REQUIRED',
      'The school\'s policy does not require anti-virus protection.'],
  ], packWith('antivirus', { required: false }));
});

describe('antivirus verdicts with per-product signature limits (default pack: XProtect 8 days)', () => {
  const xprotect = (facts: Partial<Product>): Product =>
    ({ name: 'XProtect', enabled: YES, realtimeProtection: YES, signaturesUpdatedAtMs: hoursAgo(24 * 5), ...facts });
  verdictTable([
    ['XProtect five days after Apple\'s weekly update: fresh enough', products(xprotect({})), 'pass', 'ANTIVIRUS_OK', /^XProtect is on .* 5 days \(120 hours\) old\.$/],
    ['XProtect at eight days exactly', products(xprotect({ signaturesUpdatedAtMs: hoursAgo(192) })), 'pass', 'ANTIVIRUS_OK', /8 days \(192 hours\) old/],
    ['XProtect nine days old: stale, its own limit quoted', products(xprotect({ signaturesUpdatedAtMs: hoursAgo(24 * 9) })), 'fail', 'SIGNATURES_STALE',
      /^XProtect signatures are 9 days \(216 hours\) old .*; the school allows at most 192 hours for XProtect\.$/],
    ['the name matched in any letter case', products(xprotect({ name: 'xprotect' })), 'pass', 'ANTIVIRUS_OK', /^xprotect is on/],
    ['Defender beside it keeps the general 72 hours', products(defender({ signaturesUpdatedAtMs: hoursAgo(24 * 5) })), 'fail', 'SIGNATURES_STALE',
      /the school allows at most 72 hours\.$/],
  ]);
});

describe('antivirus verdicts when a school gives its own per-product limits', () => {
  verdictTable([
    ['{} judges XProtect by the general limit', products({ name: 'XProtect', enabled: YES, realtimeProtection: YES, signaturesUpdatedAtMs: hoursAgo(24 * 5) }),
      'fail', 'SIGNATURES_STALE', /at most 72 hours\.$/],
  ], packWith('antivirus', { maxSignatureAgeHoursByProduct: {} }));
});

describe('a Mac\'s XProtect as the agent reports it, under the default pack', () => {
  // The agent's own check on real captures (test/fixtures/macos): the XProtect version, a receipt
  // five days before the verdict, and `csrutil status` in each real form.
  const FIVE_DAYS_AGO_S = Math.round(hoursAgo(24 * 5) / 1000);
  const macObservation = (csrutilFixture: string): Observation => {
    const id = 'com.apple.pkg.XProtectPlistConfigData_10_15.16U4437';
    const receipt = macosFixture('pkgutil-pkg-info-xprotect.1.txt').replace(/^install-time: \d+$/m, `install-time: ${FIVE_DAYS_AGO_S}`);
    const missing = { exitCode: 1, stderr: 'The domain/default pair of (/private/var/protected/xprotect/XProtect.bundle/Contents/Info.plist, CFBundleShortVersionString) does not exist' };
    const finding = macosAntivirus.interpret(collectedOf({
      'macos.xprotect-bundle-version': macosFixture('xprotect-version.1.txt'),
      'macos.pkgutil-xprotect-receipts': `${id}\n`,
      [`macos.pkgutil-pkg-info.${id}`]: receipt,
      'macos.xprotect-live-bundle-version': missing,
      'macos.xprotect-live-bundle-modified': { exitCode: 1, stderr: 'stat: No such file or directory' },
      'macos.csrutil-status': macosFixture(csrutilFixture),
      'macos.mdatp-health': commandMissing,
    }), { removableMountRoots: ['/Volumes'] });
    return { check: 'antivirus', ...finding };
  };

  it('SIP on and signatures five days old: a pass that says why XProtect counts as real-time protection', () => {
    expect(outcome(judge(macObservation('csrutil-status.1-enabled.txt')))).toEqual({
      status: 'pass', reasonCode: 'ANTIVIRUS_OK',
      reason: 'XProtect is on with real-time protection and its signatures are 5 days (120 hours) old. XProtect has no switch: macOS runs it '
        + 'whenever an app is launched or a file is downloaded or changed, and System Integrity Protection is on, so XProtect cannot be altered or removed.',
    });
  });

  it('SIP switched off: a fail in plain words', () => {
    expect(outcome(judge(macObservation('csrutil-status.2-disabled.txt')))).toEqual({
      status: 'fail', reasonCode: 'REALTIME_OFF',
      reason: 'System Integrity Protection is switched off on this Mac, so XProtect can be altered or removed and the school cannot rely on it.',
    });
  });

  it('a custom SIP configuration: unknown, naming what is switched off', () => {
    expect(outcome(judge(macObservation('csrutil-status.3-custom-nvram.txt')))).toEqual({
      status: 'unknown', reasonCode: 'ANTIVIRUS_STATE_UNKNOWN',
      reason: 'The device did not report whether XProtect has real-time protection on, which the school\'s policy needs. XProtect has no switch: '
        + 'macOS runs it whenever an app is launched or a file is downloaded or changed, but System Integrity Protection has a custom configuration '
        + 'with NVRAM Protections and Boot-arg Restrictions switched off, so whether XProtect can be altered or removed is not known.',
    });
  });

  it('SIP off does not matter where the school does not require real-time protection', () => {
    const verdict = judge(macObservation('csrutil-status.2-disabled.txt'), packWith('antivirus', { requireRealtimeProtection: false }));
    expect(outcome(verdict)).toEqual({ status: 'pass', reasonCode: 'ANTIVIRUS_OK', reason: 'XProtect is on and its signatures are 5 days (120 hours) old.' });
  });
});

describe('real-time protection explained by the device (realtimeProtectionBasis)', () => {
  verdictTable([
    ['an unknown basis is quoted after the verdict', products(defender({ realtimeProtection: UNKNOWN, realtimeProtectionBasis: 'the agent could not ask the service.' })),
      'unknown', 'ANTIVIRUS_STATE_UNKNOWN', /which the school's policy needs\. The agent could not ask the service\.$/],
    ['a product that passes lends no basis to a verdict about another', products(
      { name: 'XProtect', enabled: YES, realtimeProtection: UNKNOWN, signaturesUpdatedAtMs: hoursAgo(5), realtimeProtectionBasis: 'not known' }, defender({})),
    'pass', 'ANTIVIRUS_OK', 'Microsoft Defender is on with real-time protection and its signatures are 10 hours old.'],
    ['a product that fails outright keeps its own sentence', products(defender({ realtimeProtection: NO, realtimeProtectionBasis: 'Microsoft Defender is in passive mode' })),
      'fail', 'REALTIME_OFF', 'Microsoft Defender is in passive mode.'],
  ]);
});
