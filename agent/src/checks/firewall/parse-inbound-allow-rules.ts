// The agent's inbound-allow-rules script (Get-NetFirewallRule joined with its
// port, address and application filters) → rules. "Any" means no restriction
// and is reported as an empty field, as on other platforms.
import { notParsed, parsed, type Parsed } from '../types.ts';
import { field, psList, psString, readPsRecords, type PsRecord } from '../windows-json.ts';
import type { FirewallRule } from './firewall-profiles.ts';

const anyAsEmpty = (values: readonly string[]): string =>
  values.length === 0 || values.some((value) => value.toLowerCase() === 'any') ? '' : values.join(',');

const ruleOf = (record: PsRecord): FirewallRule | undefined => {
  const id = psString(field(record, 'Name'));
  if (!id) return undefined;
  const protocol = psString(field(record, 'Protocol')).toLowerCase();
  const profile = psString(field(record, 'Profile'));
  return {
    name: psString(field(record, 'DisplayName')) || id,
    protocol: protocol === '' ? 'any' : protocol,
    ports: anyAsEmpty(psList(field(record, 'LocalPort'))),
    source: anyAsEmpty(psList(field(record, 'RemoteAddress'))),
    application: anyAsEmpty(psList(field(record, 'Program'))),
    profile: profile.toLowerCase() === 'any' ? '' : profile,
  };
};

export const parseInboundAllowRules = (text: string): Parsed<FirewallRule[]> => {
  const records = readPsRecords(text);
  if (!records.ok) return records;
  const rules: FirewallRule[] = [];
  for (const record of records.value) {
    const rule = ruleOf(record);
    if (!rule) return notParsed('OUTPUT_UNRECOGNISED', 'The firewall rule list holds a rule without a name.');
    rules.push(rule);
  }
  return parsed(rules);
};
