// root/SecurityCenter2 AntiVirusProduct (JSON or Format-List) → every product
// Windows Security Center knows. productState is undocumented; the readings
// public sources agree on: 0xF000 is the state (0x1000 on; off, snoozed and
// expired otherwise), 0x0F00 the owner (0x100 Microsoft), 0x00F0 the signatures
// (0x00 up to date, 0x10 out of date).
import { Tri } from '@invigilator/shared/wire.ts';
import { notParsed, parsed, type Parsed } from '../types.ts';
import { field, psNumber, psString, readPsRecords, type PsRecord, type TriValue } from '../windows-json.ts';
import type { AntivirusProduct } from './antivirus-product.ts';

const STATE_MASK = 0xf000;
const STATES: Readonly<Record<number, TriValue>> = { 0x0000: Tri.TRI_NO, 0x1000: Tri.TRI_YES, 0x2000: Tri.TRI_NO, 0x3000: Tri.TRI_NO };
const OWNER_MASK = 0x0f00;
const OWNER_MICROSOFT = 0x0100;
const SIGNATURE_MASK = 0x00f0;
const SIGNATURES: Readonly<Record<number, TriValue>> = { 0x00: Tri.TRI_YES, 0x10: Tri.TRI_NO };

export interface SecurityCenterProduct {
  product: AntivirusProduct;
  /** Defender as Security Center registers it, so it can be merged with Get-MpComputerStatus. */
  isDefender: boolean;
}

export const decodeProductState = (state: number): { enabled: TriValue; upToDate: TriValue; microsoft: boolean } => ({
  enabled: STATES[state & STATE_MASK] ?? Tri.TRI_UNKNOWN,
  upToDate: SIGNATURES[state & SIGNATURE_MASK] ?? Tri.TRI_UNKNOWN,
  microsoft: (state & OWNER_MASK) === OWNER_MICROSOFT,
});

/** A Security Center entry's name and decoded state, as every product class (anti-virus, firewall) carries them. */
export const securityCenterEntry = (record: PsRecord, kind: string): Parsed<{ name: string; decoded: ReturnType<typeof decodeProductState> }> => {
  const name = psString(field(record, 'displayName'));
  const state = psNumber(field(record, 'productState'));
  if (!name || state === undefined || !Number.isInteger(state) || state < 0) {
    return notParsed('OUTPUT_UNRECOGNISED', `Security Center listed ${kind} the agent cannot read ("${name}", productState "${psString(field(record, 'productState'))}").`);
  }
  return parsed({ name, decoded: decodeProductState(state) });
};

export const parseSecurityCenterAntivirus = (text: string): Parsed<SecurityCenterProduct[]> => {
  const records = readPsRecords(text);
  if (!records.ok) return records;
  const products: SecurityCenterProduct[] = [];
  for (const record of records.value) {
    const entry = securityCenterEntry(record, 'an anti-virus product');
    if (!entry.ok) return entry;
    const { name, decoded } = entry.value;
    const exe = psString(field(record, 'pathToSignedProductExe')).toLowerCase();
    products.push({
      product: {
        name,
        enabled: decoded.enabled,
        // Security Center's "on" is the product's real-time scanner running.
        realtimeProtection: decoded.enabled,
        signaturesUpdatedAtMs: 0,
        signatureVersion: '',
        reportsUpToDate: decoded.upToDate,
        engineVersion: '',
      },
      isDefender: exe.startsWith('windowsdefender:') || (decoded.microsoft && /defender/i.test(name)),
    });
  }
  return parsed(products);
};
