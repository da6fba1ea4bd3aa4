// Get-NetFirewallProfile (JSON from the agent's script, or Format-List text).
// "NotConfigured" means the setting is not set in that store and Windows' own
// default applies: firewall on, inbound blocked, allow-rules honoured.
import { FirewallAction, Tri } from '@invigilator/shared/wire.ts';
import { notParsed, parsed, type Parsed } from '../types.ts';
import { field, psEnum, psString, readEachPsRecord, type PsRecord, type TriValue } from '../windows-json.ts';
import { completeProfiles, type FirewallActionValue, type WindowsProfile } from './firewall-profiles.ts';

// NetSecurity enums as ConvertTo-Json numbers them.
const GPO_BOOLEAN = { 0: 'False', 1: 'True', 2: 'NotConfigured' } as const;
const ACTION = { 0: 'NotConfigured', 2: 'Allow', 4: 'Block' } as const;

const booleanOf = (value: unknown, whenNotConfigured: boolean): TriValue | undefined => {
  const name = psEnum(value, GPO_BOOLEAN);
  if (name === undefined) return undefined;
  const on = name === 'NotConfigured' ? whenNotConfigured : name === 'True';
  return on ? Tri.TRI_YES : Tri.TRI_NO;
};

const actionOf = (value: unknown): FirewallActionValue | undefined => {
  const name = psEnum(value, ACTION);
  if (name === undefined) return undefined;
  return name === 'Allow' ? FirewallAction.FIREWALL_ALLOW : FirewallAction.FIREWALL_DROP;
};

const profileOf = (record: PsRecord): Parsed<WindowsProfile> => {
  const name = psString(field(record, 'Name'));
  const enabled = booleanOf(field(record, 'Enabled'), true);
  const inboundDefault = actionOf(field(record, 'DefaultInboundAction'));
  if (!name || enabled === undefined || inboundDefault === undefined) {
    return notParsed('OUTPUT_UNRECOGNISED',
      `Get-NetFirewallProfile reported a profile the agent cannot read (Name "${name}", Enabled "${psString(field(record, 'Enabled'))}", DefaultInboundAction "${psString(field(record, 'DefaultInboundAction'))}").`);
  }
  // AllowInboundRules False is "block all incoming"; older output may lack it.
  const allowRules = field(record, 'AllowInboundRules');
  const rulesHonoured = allowRules === undefined ? undefined : booleanOf(allowRules, true);
  const blockAllIncoming = rulesHonoured === undefined ? Tri.TRI_UNKNOWN : rulesHonoured === Tri.TRI_YES ? Tri.TRI_NO : Tri.TRI_YES;
  return parsed({ name, enabled, inboundDefault, blockAllIncoming });
};

export const parseNetFirewallProfile = (text: string): Parsed<WindowsProfile[]> => {
  const profiles = readEachPsRecord(text, profileOf);
  if (!profiles.ok) return profiles;
  return completeProfiles(profiles.value, 'Get-NetFirewallProfile');
};
