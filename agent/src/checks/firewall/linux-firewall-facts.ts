// What every Linux firewall parser produces, and the one rule that turns
// per-chain (per-zone) answers into the device's answer: inbound traffic is
// filtered when any input chain filters it (netfilter drops a packet that any
// base chain on the hook drops).
import { FirewallAction, Tri, type Observation } from '@invigilator/shared/wire.ts';
import { ERRORS } from '@invigilator/shared/errors.ts';
import { textOf } from '../findings.ts';
import { notParsed, type Collected, type Parsed } from '../types.ts';

export type FirewallFacts = NonNullable<Observation['firewall']>;
export type FirewallProfile = NonNullable<FirewallFacts['profiles']>[number];
export type FirewallRule = NonNullable<FirewallFacts['inboundAllowRules']>[number];
export type FirewallActionValue = NonNullable<FirewallProfile['inboundDefault']>;

/** One input chain or zone: its name and what happens to inbound traffic nothing else accepts. */
export interface InputPath {
  name: string;
  inboundDefault: FirewallActionValue;
}

export const factsFrom = (backend: string, paths: readonly InputPath[], rules: readonly FirewallRule[]): FirewallFacts => {
  const filtering = paths.find((candidate) => candidate.inboundDefault !== FirewallAction.FIREWALL_ALLOW);
  return {
    enabled: filtering ? Tri.TRI_YES : Tri.TRI_NO,
    inboundDefault: filtering?.inboundDefault ?? FirewallAction.FIREWALL_ALLOW,
    backend,
    profiles: paths.map((candidate) => ({
      name: candidate.name,
      enabled: candidate.inboundDefault === FirewallAction.FIREWALL_ALLOW ? Tri.TRI_NO : Tri.TRI_YES,
      inboundDefault: candidate.inboundDefault,
    })),
    inboundAllowRules: [...rules],
    inboundRulesListed: Tri.TRI_YES, // read from the same ruleset as the verdict
    stealthMode: Tri.TRI_UNKNOWN,
    blockAllIncoming: Tri.TRI_UNKNOWN,
  };
};

export const actionFromVerdict = (verdict: string): FirewallActionValue | undefined => {
  switch (verdict.toLowerCase()) {
    case 'drop': case 'deny': return FirewallAction.FIREWALL_DROP;
    case 'reject': case '%%reject%%': return FirewallAction.FIREWALL_REJECT;
    case 'accept': case 'allow': return FirewallAction.FIREWALL_ALLOW;
    default: return undefined;
  }
};

/** A rule with every field set, so facts compare and serialise the same way everywhere. */
export const allowRule = (rule: Partial<FirewallRule> & { name: string; profile: string }): FirewallRule => ({
  protocol: 'any', ports: '', source: '', application: '', interface: '', ...rule,
});

const NOT_PERMITTED = /operation not permitted|permission denied|must be root|need to be root/i;

/** stdout of a firewall tool; a refusal for lack of rights is PERMISSION_DENIED, not a tool failure. */
export const firewallTextOf = (collected: Collected, id: string, acceptExitCodes: readonly number[] = [0]): Parsed<string> => {
  const text = textOf(collected, id, { acceptExitCodes });
  const stderr = collected.get(id)?.stderr ?? '';
  if (!text.ok && text.code === 'COMMAND_FAILED' && NOT_PERMITTED.test(stderr)) {
    const firstLine = stderr.trim().split(/\r?\n/)[0] ?? '';
    return notParsed('PERMISSION_DENIED', `${ERRORS.PERMISSION_DENIED} (${id}: ${firstLine})`);
  }
  return text;
};
