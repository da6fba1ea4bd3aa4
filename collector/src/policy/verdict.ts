// The collector's judgement of one observation, and the building blocks the
// per-check rules share.
import type { CheckName } from '@invigilator/shared/checks.ts';
import type { VerdictReasonCode } from './reason-codes.ts';

export type VerdictStatus = 'pass' | 'fail' | 'not_applicable' | 'unknown';

export interface Verdict {
  check: CheckName;
  status: VerdictStatus;
  /** A code from VERDICT_REASON_CODES, or the agent's own code when it could not collect. */
  reasonCode: string;
  /** A sentence a technician understands. */
  reason: string;
  clauseId: string;
  clauseText: string;
}

/** A verdict before the check name and clause are attached. */
export interface Judgement { status: VerdictStatus; reasonCode: string; reason: string }

/** One way a device falls short of the pack, as a sentence without its full stop. */
export interface Gap { code: VerdictReasonCode; text: string }

/**
 * What a rule found: gaps (facts that break the pack) and unknowns (facts the
 * pack needs that the device did not report, as "whether ..." / "the ..." phrases).
 */
export interface Findings { gaps: Gap[]; unknowns: string[] }

export const emptyFindings = (): Findings => ({ gaps: [], unknowns: [] });

/** The text with its first letter a capital. */
export const sentence = (text: string): string => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/** "a", "a and b", "a, b and c". */
export const listInWords = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/**
 * A known gap outweighs a missing fact (one broken rule is a failure whatever
 * else is unknown); a missing fact is never a pass.
 */
export const failOrUnknown = (findings: Findings, unknownCode: VerdictReasonCode): Judgement => {
  const [first] = findings.gaps;
  if (first) {
    return { status: 'fail', reasonCode: first.code, reason: `${findings.gaps.map((gap) => sentence(gap.text)).join('. ')}.` };
  }
  return {
    status: 'unknown',
    reasonCode: unknownCode,
    reason: `The device did not report ${listInWords(findings.unknowns)}, which the school's policy needs.`,
  };
};

/** Passes only when nothing broke the pack and nothing it needs is missing. */
export const settle = (findings: Findings, unknownCode: VerdictReasonCode, pass: () => Judgement): Judgement =>
  findings.gaps.length > 0 || findings.unknowns.length > 0 ? failOrUnknown(findings, unknownCode) : pass();
