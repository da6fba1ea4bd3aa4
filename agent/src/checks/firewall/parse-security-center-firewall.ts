// root/SecurityCenter2 FirewallProduct → the firewalls other than Windows' own
// that are registered with Windows Security Center (a security suite that took
// over from Windows Defender Firewall registers here; Windows' own never does).
// productState is read as for anti-virus products (parse-security-center-antivirus.ts).
import { Tri } from '@invigilator/shared/wire.ts';
import type { invigilator } from '@invigilator/shared/generated/invigilator.js';
import { parsed, type Parsed } from '../types.ts';
import { readPsRecords } from '../windows-json.ts';
import { securityCenterEntry } from '../antivirus/parse-security-center-antivirus.ts';

export type RegisteredFirewall = invigilator.v1.IRegisteredFirewall;

export const parseSecurityCenterFirewall = (text: string): Parsed<RegisteredFirewall[]> => {
  const records = readPsRecords(text);
  if (!records.ok) return records;
  const firewalls: RegisteredFirewall[] = [];
  for (const record of records.value) {
    const entry = securityCenterEntry(record, 'a firewall');
    if (!entry.ok) return entry;
    const { name, decoded } = entry.value;
    // Windows' own firewall is not a third party; Security Center does not list it, but a Microsoft-owned entry would be it.
    if (decoded.microsoft) continue;
    firewalls.push({ name, enabled: decoded.enabled ?? Tri.TRI_UNKNOWN });
  }
  return parsed(firewalls);
};
