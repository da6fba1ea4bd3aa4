// The collector's storage contract, implemented on SQLite (sqlite.ts) and PostgreSQL (pg.ts) and held to
// by one contract suite (collector/test/store/contract/): everything here is async, times are epoch
// milliseconds and JSON columns are plain objects: nothing of the engine leaks out. No operation relies
// on running alone: read-then-write sequences take the locks below, and constraints make a double
// event or a double unresolved alert impossible whatever the interleaving.

import type { ChromeosOps } from './chromeos-types.ts';
import type { AlertOps } from './alerts-types.ts';
import type { DeliveryOps } from './delivery-types.ts';
import type { EnrolmentOps } from './enrolment-types.ts';
import type { PeopleOps } from './people-types.ts';
import type { SignInOps } from './sign-in-types.ts';
import type { TokenOps } from './tokens-types.ts';
import type { ReportOps } from './report-types.ts';
import type { DashboardOps } from './dashboard-types.ts';

export const ROLES = ['admin', 'network-manager', 'technician', 'dsl', 'governor'] as const;
export type Role = (typeof ROLES)[number];
export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

export type JsonObject = Record<string, unknown>;
export type { Person, PeopleQuery } from './people-types.ts';
export type { ApiToken } from './tokens-types.ts';
export type { StoredSession } from './sign-in-types.ts';

export interface School {
  id: string;
  name: string;
  enrolmentSecretHash: string;
  createdAt: number;
}

export interface Device {
  id: string;
  schoolId: string;
  hostname: string;
  facts: JsonObject;
  credentialHash: string;
  enrolledAt: number;
  lastSeenAt: number | null;
  revokedAt: number | null;
  /** The enrolled device whose host name or hardware serial this one also gave at enrolment, until an admin confirms it. */
  duplicateOf: string | null;
  duplicateReason: string | null;
  /** Since when the device waits for an admin's approval (its events raise no alerts until then); null when not held. */
  heldSince: number | null;
}

type EnrolmentMarks = 'duplicateOf' | 'duplicateReason' | 'heldSince';
/** A device to store: the duplicate flag and the hold are set only when enrolment calls for them. */
export type NewDevice = Omit<Device, EnrolmentMarks> & Partial<Pick<Device, EnrolmentMarks>>;

/** Where a device's current series of event numbers comes from, and how far its numbers are shifted when stored. */
export interface SeqSeries { outboxId: string | null; offset: number }

/** lifecycle: the agent's own last event (why it stopped). */
export type EventKind = 'observation' | 'misuse' | 'lifecycle';

export interface StoredEvent {
  deviceId: string;
  seq: number;
  occurredAt: number;
  receivedAt: number;
  kind: EventKind;
  /** The check an observation reports; null for misuse events. */
  checkName: string | null;
  payload: JsonObject;
}

/**
 * An event as it is written: its payload an object, or that object's JSON text already written (a string, or
 * UTF-8 bytes: a batch read and judged on another thread hands its events over this way, without copying them).
 */
export interface NewEvent extends Omit<StoredEvent, 'payload'> {
  payload: JsonObject | string | Uint8Array;
}

/** An event's payload as JSON text. */
export const payloadText = (payload: NewEvent['payload']): string => {
  if (typeof payload === 'string') return payload;
  if (payload instanceof Uint8Array) return Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength).toString('utf8');
  return JSON.stringify(payload);
};

export interface EventQuery {
  deviceId: string;
  kinds: readonly EventKind[];
  limit: number;
  /** Only events with a lower seq (paging newest first). */
  beforeSeq?: number;
}

export type VerdictStatus = 'pass' | 'fail' | 'not_applicable' | 'unknown';

export interface StoredVerdict {
  deviceId: string;
  check: string;
  status: VerdictStatus;
  reasonCode: string;
  reason: string;
  clauseId: string;
  clauseText: string;
  /** When the status last changed. */
  since: number;
  evaluatedAt: number;
  seq: number;
}

/** What a batch reads of its device first, in one step, with the device's row held until the transaction ends. */
export interface BatchDevice {
  device: Device;
  series: SeqSeries;
  /** As prunedSeq(). */
  prunedSeq: number;
  /** The device's school's stored policy pack, as getPolicyPack() gives it. */
  pack: unknown;
}

export interface VerdictChange {
  deviceId: string;
  check: string;
  fromStatus: VerdictStatus | null;
  toStatus: VerdictStatus;
  reasonCode: string;
  reason: string;
  clauseId: string;
  changedAt: number;
  seq: number;
}

export const ALERT_CATEGORIES = ['posture', 'misuse', 'availability'] as const;
export type AlertCategory = (typeof ALERT_CATEGORIES)[number];
export const ALERT_STATUSES = ['open', 'acknowledged', 'resolved'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export type { Alert, AlertEvent, AlertHistoryEntry, AlertQuery, AlertRow } from './alerts-types.ts';

/** Narrows a list to one school or to several; both absent means every school. */
export interface SchoolFilter {
  schoolId?: string;
  schoolIds?: readonly string[];
}

export interface AuditEntry {
  at: number;
  /** The person who acted, by email; null for a service token. */
  personEmail: string | null;
  tokenId: string | null;
  /** The sign-in session's public handle, when the person used the dashboard. */
  sessionId: string | null;
  roles: Role[];
  label: string;
  action: string;
  target: string;
  schoolId: string | null;
}

/** Every read and write; inside a transaction the same operations run on the transaction. Each area's
 * operations are declared in its own file (people-types.ts, ...) and joined here. */
export interface StoreOps extends PeopleOps, TokenOps, SignInOps, EnrolmentOps, ReportOps, ChromeosOps, AlertOps, DeliveryOps, DashboardOps {
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;

  createSchool(school: School): Promise<void>;
  getSchool(id: string): Promise<School | undefined>;
  listSchools(): Promise<School[]>;
  /** Replaces the school's enrolment secret hash (the old secret stops enrolling). */
  setEnrolmentSecretHash(id: string, hash: string): Promise<void>;
  /**
   * Reads the school and, inside a transaction, holds it until the transaction ends: another enrolment of the
   * school waits, so counting and creating devices cannot interleave. Undefined when there is no such school.
   */
  lockSchool(id: string): Promise<School | undefined>;

  createDevice(device: NewDevice): Promise<void>;
  getDevice(id: string): Promise<Device | undefined>;
  /**
   * Reads the device and, inside a transaction, holds it until the transaction ends: another batch, greeting or
   * judgement of the same device waits, so what this one read (series, high-water mark, verdicts) stays true.
   */
  lockDevice(id: string): Promise<Device | undefined>;
  /** Every school's devices, or only one school's, or only these schools'. */
  listDevices(filter: SchoolFilter): Promise<Device[]>;
  /** Records that the device was heard from (never moving last seen back), and its newest facts when given. */
  markDeviceSeen(id: string, at: number, facts?: { hostname: string; facts: JsonObject }): Promise<void>;
  /**
   * A heartbeat, in one statement and only while the device is not revoked: heard from at `at` (never moving last
   * seen back) with this outbox backlog (kept only when no later report has been). False when it is revoked or unknown.
   */
  recordHeartbeat(id: string, at: number, outboxDepth: number): Promise<boolean>;
  /** lockDevice(), getSeqSeries(), prunedSeq() and its school's getPolicyPack() in one step: what a batch needs first. */
  lockDeviceForBatch(id: string): Promise<BatchDevice | undefined>;
  /** Revokes the device's credential (its data stays); true when it was revoked now. */
  revokeDevice(id: string, at: number): Promise<boolean>;

  /**
   * Stores the event unless (deviceId, seq) is already stored; true when it was new.
   * Callers also skip seqs at or below prunedSeq(): retention has deleted those.
   */
  insertEvent(event: NewEvent): Promise<boolean>;
  /** Stores each event unless its (deviceId, seq) is already stored, in one round trip; for each, true when it was new. */
  insertEvents(events: readonly NewEvent[]): Promise<boolean[]>;
  /** Records that events up to `seq` have been stored for the device (never lowers it). */
  raiseHighestSeq(deviceId: string, seq: number): Promise<void>;
  /** Highest seq ever stored for the device, 0 when none; retention does not lower it. */
  highestSeq(deviceId: string): Promise<number>;
  /** Highest seq retention has deleted for the device: a resend at or below it is a duplicate without its row. */
  prunedSeq(deviceId: string): Promise<number>;
  /** The device's current series (outbox identity and offset). */
  getSeqSeries(deviceId: string): Promise<SeqSeries>;
  setSeqSeries(deviceId: string, series: SeqSeries): Promise<void>;
  listEvents(query: EventQuery): Promise<StoredEvent[]>;
  /**
   * Deletes the school's events of this kind the collector received before `before` (never by the device's
   * clock, which may be wrong); verdicts stay. Returns how many went.
   */
  deleteEventsBefore(schoolId: string, kind: EventKind, before: number): Promise<number>;

  /** Each of the school's devices' newest stored observation per check (to judge again under a new pack). */
  latestObservations(schoolId: string): Promise<StoredEvent[]>;

  getVerdict(deviceId: string, check: string): Promise<StoredVerdict | undefined>;
  listVerdicts(deviceId: string): Promise<StoredVerdict[]>;
  /** The latest verdicts of each of these devices in one round trip, by check name; a device without any maps to []. */
  listVerdictsOfDevices(deviceIds: readonly string[]): Promise<Map<string, StoredVerdict[]>>;
  putVerdict(verdict: StoredVerdict): Promise<void>;
  /** putVerdict() for each, in one step (for one (device, check), the last given stands). */
  putVerdicts(verdicts: readonly StoredVerdict[]): Promise<void>;
  recordVerdictChange(change: VerdictChange): Promise<void>;
  listVerdictChanges(deviceId: string): Promise<VerdictChange[]>;
  /** Deletes the school's verdict changes made before `before` (the latest verdicts stay); returns how many went. */
  deleteVerdictChangesBefore(schoolId: string, before: number): Promise<number>;

  appendAudit(entry: AuditEntry): Promise<void>;
  /** Newest first; only one school's, or these schools', entries when asked. */
  listAudit(query: { limit: number } & SchoolFilter): Promise<(AuditEntry & { id: number })[]>;
  /** Deletes the school's audit entries written before `before`; returns how many went. */
  deleteAuditBefore(schoolId: string, before: number): Promise<number>;

  /** The school's stored policy pack as parsed JSON (not yet validated), or undefined. */
  getPolicyPack(schoolId: string): Promise<unknown>;
  /** Stores the pack and keeps a line of its id, version and name in the school's pack history. */
  putPolicyPack(schoolId: string, pack: unknown, at: number): Promise<void>;
}

export interface Store extends StoreOps {
  /**
   * Runs `work` atomically: all of it is committed, or none of it when it throws. `work` reads and writes through
   * `tx` only: PostgreSQL may undo it to break a deadlock with another collector, and then it runs again.
   */
  transaction<T>(work: (tx: StoreOps) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
