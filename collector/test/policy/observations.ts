// Test helpers: observations as a decoded frame carries them, and packs with one setting changed.
import { expect, it } from 'vitest';
import type { CheckName } from '@invigilator/shared/checks.ts';
import { DEFAULT_POLICY_PACK } from '@invigilator/shared/policy/default-pack.ts';
import type { PolicyPack } from '@invigilator/shared/policy/types.ts';
import { validatePolicyPack } from '@invigilator/shared/policy/validate.ts';
import { CollectionStatus, type Observation } from '@invigilator/shared/wire.ts';
import { evaluateObservation, type Verdict } from '../../src/policy/evaluate.ts';

export const NOW = new Date('2026-11-23T09:00:00Z');
export const HOUR_MS = 3_600_000;
export const hoursAgo = (hours: number): number => NOW.getTime() - hours * HOUR_MS;

export const collected = (check: CheckName, facts: Omit<Observation, 'check' | 'status'>): Observation =>
  ({ check, status: CollectionStatus.COLLECTED, ...facts });

type Checks = PolicyPack['checks'];
/** The default pack with some settings of one check changed, validated as a school's file would be. */
export const packWith = <K extends keyof Checks>(check: K, settings: Partial<Checks[K]>): PolicyPack => {
  const copy = structuredClone(DEFAULT_POLICY_PACK);
  Object.assign(copy.checks[check], settings);
  return validatePolicyPack(copy, `test pack (${check})`);
};

export const judge = (observation: Observation, pack: PolicyPack = DEFAULT_POLICY_PACK): Verdict =>
  evaluateObservation(observation, pack, NOW);

/** The parts of a verdict a rule decides (clause quoting is tested once, in evaluate.test.ts). */
export const outcome = (verdict: Verdict) => ({ status: verdict.status, reasonCode: verdict.reasonCode, reason: verdict.reason });

/** A reason is either given whole (a string) or by the part that matters (a pattern). */
export const expectReason = (actual: string, expected: string | RegExp): void => {
  if (typeof expected === 'string') expect(actual).toBe(expected);
  else expect(actual).toMatch(expected);
};

export type Row = [name: string, observation: Observation, status: Verdict['status'], reasonCode: string, reason: string | RegExp];

/** One table-driven block: each row judged under `pack`. */
export const verdictTable = (rows: Row[], pack: PolicyPack = DEFAULT_POLICY_PACK): void => {
  it.each(rows)('%s', (_name, observation, status, reasonCode, reason) => {
    const verdict = outcome(judge(observation, pack));
    expect(verdict).toMatchObject({ status, reasonCode });
    expectReason(verdict.reason, reason);
  });
};
