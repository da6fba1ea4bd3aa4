import { describe } from 'vitest';
import { Tri, type Observation } from '@invigilator/shared/wire.ts';
import { collected, hoursAgo, packWith, verdictTable } from '../observations.ts';

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
