// Shared by the Get-NetFirewallProfile and HNetCfg.FwPolicy2 readers: the three Windows
// profiles, each reported on its own, and how they sum up.
import { FirewallAction, Tri } from '@invigilator/shared/wire.ts';
import type { invigilator } from '@invigilator/shared/generated/invigilator.js';
import { notParsed, parsed, type Parsed } from '../types.ts';
import { triAll, type TriValue } from '../windows-json.ts';

export type FirewallProfile = invigilator.v1.IFirewallProfile;
export type FirewallRule = invigilator.v1.IFirewallRule;
export type FirewallActionValue = invigilator.v1.FirewallAction;

export const PROFILE_NAMES = ['Domain', 'Private', 'Public'] as const;

export interface WindowsProfile {
  name: string;
  enabled: TriValue;
  inboundDefault: FirewallActionValue;
  /** "Block all incoming connections, including those in the list of allowed apps". */
  blockAllIncoming: TriValue;
}

/** All three profiles, once each, in the usual order; fewer means the report was cut short. */
export const completeProfiles = (profiles: readonly WindowsProfile[], tool: string): Parsed<WindowsProfile[]> => {
  const ordered = PROFILE_NAMES.map((name) => profiles.find((profile) => profile.name.toLowerCase() === name.toLowerCase()));
  const missing = PROFILE_NAMES.filter((_, index) => !ordered[index]);
  if (missing.length === PROFILE_NAMES.length) return notParsed('OUTPUT_UNRECOGNISED', `${tool} reported none of the Domain, Private and Public profiles.`);
  if (missing.length > 0) return notParsed('OUTPUT_TRUNCATED', `${tool} did not report the ${missing.join(', ')} profile(s).`);
  return parsed(ordered.filter((profile) => profile !== undefined).map((profile, index) => ({ ...profile, name: PROFILE_NAMES[index] ?? profile.name })));
};

const STRENGTH: Readonly<Record<number, number>> = {
  [FirewallAction.FIREWALL_ALLOW]: 1,
  [FirewallAction.FIREWALL_REJECT]: 2,
  [FirewallAction.FIREWALL_DROP]: 3,
};

export const weakestAction = (actions: readonly FirewallActionValue[]): FirewallActionValue =>
  actions.reduce<FirewallActionValue>((weakest, action) =>
    weakest === FirewallAction.FIREWALL_ACTION_UNSPECIFIED || (STRENGTH[action] ?? 0) < (STRENGTH[weakest] ?? 0) ? action : weakest,
  FirewallAction.FIREWALL_ACTION_UNSPECIFIED);

/** `rules` is the list, or the reason it could not be read. */
export const firewallFacts = (profiles: readonly WindowsProfile[], rules: Parsed<readonly FirewallRule[]>): invigilator.v1.IFirewallFacts => ({
  enabled: triAll(profiles.map((profile) => profile.enabled)),
  inboundDefault: weakestAction(profiles.map((profile) => profile.inboundDefault)),
  backend: 'windows',
  profiles: profiles.map(({ name, enabled, inboundDefault }) => ({ name, enabled, inboundDefault })),
  inboundAllowRules: rules.ok ? [...rules.value] : [],
  inboundRulesListed: rules.ok ? Tri.TRI_YES : Tri.TRI_NO,
  inboundRulesProblem: rules.ok ? '' : rules.reason,
  stealthMode: Tri.TRI_UNKNOWN,
  blockAllIncoming: triAll(profiles.map((profile) => profile.blockAllIncoming)),
});
