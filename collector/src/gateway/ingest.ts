// One event batch, in one transaction: store each event once, judge each new
// observation, open or resolve alerts; the caller acknowledges only after commit.
import { isCheckName } from '@invigilator/shared/checks.ts';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import type { PolicyPack } from '@invigilator/shared/policy/types.ts';
import { CONNECTOR_SEQ_BASE, MAX_SEQ, MisuseKind, misuseToJson, observationToJson, stoppingToJson, v1, type AgentStopping, type Event, type MisuseEvent, type Observation } from '@invigilator/shared/wire.ts';
import { evaluateObservation } from '../policy/evaluate.ts';
import type { Verdict } from '../policy/verdict.ts';
import { alertForMisuse, alertForStop, alertForVerdictChange, stopDedupKey, type DeviceRef } from '../alerts/rules.ts';
import { BY_COLLECTOR, raiseAlert, resolveByDevice } from '../alerts/lifecycle.ts';
import { policyPackFor, policyPackOfStored } from '../school-policy.ts';
import type { NewEvent, SeqSeries, Store, StoredEvent, StoredVerdict, StoreOps } from '../store/types.ts';
import { withFileNamesAsPolicySays } from './file-names.ts';
import { toSafeNumber } from './frames.ts';
import { assertSeriesCurrent } from './series.ts';
import { otherSourceSawStick } from '../connectors/chromeos/stick-reports.ts';

/** Who resolves an alert when a device's own report shows the problem is gone. */
export const RESOLVED_BY_COLLECTOR = BY_COLLECTOR.deviceFixed;

export interface IngestResult {
  stored: number;
  duplicates: number;
  upToSeq: number;
  /** Checks this collector cannot judge (a newer agent): stored, left without a verdict. */
  unknownChecks: string[];
  /** Events whose device time could not be right, stored with the receive time instead. */
  timesReplaced: number;
  /**
   * The school's pack as stored (its JSON text, '' for none), when the batch was not judged ahead under it:
   * the batch reader learns it for the next batch.
   */
  packText?: string;
}

/**
 * Devices number their events from 1 up to MAX_SEQ (stored shifted by their series offset). The collector's own
 * connectors (Google Admin, for Chromebooks) number a device's events above CONNECTOR_SEQ_BASE, in a series of their
 * own kept in the connector's store area. So the two series of one Chromebook (its extension's and the connector's) never collide, a connector's
 * events never raise the device's high-water mark (what Welcome tells the extension is committed), and within one
 * series an older event never undoes a newer verdict. Across series the later observation stands, by when it was
 * observed: the connector's daily "firewall built in" must not shadow the extension's report for ever, nor the reverse.
 */
export { CONNECTOR_SEQ_BASE };
const isConnectorSeq = (seq: number): boolean => seq > CONNECTOR_SEQ_BASE;

export interface ReadEvent {
  seq: number;
  occurredAt: number;
  timeReplaced: boolean;
  observation?: Observation;
  /** The observation's payload as JSON text, when the batch reader already wrote it. */
  payloadText?: string;
  misuse?: MisuseEvent;
  stopping?: AgentStopping;
}

/** Agents send at most 500; a larger batch would hold the store (and raise alerts) for too long. */
export const MAX_EVENTS_PER_BATCH = 1000;
const EARLIEST_EVENT_TIME = Date.UTC(2000, 0, 1);
const LATEST_AHEAD_MS = 86_400_000;

/** A device's clock can be anything: a time no Date holds, before 2000 or over a day ahead becomes the receive time. */
const readEventTime = (reported: unknown, receivedAt: number): { occurredAt: number; timeReplaced: boolean } => {
  const ms = Number(String(reported ?? 0));
  if (ms === 0) return { occurredAt: receivedAt, timeReplaced: false }; // not set
  const plausible = Number.isInteger(ms) && ms >= EARLIEST_EVENT_TIME && ms <= receivedAt + LATEST_AHEAD_MS;
  return plausible ? { occurredAt: ms, timeReplaced: false } : { occurredAt: receivedAt, timeReplaced: true };
};

/** Checks the batch before anything is written: not too many events, every one numbered, in order, with a kind. */
export const readEvents = (events: readonly Event[], receivedAt: number): ReadEvent[] => {
  if (events.length > MAX_EVENTS_PER_BATCH) {
    throw new InvigilatorError('BATCH_TOO_LARGE', `${events.length} events in one batch; at most ${MAX_EVENTS_PER_BATCH} are accepted.`);
  }
  let previous = 0;
  return events.map((event) => {
    const seq = toSafeNumber(event.seq);
    if (seq > MAX_SEQ) throw new InvigilatorError('SEQUENCE_OUT_OF_RANGE', `(event ${seq}; at most ${MAX_SEQ})`);
    if (seq <= previous) throw new InvigilatorError('SEQUENCE_INVALID', `Event ${seq} follows event ${previous}.`);
    previous = seq;
    if (!event.observation && !event.misuse && !event.stopping) {
      throw new InvigilatorError('FRAME_UNDECODABLE', `Event ${seq} carries neither an observation, a misuse event nor the agent's stop.`);
    }
    const time = readEventTime(event.occurredAtMs, receivedAt);
    if (event.observation) return { seq, ...time, observation: event.observation };
    return event.misuse ? { seq, ...time, misuse: event.misuse } : { seq, ...time, stopping: event.stopping ?? {} };
  });
};

const asVerdict = (stored: StoredVerdict): Verdict => ({
  check: stored.check as Verdict['check'], status: stored.status, reasonCode: stored.reasonCode,
  reason: stored.reason, clauseId: stored.clauseId, clauseText: stored.clauseText,
});

/**
 * The device's latest verdict per check, read once per batch and written once at
 * its end: a batch of 500 routine observations costs one verdict write per check.
 */
class VerdictCache {
  readonly #tx: StoreOps;
  readonly #deviceId: string;
  readonly #verdicts = new Map<string, StoredVerdict | undefined>();
  readonly #dirty = new Set<string>();

  constructor(tx: StoreOps, deviceId: string) {
    this.#tx = tx;
    this.#deviceId = deviceId;
  }

  #loaded = false;

  /** All the device's verdicts are read at the first question: one read per batch, however many checks it reports. */
  async get(check: string): Promise<StoredVerdict | undefined> {
    if (!this.#loaded) {
      for (const verdict of await this.#tx.listVerdicts(this.#deviceId)) {
        if (!this.#verdicts.has(verdict.check)) this.#verdicts.set(verdict.check, verdict);
      }
      this.#loaded = true;
    }
    return this.#verdicts.get(check);
  }

  put(verdict: StoredVerdict): void {
    this.#verdicts.set(verdict.check, verdict);
    this.#dirty.add(verdict.check);
  }

  /** The check's verdict as a newer report with the same status says it (its words may differ); `since` stays. */
  refresh(stored: StoredVerdict, next: Verdict, evaluatedAt: number, seq: number): void {
    Object.assign(stored, { reasonCode: next.reasonCode, reason: next.reason, clauseId: next.clauseId, clauseText: next.clauseText, evaluatedAt, seq });
    this.#dirty.add(stored.check);
  }

  async flush(): Promise<void> {
    const changed = [...this.#dirty].flatMap((check) => this.#verdicts.get(check) ?? []);
    if (changed.length > 0) await this.#tx.putVerdicts(changed);
  }
}

/** An observation's verdict under the pack, judged as of when it was observed (an outbox drained days later tells the past). */
const verdictOf = (observation: Observation, pack: PolicyPack, observedAt: number): Verdict =>
  evaluateObservation(observation, pack, new Date(observedAt));

/**
 * Records an observation's verdict (`next`, judged as of `at`, when it was observed) and what changed; true when
 * the verdict's status changed. `judgedAt` when a new pack judges old facts again.
 */
const judgeObservation = async (
  tx: StoreOps, verdicts: VerdictCache, device: DeviceRef, next: Verdict, seq: number, at: number, judgedAt: number = at,
): Promise<boolean> => {
  const stored = await verdicts.get(next.check);
  // A newer observation already decided this check (see CONNECTOR_SEQ_BASE).
  if (stored && (isConnectorSeq(stored.seq) === isConnectorSeq(seq) ? stored.seq > seq : stored.evaluatedAt > at)) return false;
  // Most reports repeat the status: nothing changed, and anything but a failure raises or resolves nothing.
  if (stored?.status === next.status && next.status !== 'fail') {
    verdicts.refresh(stored, next, judgedAt, seq);
    return false;
  }
  const previous = stored && asVerdict(stored);
  const changed = previous?.status !== next.status;
  at = judgedAt;
  verdicts.put({ deviceId: device.id, ...next, since: changed ? at : (stored?.since ?? at), evaluatedAt: at, seq });
  if (changed) {
    await tx.recordVerdictChange({
      deviceId: device.id, check: next.check, fromStatus: previous?.status ?? null, toStatus: next.status,
      reasonCode: next.reasonCode, reason: next.reason, clauseId: next.clauseId, changedAt: at, seq,
    });
  }
  const outcome = alertForVerdictChange(device, previous, next);
  if (outcome.raise) {
    await raiseAlert(tx, device, outcome.raise, at, { countRepeat: outcome.newFailure === true, reopenAfterManualResolve: true });
  }
  if (outcome.resolveDedupKey) await resolveByDevice(tx, device.schoolId, outcome.resolveDedupKey, at, RESOLVED_BY_COLLECTOR);
  return changed;
};

/**
 * Judges every device's newest facts again under the school's current pack (after a pack change),
 * opening and resolving alerts as a report would; returns how many devices changed a verdict.
 */
export const rejudgeSchool = async (store: Store, schoolId: string, now: number): Promise<{ devices: number; changed: number }> =>
  store.transaction(async (tx) => {
    const pack = await policyPackFor(tx, schoolId);
    const devices = await tx.listDevices({ schoolId });
    const byId = new Map(devices.map((device) => [device.id, device]));
    const changedDevices = new Set<string>();
    const caches = new Map<string, VerdictCache>();
    for (const event of await tx.latestObservations(schoolId)) {
      const stored = byId.get(event.deviceId);
      if (!stored || !isCheckName(event.checkName ?? '')) continue;
      const device: DeviceRef = { id: stored.id, hostname: stored.hostname, schoolId: stored.schoolId, held: stored.heldSince !== null };
      let cache = caches.get(device.id);
      if (!cache) {
        // Each device held until the pack's judgement commits: a batch arriving meanwhile waits, then judges on top.
        await tx.lockDevice(device.id);
        caches.set(device.id, cache = new VerdictCache(tx, device.id));
      }
      const next = verdictOf(v1.Observation.fromObject(event.payload), pack, event.occurredAt);
      if (await judgeObservation(tx, cache, device, next, event.seq, event.occurredAt, now)) changedDevices.add(device.id);
    }
    for (const cache of caches.values()) await cache.flush();
    return { devices: devices.length, changed: changedDevices.size };
  });

/** One event of a batch as it is stored and judged: its row's parts, and its verdict under the school's pack. */
export interface JudgedEvent {
  /** The agent's number (stored shifted by the connection's series offset). */
  seq: number;
  occurredAt: number;
  kind: StoredEvent['kind'];
  checkName: string | null;
  payload: NewEvent['payload'];
  /** An observation of a check this collector judges: its verdict. */
  verdict?: Verdict;
  /** A misuse event, its file names as the pack says. */
  misuse?: MisuseEvent;
  stopping?: AgentStopping;
}

/** A checked batch judged under one pack, named by the pack's stored text ('' for the built-in default). */
export interface JudgedBatch {
  packText: string;
  events: JudgedEvent[];
  timesReplaced: number;
}

/**
 * Judges a checked batch under the school's pack. Pure: the batch reader thread runs it ahead of the store's
 * transaction, which uses the result only while the school's pack is still the one named.
 */
export const judgeBatch = (batch: readonly ReadEvent[], pack: PolicyPack, packText: string): JudgedBatch => ({
  packText,
  timesReplaced: batch.filter((event) => event.timeReplaced).length,
  events: batch.map(({ seq, occurredAt, observation, payloadText, misuse, stopping }): JudgedEvent => {
    if (observation) {
      const check = observation.check ?? '';
      const verdict = isCheckName(check) ? verdictOf(observation, pack, occurredAt) : undefined;
      const payload = payloadText ?? observationToJson(observation);
      return { seq, occurredAt, kind: 'observation', checkName: check, payload, ...(verdict && { verdict }) };
    }
    if (misuse) {
      const shown = withFileNamesAsPolicySays(misuse, pack);
      return { seq, occurredAt, kind: 'misuse', checkName: null, payload: misuseToJson(shown), misuse: shown };
    }
    return { seq, occurredAt, kind: 'lifecycle', checkName: null, payload: stoppingToJson(stopping ?? {}), stopping: stopping ?? {} };
  }),
});

/** A batch's events as the store gets them: checked, or also judged ahead (with the way to read them again). */
export type BatchSource = { events: readonly ReadEvent[] } | { judged: JudgedBatch; reread: () => readonly ReadEvent[] };

/** Who resolves a stop alert once the agent is heard from again. */
export const RESOLVED_BY_AGENT_RUNNING = 'collector: the agent is running again';

/**
 * `series` is the connection's (from its Hello): the agent's numbers are stored shifted by its offset, and
 * the batch is refused unacknowledged if another connection has since started a new series.
 */
export const ingestBatch = async (
  store: Store, device: DeviceRef, events: readonly Event[], receivedAt: number,
  series: SeqSeries = { outboxId: null, offset: 0 },
): Promise<IngestResult> => {
  // Checked before the transaction: a batch that cannot be stored holds no lock.
  const batch = readEvents(events, receivedAt);
  return store.transaction((tx) => storeBatch(tx, device, { events: batch }, receivedAt, series));
};

/** The same, inside the caller's transaction (a group commit runs several of these in one), from events checked or judged. */
export const ingestBatchIn = async (
  tx: StoreOps, device: DeviceRef, source: BatchSource, receivedAt: number, series: SeqSeries,
): Promise<IngestResult> => storeBatch(tx, device, source, receivedAt, series);

const storeBatch = async (
  tx: StoreOps, device: DeviceRef, source: BatchSource, receivedAt: number, series: SeqSeries,
): Promise<IngestResult> => {
  const { offset } = series;
  // The device's row, held until commit: another batch of this device (a second connection, another collector)
  // waits, so the series, the pruned mark and the verdicts read below stay true until this batch is written.
  // Read with them in one step: the series, the pruned mark and the school's pack.
  const locked = await tx.lockDeviceForBatch(device.id);
  // Revoked from elsewhere (the CLI, another collector) while connected: refused, unacknowledged.
  if (!locked || locked.device.revokedAt !== null) throw new InvigilatorError('AUTH_REVOKED');
  assertSeriesCurrent(locked.series, series);
  // Read in the batch's transaction: an approval takes effect from the next batch, even on a live connection.
  const subject: DeviceRef = { ...device, held: locked.device.heldSince !== null };
  const { pack, text: packText } = policyPackOfStored(device.schoolId, locked.pack);
  // Judged ahead under the pack the school still has: used as it is; under another (or not at all): judged now.
  const ahead = 'judged' in source && source.judged.packText === packText ? source.judged : undefined;
  const batch = ahead ?? judgeBatch('judged' in source ? source.reread() : source.events, pack, packText);
  const verdicts = new VerdictCache(tx, device.id);
  // Retention deleted these: a resend of one is recognised without its row. Above it, the row decides,
  // so a forged high number can never make a later event look stored.
  const prunedUpTo = locked.prunedSeq;
  const kept = batch.events.map((event) => {
    const seq = offset + event.seq;
    if (isConnectorSeq(seq)) throw new InvigilatorError('SEQUENCE_OUT_OF_RANGE', `(event ${seq} would reach the collector's own series above ${CONNECTOR_SEQ_BASE})`);
    return { event, seq };
  }).filter(({ seq }) => seq > prunedUpTo);
  // One insert for the batch; the (device, seq) key decides which events are new, whoever else stores them.
  const isNew = await tx.insertEvents(kept.map(({ event, seq }) => ({
    deviceId: device.id, seq, occurredAt: event.occurredAt, receivedAt, kind: event.kind, checkName: event.checkName, payload: event.payload,
  })));
  let stored = 0;
  const unknownChecks = new Set<string>();
  for (const [index, { event, seq }] of kept.entries()) {
    if (!isNew[index]) continue;
    stored += 1;
    if (event.kind === 'observation') {
      if (event.verdict) await judgeObservation(tx, verdicts, subject, event.verdict, seq, event.occurredAt);
      else unknownChecks.add(event.checkName ?? '');
    } else if (event.stopping) {
      const draft = alertForStop(subject, event.stopping, pack, new Date(event.occurredAt));
      if (draft) await raiseAlert(tx, subject, draft, event.occurredAt, { countRepeat: true, reopenAfterManualResolve: false });
    } else {
      await raiseMisuseAlert(tx, subject, pack, event.misuse ?? {}, seq, event.occurredAt, false);
    }
  }
  await verdicts.flush();
  const last = batch.events.at(-1);
  const upToSeq = last?.seq ?? 0;
  // Anything after the agent's last stop (a stop delivered late, at the next start, is followed by the new run's events).
  if (stored > 0 && last?.kind !== 'lifecycle') await resolveByDevice(tx, device.schoolId, stopDedupKey(subject), receivedAt, RESOLVED_BY_AGENT_RUNNING);
  await tx.raiseHighestSeq(device.id, offset + upToSeq);
  return {
    stored, duplicates: batch.events.length - stored, upToSeq, unknownChecks: [...unknownChecks], timesReplaced: batch.timesReplaced,
    ...(ahead ? {} : { packText }),
  };
};

/** The DSL's alert for a misuse event, unless it is a Chromebook stick the other source (extension or telemetry) already reported. */
// `seq` is the stored event's number: the alert links it, and reads the device's words from it.
const raiseMisuseAlert = async (
  tx: StoreOps, device: DeviceRef, pack: PolicyPack, misuse: MisuseEvent, seq: number, occurredAt: number, fromConnector: boolean,
): Promise<void> => {
  const draft = alertForMisuse(device, misuse, pack, new Date(occurredAt));
  if (!draft) return;
  if (misuse.kind === MisuseKind.MEDIA_ATTACHED && await otherSourceSawStick(tx, device.id, occurredAt, fromConnector)) return;
  await raiseAlert(tx, device, { ...draft, event: { deviceId: device.id, seq } }, occurredAt, { countRepeat: true, reopenAfterManualResolve: false });
};

/**
 * Stores a connector's misuse event of one device (numbered in its connector series) and raises the DSL's alert by
 * the same rules as a device's own report. Returns false when the number was already stored. Runs in the caller's transaction.
 */
export const storeConnectorMisuse = async (
  tx: StoreOps, device: DeviceRef, seq: number, misuse: MisuseEvent, occurredAt: number, receivedAt: number,
): Promise<boolean> => {
  if (!isConnectorSeq(seq)) throw new InvigilatorError('SEQUENCE_INVALID', `Connector event ${seq} is not above ${CONNECTOR_SEQ_BASE}.`);
  const pack = await policyPackFor(tx, device.schoolId);
  const isNew = await tx.insertEvent({ deviceId: device.id, seq, occurredAt, receivedAt, kind: 'misuse', checkName: null, payload: misuseToJson(misuse) });
  if (isNew) await raiseMisuseAlert(tx, device, pack, misuse, seq, occurredAt, true);
  return isNew;
};

/**
 * Stores and judges a connector's observations of one device as one series above CONNECTOR_SEQ_BASE (numbers the
 * connector took for it), through the same judgement as a device's own; the device's high-water mark is left alone.
 * Returns how many verdicts changed status. Runs inside the caller's transaction.
 */
export const storeConnectorObservations = async (
  tx: StoreOps, device: DeviceRef, firstSeq: number, observations: readonly Observation[], observedAt: number, receivedAt: number,
): Promise<number> => {
  if (!isConnectorSeq(firstSeq)) throw new InvigilatorError('SEQUENCE_INVALID', `Connector event ${firstSeq} is not above ${CONNECTOR_SEQ_BASE}.`);
  // Held until the caller commits, as a batch holds it: the device's verdicts have one writer at a time.
  await tx.lockDevice(device.id);
  const pack = await policyPackFor(tx, device.schoolId);
  const verdicts = new VerdictCache(tx, device.id);
  let changed = 0;
  for (const [index, observation] of observations.entries()) {
    const seq = firstSeq + index;
    const isNew = await tx.insertEvent({
      deviceId: device.id, seq, occurredAt: observedAt, receivedAt, kind: 'observation',
      checkName: observation.check ?? '', payload: observationToJson(observation),
    });
    if (isNew && await judgeObservation(tx, verdicts, device, verdictOf(observation, pack, observedAt), seq, observedAt)) changed += 1;
  }
  await verdicts.flush();
  return changed;
};
