// Storage for the termly reports: the term calendar, why each inbound firewall exception is permitted,
// the history of a school's policy packs, and one device's events across a term.
import type { EventKind, StoredEvent } from './types.ts';

/** A term of a school's calendar; schoolId null is the trust-wide calendar every school inherits. */
export interface StoredTerm {
  schoolId: string | null;
  name: string;
  /** YYYY-MM-DD, inclusive. */
  start: string;
  end: string;
  holidays: { from: string; to: string }[];
  updatedAt: number;
  updatedBy: string;
}

/** One recording of why an inbound firewall rule is permitted; the newest per rule is current. */
export interface ExceptionReason {
  schoolId: string;
  ruleKey: string;
  reason: string;
  recordedBy: string;
  recordedAt: number;
}

export interface PolicyPackChange { schoolId: string; packId: string; version: string; name: string; changedAt: number }

/** One device's events of one kind (and check) made in [from, to) by the device's time, oldest first. */
export interface EventRangeQuery {
  deviceId: string;
  kind: EventKind;
  checkName?: string;
  from: number;
  to: number;
}

export interface ReportOps {
  listEventsBetween(query: EventRangeQuery): Promise<StoredEvent[]>;
  /** Every pack the school was given (putPolicyPack keeps a line each time), oldest first. */
  listPolicyPackChanges(schoolId: string): Promise<PolicyPackChange[]>;

  /** Adds or replaces the term of this name in that calendar. */
  putTerm(term: StoredTerm): Promise<void>;
  /** With a school: the trust-wide terms and the school's own; without: every term. */
  listTerms(filter: { schoolId?: string }): Promise<StoredTerm[]>;

  appendExceptionReason(reason: ExceptionReason): Promise<void>;
  /** Every recording for the school's rules, oldest first. */
  listExceptionReasons(schoolId: string): Promise<ExceptionReason[]>;
}
