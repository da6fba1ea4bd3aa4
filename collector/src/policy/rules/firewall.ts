import type { PolicyPack } from '@invigilator/shared/policy/types.ts';
import type { Observation } from '@invigilator/shared/wire.ts';
import { FirewallAction, Tri } from '@invigilator/shared/wire.ts';
import { triOf } from '../facts.ts';
import { emptyFindings, listInWords, settle, type Judgement } from '../verdict.ts';

type FirewallFacts = NonNullable<Observation['firewall']>;
type FirewallSettings = PolicyPack['checks']['firewall'];

const LETS_ALL_IN = 'lets every incoming connection in by default';

/**
 * A security suite that takes over from Windows Defender Firewall switches it off and
 * registers itself with Windows Security Center; Windows itself then counts the device
 * as protected. Only a product that reports itself on counts.
 */
const takenOverBy = (facts: FirewallFacts, ownJudgement: Judgement): Judgement => {
  if (ownJudgement.status === 'pass') return ownJudgement;
  const active = (facts.registeredFirewalls ?? []).filter((product) => triOf(product.enabled) === Tri.TRI_YES && product.name);
  if (active.length === 0) return ownJudgement;
  return {
    status: 'pass',
    reasonCode: 'FIREWALL_THIRD_PARTY',
    reason: `${listInWords(active.map((product) => product.name ?? ''))} ${active.length === 1 ? 'protects' : 'protect'} the device in place of Windows' own firewall `
      + `(registered with Windows Security Center and reporting ${active.length === 1 ? 'itself' : 'themselves'} on); Windows' own: ${ownJudgement.reason}`,
  };
};

const judgeOwnFirewall = (facts: FirewallFacts, settings: FirewallSettings): Judgement => {
  const findings = emptyFindings();
  const enabled = triOf(facts.enabled);
  if (enabled === Tri.TRI_NO) findings.gaps.push({ code: 'FIREWALL_OFF', text: 'The firewall is switched off' });
  if (enabled === Tri.TRI_UNKNOWN) findings.unknowns.push('whether the firewall is on');
  if (facts.inboundDefault === FirewallAction.FIREWALL_ALLOW) {
    findings.gaps.push({ code: 'FIREWALL_ALLOWS_INBOUND', text: `The firewall ${LETS_ALL_IN}` });
  }
  const profiles = settings.requireAllProfiles ? (facts.profiles ?? []) : [];
  for (const profile of profiles) {
    const name = `the ${profile.name || 'unnamed'} profile`;
    const profileEnabled = triOf(profile.enabled);
    if (profileEnabled === Tri.TRI_NO) findings.gaps.push({ code: 'FIREWALL_PROFILE_OFF', text: `${name} is switched off` });
    else if (profile.inboundDefault === FirewallAction.FIREWALL_ALLOW) {
      findings.gaps.push({ code: 'FIREWALL_PROFILE_OFF', text: `${name} ${LETS_ALL_IN}` });
    } else if (profileEnabled === Tri.TRI_UNKNOWN) findings.unknowns.push(`whether ${name} is on`);
  }
  return settle(findings, 'FIREWALL_STATE_UNKNOWN', () => {
    const backend = facts.backend ? ` (${facts.backend})` : '';
    const refuses = facts.inboundDefault === FirewallAction.FIREWALL_DROP || facts.inboundDefault === FirewallAction.FIREWALL_REJECT
      ? ' and refuses incoming connections by default' : '';
    const inProfiles = profiles.length > 0 ? `, in every profile (${listInWords(profiles.map((profile) => profile.name || 'unnamed'))})` : '';
    return { status: 'pass', reasonCode: 'FIREWALL_ON', reason: `The firewall${backend} is on${refuses}${inProfiles}.` };
  });
};

export const judgeFirewall = (facts: FirewallFacts, settings: FirewallSettings): Judgement =>
  takenOverBy(facts, judgeOwnFirewall(facts, settings));
