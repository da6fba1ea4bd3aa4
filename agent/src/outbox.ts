// Every event is written here, with its sequence number, before anything is sent,
// and leaves only when the collector acknowledges it. WAL + synchronous=FULL so a
// kill -9 or a power cut loses nothing that append() returned a seq for.
import { accessSync, constants } from 'node:fs';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { ERRORS, InvigilatorError } from '@invigilator/shared/errors.ts';
import type { Logger } from '@invigilator/shared/logger.ts';
import { fitToLimits } from '@invigilator/shared/field-limits.ts';
import { makePrivateSqliteFile } from '@invigilator/shared/private-files.ts';
import { MAX_FRAME_BYTES, v1, type AgentStopping, type MisuseEvent, type Observation } from '@invigilator/shared/wire.ts';

export const DEFAULT_OUTBOX_MAX_BYTES = 64 * 1024 * 1024;
/** Events kept in memory while the outbox cannot be written; beyond this the oldest routine ones go. */
export const DEFAULT_PENDING_LIMIT = 1000;
const PENDING_RETRY_MS = 5_000;
const DEFAULT_BUSY_TIMEOUT_MS = 5_000;
/** Room left in a frame for the batch wrapper around one event. */
const MAX_EVENT_BYTES = MAX_FRAME_BYTES / 2 - 64;

export type EventKind = 'observation' | 'misuse';

export type OutboxInput =
  | { occurredAtMs: number; observation: Observation; misuse?: undefined; stopping?: undefined }
  | { occurredAtMs: number; misuse: MisuseEvent; observation?: undefined; stopping?: undefined }
  | { occurredAtMs: number; stopping: AgentStopping; observation?: undefined; misuse?: undefined };

export interface StoredEvent {
  seq: number;
  bytes: Uint8Array;
}

export interface OutboxStats {
  depth: number;
  bytes: number;
  oldestSeq: number | null;
  oldestOccurredAtMs: number | null;
  dropped: Record<EventKind, number>;
  /** Events held in memory because the outbox could not be written. */
  pendingInMemory: number;
}

export interface OutboxOptions {
  file: string;
  logger: Logger;
  maxBytes?: number;
  pendingLimit?: number;
  /** How long a write waits for another process's lock before it counts as failed. */
  busyTimeoutMs?: number;
  /** Called after an event is stored (the transport's drain wakes on it). */
  onAppend?: () => void;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL CHECK (kind IN ('observation', 'misuse')),
  occurred_at_ms INTEGER NOT NULL,
  bytes BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS events_kind_seq ON events (kind, seq);
CREATE TABLE IF NOT EXISTS dropped (kind TEXT PRIMARY KEY, count INTEGER NOT NULL);
-- A random id made with this file, named in every Hello: a new file is a new series to the collector.
CREATE TABLE IF NOT EXISTS identity (id INTEGER PRIMARY KEY CHECK (id = 1), outbox_id TEXT NOT NULL);
INSERT OR IGNORE INTO identity (id, outbox_id) VALUES (1, lower(hex(randomblob(16))));
`;

type StatementName = 'nextSeq' | 'highestAssigned' | 'insert' | 'peek' | 'all' | 'renumber' | 'setSequence' | 'insertSequence'
  | 'totalBytes' | 'bytesUpTo' | 'ack' | 'oldestOfKind' | 'deleteOfKindUpTo' | 'countDrop';

const prepareStatements = (db: DatabaseSync): Record<StatementName, StatementSync> => ({
  nextSeq: db.prepare(`SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'events'), 0) + 1 AS next`),
  // Unsent rows count too: a seq is "assigned" once any row or the counter has used it.
  highestAssigned: db.prepare(`SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'events'), 0), COALESCE((SELECT MAX(seq) FROM events), 0)) AS highest`),
  insert: db.prepare('INSERT INTO events (seq, kind, occurred_at_ms, bytes) VALUES (?, ?, ?, ?)'),
  peek: db.prepare('SELECT seq, bytes FROM events ORDER BY seq LIMIT ?'),
  all: db.prepare('SELECT seq, bytes FROM events ORDER BY seq'),
  renumber: db.prepare('UPDATE events SET seq = ?, bytes = ? WHERE seq = ?'),
  setSequence: db.prepare(`UPDATE sqlite_sequence SET seq = ? WHERE name = 'events'`),
  insertSequence: db.prepare(`INSERT INTO sqlite_sequence (name, seq) VALUES ('events', ?)`),
  totalBytes: db.prepare('SELECT COALESCE(SUM(length(bytes)), 0) AS total FROM events'),
  bytesUpTo: db.prepare('SELECT COALESCE(SUM(length(bytes)), 0) AS total FROM events WHERE seq <= ?'),
  ack: db.prepare('DELETE FROM events WHERE seq <= ?'),
  oldestOfKind: db.prepare('SELECT seq, length(bytes) AS size FROM events WHERE kind = ? ORDER BY seq'),
  deleteOfKindUpTo: db.prepare('DELETE FROM events WHERE kind = ? AND seq <= ?'),
  countDrop: db.prepare('INSERT INTO dropped (kind, count) VALUES (?, ?) ON CONFLICT (kind) DO UPDATE SET count = count + excluded.count'),
});

/** Opens (or creates) the outbox file; a damaged or unopenable file is reported with what to do about it. */
const openOutboxFile = (file: string, busyTimeoutMs: number): { db: DatabaseSync; statements: Record<StatementName, StatementSync> } => {
  let db: DatabaseSync | undefined;
  try {
    makePrivateSqliteFile(file);
    db = new DatabaseSync(file);
    // busy_timeout first: switching to WAL already needs the file's lock.
    db.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.trunc(busyTimeoutMs))}; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;`);
    db.exec(SCHEMA);
    return { db, statements: prepareStatements(db) };
  } catch (error) {
    try {
      db?.close();
    } catch {
      // Already unusable; the error below says why.
    }
    throw new InvigilatorError('STATE_DIR_UNUSABLE',
      `(the outbox file ${file} cannot be opened or is damaged; move it aside and restart the agent — unsent events in it are lost: ${(error as Error).message})`,
      { cause: error });
  }
};

const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

const isDiskFull = (error: unknown): boolean => {
  const failure = error as { errcode?: number; code?: string; message?: string };
  // SQLITE_FULL is 13; (errcode & 0xff) also covers its extended codes.
  return (typeof failure.errcode === 'number' && (failure.errcode & 0xff) === 13)
    || failure.code === 'ENOSPC' || /disk is full|ENOSPC/i.test(failure.message ?? '');
};

// The kind is what goes last when the outbox is full: routine observations first. The agent's
// last event is kept like misuse (it is filed under that kind, so older outbox files need no change).
const kindOf = (input: OutboxInput): EventKind => (input.observation ? 'observation' : 'misuse');

/** Shortened to the collector's field limits here, so the collector never refuses a genuine event. */
const encodeEvent = (seq: number, input: OutboxInput): Uint8Array =>
  v1.Event.encode(fitToLimits(
    structuredClone({ seq, occurredAtMs: input.occurredAtMs, observation: input.observation, misuse: input.misuse, stopping: input.stopping }), 'shorten',
  )).finish();

type WriteFailureCode = 'DISK_FULL' | 'OUTBOX_WRITE_FAILED';

export class Outbox {
  readonly #db: DatabaseSync;
  readonly #logger: Logger;
  readonly #maxBytes: number;
  readonly #pendingLimit: number;
  readonly #onAppend: (() => void) | undefined;
  readonly #pending: OutboxInput[] = [];
  readonly #statements: Record<StatementName, StatementSync>;
  /** Drops that could not be counted in the file while it failed; saved once it works again. */
  readonly #unsavedDrops: Record<EventKind, number> = { observation: 0, misuse: 0 };
  #bytes: number;
  #retryTimer: NodeJS.Timeout | undefined;
  #closed = false;
  #writeFailure: WriteFailureCode | null = null;

  constructor(options: OutboxOptions) {
    this.#logger = options.logger;
    this.#maxBytes = options.maxBytes ?? DEFAULT_OUTBOX_MAX_BYTES;
    this.#pendingLimit = options.pendingLimit ?? DEFAULT_PENDING_LIMIT;
    this.#onAppend = options.onAppend;
    const opened = openOutboxFile(options.file, options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS);
    this.#db = opened.db;
    this.#statements = opened.statements;
    this.#bytes = this.#totalBytes();
  }

  /**
   * Stores the event and returns its sequence number. Returns null when the event
   * could not be written now (disk full, locked, I/O error: it waits in memory and is
   * retried) or can never be sent (larger than a frame: logged and counted as dropped).
   */
  append(input: OutboxInput): number | null {
    this.#assertOpen();
    this.#flushPending();
    if (this.#pending.length > 0) {
      this.#keepInMemory(input);
      return null;
    }
    return this.#store(input);
  }

  /** Stored events in seq order: at most maxEvents, and at most maxBytes unless the first alone is larger. */
  peek(maxEvents: number, maxBytes: number): StoredEvent[] {
    this.#assertOpen();
    const rows = this.#statements.peek.iterate(maxEvents) as Iterable<{ seq: number; bytes: Uint8Array }>;
    const events: StoredEvent[] = [];
    let total = 0;
    for (const row of rows) {
      if (events.length > 0 && total + row.bytes.length > maxBytes) break;
      total += row.bytes.length;
      events.push({ seq: Number(row.seq), bytes: row.bytes });
    }
    return events;
  }

  /** The collector committed everything up to seq: forget it. */
  ackUpTo(seq: number): void {
    this.#assertOpen();
    if (!Number.isSafeInteger(seq) || seq <= 0) return;
    try {
      const freed = Number((this.#statements.bytesUpTo.get(seq) as { total: number }).total);
      this.#statements.ack.run(seq);
      this.#bytes -= freed;
    } catch (error) {
      throw new InvigilatorError('OUTBOX_WRITE_FAILED', `(acknowledged events could not be removed: ${errorMessage(error)})`, { cause: error });
    }
  }

  /**
   * The collector holds seqs above every seq this outbox ever assigned, so the outbox
   * was recreated (deleted, replaced). Moves its numbering above committedSeq — unsent
   * events renumbered in order, new ones after them — before anything is acknowledged,
   * so no unsent event is deleted or taken for a duplicate. Returns how many were renumbered.
   */
  continueAbove(committedSeq: number): number {
    this.#assertOpen();
    if (!Number.isSafeInteger(committedSeq) || committedSeq <= 0) return 0;
    // Only this process writes the outbox, so the answer holds until the transaction below.
    const highest = Number((this.#statements.highestAssigned.get() as { highest: number }).highest);
    // Equal is the normal case: everything this outbox numbered is committed.
    if (committedSeq <= highest) return 0;
    let renumbered = 0;
    try {
      this.#db.exec('BEGIN IMMEDIATE');
      // Every new seq is above every old one, so no update collides.
      for (const row of this.#statements.all.all() as { seq: number; bytes: Uint8Array }[]) {
        renumbered += 1;
        const event = v1.Event.decode(row.bytes);
        event.seq = committedSeq + renumbered;
        this.#statements.renumber.run(committedSeq + renumbered, v1.Event.encode(event).finish(), row.seq);
      }
      const counter = committedSeq + renumbered;
      if (Number(this.#statements.setSequence.run(counter).changes) === 0) this.#statements.insertSequence.run(counter);
      this.#db.exec('COMMIT');
    } catch (error) {
      this.#rollbackQuietly();
      throw new InvigilatorError('OUTBOX_WRITE_FAILED', `(the outbox could not be renumbered after the collector's seq ${committedSeq}: ${errorMessage(error)})`, { cause: error });
    }
    this.#bytes = this.#totalBytes();
    this.#logger.warn({ code: 'OUTBOX_RESET', committedSeq, highestAssigned: highest, renumbered },
      `${ERRORS.OUTBOX_RESET} (the collector holds events up to ${committedSeq}, this outbox had numbered only up to ${highest}; ${renumbered} unsent event(s) now start at ${committedSeq + 1})`);
    return renumbered;
  }

  /** What Hello says of this outbox: its id, and the highest seq it ever assigned. */
  identity(): { outboxId: string; highestSeq: number } {
    this.#assertOpen();
    const row = this.#db.prepare('SELECT outbox_id AS outboxId FROM identity').get() as { outboxId: string };
    return { outboxId: row.outboxId, highestSeq: Number((this.#statements.highestAssigned.get() as { highest: number }).highest) };
  }

  depth(): number {
    this.#assertOpen();
    return Number((this.#db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n);
  }

  stats(): OutboxStats {
    this.#assertOpen();
    const oldest = this.#db.prepare('SELECT seq, occurred_at_ms AS at FROM events ORDER BY seq LIMIT 1').get() as { seq: number; at: number } | undefined;
    const dropped: Record<EventKind, number> = { observation: 0, misuse: 0 };
    for (const row of this.#db.prepare('SELECT kind, count FROM dropped').all() as { kind: EventKind; count: number }[]) {
      dropped[row.kind] = Number(row.count);
    }
    for (const kind of ['observation', 'misuse'] as const) dropped[kind] += this.#unsavedDrops[kind];
    return {
      depth: this.depth(),
      bytes: this.#bytes,
      oldestSeq: oldest ? Number(oldest.seq) : null,
      oldestOccurredAtMs: oldest ? Number(oldest.at) : null,
      dropped,
      pendingInMemory: this.#pending.length,
    };
  }

  /** Tries again to write events held in memory; true when none are left waiting. */
  flushPending(): boolean {
    this.#assertOpen();
    this.#flushPending();
    return this.#pending.length === 0;
  }

  close(): void {
    if (this.#closed) return;
    this.#flushPending();
    if (this.#pending.length > 0) {
      const code = this.#writeFailure ?? 'OUTBOX_WRITE_FAILED';
      this.#logger.error({ code, lost: this.#pending.length }, `${ERRORS[code]} ${this.#pending.length} event(s) held in memory are lost at shutdown.`);
    }
    clearTimeout(this.#retryTimer);
    this.#closed = true;
    this.#db.close();
  }

  #store(input: OutboxInput): number | null {
    const kind = kindOf(input);
    let seq: number;
    try {
      this.#db.exec('BEGIN IMMEDIATE');
      seq = Number((this.#statements.nextSeq.get() as { next: number }).next);
      const bytes = encodeEvent(seq, input);
      if (bytes.length > MAX_EVENT_BYTES) {
        this.#db.exec('ROLLBACK');
        this.#logger.error({ code: 'EVENT_TOO_LARGE', kind, bytes: bytes.length }, `${ERRORS.EVENT_TOO_LARGE} (a ${kind} event of ${bytes.length} bytes)`);
        this.#countDrop(kind, 1);
        return null;
      }
      this.#statements.insert.run(seq, kind, input.occurredAtMs, bytes);
      this.#db.exec('COMMIT');
      this.#bytes += bytes.length;
    } catch (error) {
      this.#rollbackQuietly();
      this.#noteWriteFailure(error, kind);
      this.#keepInMemory(input);
      return null;
    }
    this.#noteWriteWorks();
    try {
      this.#enforceLimit();
    } catch (error) {
      // The event is stored; trimming is tried again on the next append.
      this.#logger.warn({ code: 'OUTBOX_WRITE_FAILED', err: error }, `${ERRORS.OUTBOX_WRITE_FAILED} (old events over the size limit could not be discarded)`);
    }
    this.#onAppend?.();
    return seq;
  }

  /** Any failed write is handled like a full disk; logged once per kind of failure. */
  #noteWriteFailure(error: unknown, kind: EventKind): void {
    const code: WriteFailureCode = isDiskFull(error) ? 'DISK_FULL' : 'OUTBOX_WRITE_FAILED';
    if (this.#writeFailure !== code) {
      const detail = code === 'DISK_FULL' ? 'New events are kept in memory and written when space is free.' : `(${errorMessage(error)})`;
      this.#logger.error({ code, kind, err: error }, `${ERRORS[code]} ${detail}`);
    }
    this.#writeFailure = code;
  }

  #noteWriteWorks(): void {
    if (!this.#writeFailure) return;
    const recovered = this.#writeFailure === 'DISK_FULL' ? 'Disk space is available again' : 'The outbox file can be written again';
    this.#writeFailure = null;
    this.#logger.info({ pendingInMemory: this.#pending.length }, `${recovered}; events held in memory are being written to the outbox.`);
    for (const kind of ['observation', 'misuse'] as const) {
      const count = this.#unsavedDrops[kind];
      this.#unsavedDrops[kind] = 0;
      if (count > 0) this.#countDrop(kind, count);
    }
  }

  #flushPending(): void {
    while (this.#pending.length > 0) {
      const next = this.#pending.shift() as OutboxInput;
      const before = this.#pending.length;
      this.#store(next);
      // #store put it back (at the end) when the disk is still full: restore the order and stop.
      if (this.#pending.length > before) {
        this.#pending.unshift(this.#pending.pop() as OutboxInput);
        return;
      }
    }
    clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
  }

  #keepInMemory(input: OutboxInput): void {
    this.#pending.push(input);
    if (this.#pending.length > this.#pendingLimit) {
      const routine = this.#pending.findIndex((event) => kindOf(event) === 'observation');
      const [lost] = this.#pending.splice(routine >= 0 ? routine : 0, 1);
      const kind = kindOf(lost as OutboxInput);
      const code = this.#writeFailure ?? 'OUTBOX_WRITE_FAILED';
      this.#logger[kind === 'misuse' ? 'error' : 'warn']({ code, kind }, `${ERRORS[code]} The in-memory queue is full; the oldest ${kind} event was discarded.`);
      this.#countDrop(kind, 1);
    }
    if (!this.#retryTimer) {
      this.#retryTimer = setInterval(() => { if (!this.#closed) this.#flushPending(); }, PENDING_RETRY_MS);
      this.#retryTimer.unref();
    }
  }

  /** Over the size limit: routine observations go first, misuse events only when nothing else is left. */
  #enforceLimit(): void {
    for (const kind of ['observation', 'misuse'] as const) {
      if (this.#bytes <= this.#maxBytes) return;
      let excess = this.#bytes - this.#maxBytes;
      let cutoff = 0;
      let count = 0;
      let freed = 0;
      for (const row of this.#statements.oldestOfKind.iterate(kind) as Iterable<{ seq: number; size: number }>) {
        cutoff = Number(row.seq);
        count += 1;
        freed += Number(row.size);
        excess -= Number(row.size);
        if (excess <= 0) break;
      }
      if (count === 0) continue;
      this.#statements.deleteOfKindUpTo.run(kind, cutoff);
      this.#countDrop(kind, count);
      this.#bytes -= freed;
      const level = kind === 'misuse' ? 'error' : 'warn';
      this.#logger[level]({ code: 'OUTBOX_FULL', kind, dropped: count, maxBytes: this.#maxBytes }, `${ERRORS.OUTBOX_FULL} ${count} ${kind} event(s) discarded.`);
    }
  }

  /** Counts in the file, or in memory while the file cannot be written. */
  #countDrop(kind: EventKind, count: number): void {
    try {
      this.#statements.countDrop.run(kind, count);
    } catch {
      this.#unsavedDrops[kind] += count;
    }
  }

  #totalBytes(): number {
    return Number((this.#statements.totalBytes.get() as { total: number }).total);
  }

  #rollbackQuietly(): void {
    try {
      if (this.#db.isTransaction) this.#db.exec('ROLLBACK');
    } catch {
      // Nothing to roll back.
    }
  }

  #assertOpen(): void {
    if (this.#closed) throw new InvigilatorError('INTERNAL', 'The outbox was used after it was closed.');
  }
}

export interface OutboxSnapshot {
  depth: number;
  oldestOccurredAtMs: number | null;
  dropped: Record<EventKind, number>;
}

/** Read-only look at an outbox another process may be writing (for `status`); null when there is none. */
/**
 * The outbox as it is now, read-only; null when there is none yet. An outbox the caller may not read, or a
 * damaged one, is an error that names the file: "no outbox yet" would hide both.
 */
export const readOutboxSnapshot = (file: string): OutboxSnapshot | null => {
  try {
    accessSync(file, constants.R_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    throw new InvigilatorError(code === 'EACCES' || code === 'EPERM' ? 'PERMISSION_DENIED' : 'STATE_DIR_UNUSABLE',
      `(${file}: ${(error as Error).message})`, { cause: error });
  }
  let db: DatabaseSync | undefined;
  try {
    db = new DatabaseSync(file, { readOnly: true });
    const summary = db.prepare('SELECT COUNT(*) AS depth, MIN(occurred_at_ms) AS oldest FROM events').get() as { depth: number; oldest: number | null };
    const dropped: Record<EventKind, number> = { observation: 0, misuse: 0 };
    for (const row of db.prepare('SELECT kind, count FROM dropped').all() as { kind: EventKind; count: number }[]) dropped[row.kind] = Number(row.count);
    return { depth: Number(summary.depth), oldestOccurredAtMs: summary.oldest === null ? null : Number(summary.oldest), dropped };
  } catch (error) {
    throw new InvigilatorError('OUTBOX_DAMAGED', `(${file}: ${(error as Error).message})`, { cause: error });
  } finally {
    db?.close();
  }
};
