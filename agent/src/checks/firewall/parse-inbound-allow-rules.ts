// The agent's inbound-allow-rules script (Get-NetFirewallRule joined with its
// port, address, application and interface filters) → rules. "Any" means no
// restriction and is reported as an empty field, as on other platforms; a rule
// limited to one interface keeps it, so it is not read as "allow anything".
import { notParsed, parsed, type Parsed } from '../types.ts';
import { field, psList, psString, readPsRecords, type PsRecord } from '../windows-json.ts';
import type { FirewallRule } from './firewall-profiles.ts';

const anyAsEmpty = (values: readonly string[]): string =>
  values.length === 0 || values.some((value) => value.toLowerCase() === 'any') ? '' : values.join(',');

/** "Ethernet 2", "type wireless", or both; "" when the rule applies on every interface. */
const interfaceOf = (record: PsRecord): string => {
  const aliases = anyAsEmpty(psList(field(record, 'InterfaceAlias')));
  const type = psString(field(record, 'InterfaceType'));
  const typed = type === '' || type.toLowerCase() === 'any' ? '' : `type ${type.toLowerCase()}`;
  return [aliases, typed].filter(Boolean).join('; ');
};

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
    interface: interfaceOf(record),
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
