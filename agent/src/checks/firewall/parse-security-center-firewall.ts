// root/SecurityCenter2 FirewallProduct → the firewalls other than Windows' own
// that are registered with Windows Security Center (a security suite that took
// over from Windows Defender Firewall registers here; Windows' own never does).
// productState is read as for anti-virus products (parse-security-center-antivirus.ts).
import { Tri } from '@invigilator/shared/wire.ts';
import type { invigilator } from '@invigilator/shared/generated/invigilator.js';
import { notParsed, parsed, type Parsed } from '../types.ts';
import { field, psNumber, psString, readPsRecords } from '../windows-json.ts';
import { decodeProductState } from '../antivirus/parse-security-center-antivirus.ts';

export type RegisteredFirewall = invigilator.v1.IRegisteredFirewall;

export const parseSecurityCenterFirewall = (text: string): Parsed<RegisteredFirewall[]> => {
  const records = readPsRecords(text);
  if (!records.ok) return records;
  const firewalls: RegisteredFirewall[] = [];
  for (const record of records.value) {
    const name = psString(field(record, 'displayName'));
    const state = psNumber(field(record, 'productState'));
    if (!name || state === undefined || !Number.isInteger(state) || state < 0) {
      return notParsed('OUTPUT_UNRECOGNISED', `Security Center listed a firewall the agent cannot read ("${name}", productState "${psString(field(record, 'productState'))}").`);
    }
    const decoded = decodeProductState(state);
    // Windows' own firewall is not a third party; Security Center does not list it, but a Microsoft-owned entry would be it.
    if (decoded.microsoft) continue;
    firewalls.push({ name, enabled: decoded.enabled ?? Tri.TRI_UNKNOWN });
  }
  return parsed(firewalls);
};
