// The agent's HNetCfg.FwPolicy2 script (the firewall's COM interface, which
// answers in numbers and booleans whatever the display language) → the three
// profiles. Used only when Get-NetFirewallProfile could not be read.
import { FirewallAction, Tri } from '@invigilator/shared/wire.ts';
import { notParsed, parsed, type Parsed } from '../types.ts';
import { field, psBool, psNumber, psString, readEachPsRecord, type PsRecord } from '../windows-json.ts';
import { completeProfiles, type FirewallActionValue, type WindowsProfile } from './firewall-profiles.ts';

// NET_FW_ACTION: 0 block, 1 allow.
const ACTIONS: Readonly<Record<number, FirewallActionValue>> = { 0: FirewallAction.FIREWALL_DROP, 1: FirewallAction.FIREWALL_ALLOW };

const profileOf = (record: PsRecord): Parsed<WindowsProfile> => {
  const name = psString(field(record, 'Name'));
  const enabled = psBool(field(record, 'Enabled'));
  const inboundDefault = ACTIONS[psNumber(field(record, 'DefaultInboundAction')) ?? -1];
  const blockAll = psBool(field(record, 'BlockAllInboundTraffic'));
  if (!name || enabled === undefined || inboundDefault === undefined) {
    return notParsed('OUTPUT_UNRECOGNISED',
      `The firewall's COM interface reported a profile the agent cannot read (Name "${name}", Enabled "${psString(field(record, 'Enabled'))}", DefaultInboundAction "${psString(field(record, 'DefaultInboundAction'))}").`);
  }
  return parsed({
    name,
    enabled: enabled ? Tri.TRI_YES : Tri.TRI_NO,
    inboundDefault,
    blockAllIncoming: blockAll === undefined ? Tri.TRI_UNKNOWN : blockAll ? Tri.TRI_YES : Tri.TRI_NO,
  });
};

export const parseFirewallPolicy2 = (text: string): Parsed<WindowsProfile[]> => {
  const profiles = readEachPsRecord(text, profileOf);
  if (!profiles.ok) return profiles;
  return completeProfiles(profiles.value, 'The firewall\'s COM interface (HNetCfg.FwPolicy2)');
};
