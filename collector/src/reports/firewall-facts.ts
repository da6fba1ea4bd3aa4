// What one stored firewall observation says, in the terms the review counts: on, off or not known,
// per profile where the device has profiles (Windows), and the inbound allow rules with whether the list was whole.
import { createHash } from 'node:crypto';
import { CollectionStatus, Tri, v1, type Observation } from '@invigilator/shared/wire.ts';
import { triOf } from '../policy/facts.ts';
import type { JsonObject } from '../store/types.ts';

export type OnOff = 'on' | 'off' | 'unknown';

export interface InboundRule {
  /** Stable across devices and reports: what the rule lets in, not its position or display name. */
  key: string;
  name: string;
  application: string;
  protocol: string;
  ports: string;
  source: string;
  profile: string;
  /** The interface(s) the rule is limited to; '' for any. */
  interface: string;
}

export interface FirewallReading {
  at: number;
  state: OnOff;
  profiles: { name: string; state: OnOff }[];
  /** 'yes' when `rules` is the device's whole list. */
  rulesListed: 'yes' | 'no' | 'unknown';
  rulesProblem: string;
  rules: InboundRule[];
}

/** Stored payloads keep enums as names; the policy code reads messages. */
export const observationOf = (payload: JsonObject): Observation => v1.Observation.fromObject(payload);

const onOff = (tri: number | null | undefined): OnOff => {
  const value = triOf(tri);
  return value === Tri.TRI_YES ? 'on' : value === Tri.TRI_NO ? 'off' : 'unknown';
};

// A term holds the same few rules thousands of times over: each is hashed once.
const keyCache = new Map<string, string>();
const KEY_CACHE_LIMIT = 10_000;

export const ruleKeyOf = (rule: Omit<InboundRule, 'key' | 'name'>): string => {
  // A rule limited to an interface is another exception; a rule on any interface keeps the key it always had.
  const parts = [rule.application, rule.protocol, rule.ports, rule.source, rule.profile, ...(rule.interface ? [rule.interface] : [])];
  const what = JSON.stringify(parts.map((part) => part.trim().toLowerCase()));
  let key = keyCache.get(what);
  if (key === undefined) {
    if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
    key = `r-${createHash('sha256').update(what).digest('hex').slice(0, 10)}`;
    keyCache.set(what, key);
  }
  return key;
};

type WireRule = NonNullable<NonNullable<Observation['firewall']>['inboundAllowRules']>[number];

const inboundRule = (rule: WireRule): InboundRule => {
  const fields = {
    application: rule.application ?? '', protocol: (rule.protocol ?? '') || 'any', ports: rule.ports ?? '',
    source: rule.source ?? '', profile: rule.profile ?? '', interface: rule.interface ?? '',
  };
  return { key: ruleKeyOf(fields), name: rule.name ?? '', ...fields };
};

/** Off when the firewall or any of its profiles is reported off; on only when on and no profile is off. */
export const readFirewall = (payload: JsonObject, at: number): FirewallReading => {
  const observation = observationOf(payload);
  const facts = observation.firewall;
  if (observation.status !== CollectionStatus.COLLECTED || !facts) {
    return { at, state: 'unknown', profiles: [], rulesListed: 'unknown', rulesProblem: observation.reason ?? '', rules: [] };
  }
  const profiles = (facts.profiles ?? []).map((profile) => ({ name: profile.name || 'unnamed', state: onOff(profile.enabled) }));
  const overall = onOff(facts.enabled);
  const state: OnOff = overall === 'off' || profiles.some((p) => p.state === 'off') ? 'off' : overall;
  const listed = triOf(facts.inboundRulesListed);
  return {
    at, state, profiles,
    rulesListed: listed === Tri.TRI_YES ? 'yes' : listed === Tri.TRI_NO ? 'no' : 'unknown',
    rulesProblem: facts.inboundRulesProblem ?? '',
    rules: (facts.inboundAllowRules ?? []).map(inboundRule),
  };
};

/** "TCP 3389 (C:\\…\\svchost.exe), Domain profile, from 10.0.0.0/8" for people. */
export const describeRule = (rule: InboundRule): string => {
  const what = [rule.protocol.toUpperCase(), rule.ports || 'all ports'].join(' ');
  const program = rule.application ? ` for ${rule.application}` : '';
  const profile = rule.profile ? `, ${rule.profile} profile` : '';
  const source = rule.source ? `, from ${rule.source}` : ', from anywhere';
  const onInterface = rule.interface ? `, on ${rule.interface} only` : '';
  return `${what}${program}${profile}${source}${onInterface}`;
};
