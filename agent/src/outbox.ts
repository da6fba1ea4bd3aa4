// Every event is written here, with its sequence number, before anything is sent,
// and leaves only when the collector acknowledges it. WAL + synchronous=FULL so a
// kill -9 or a power cut loses nothing that append() returned a seq for.
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { ERRORS, InvigilatorError } from '@invigilator/shared/errors.ts';
import type { Logger } from '@invigilator/shared/logger.ts';
import { MAX_FRAME_BYTES, v1, type MisuseEvent, type Observation } from '@invigilator/shared/wire.ts';

export const DEFAULT_OUTBOX_MAX_BYTES = 64 * 1024 * 1024;
/** Events kept in memory while the disk is full; beyond this the oldest routine ones go. */
export const DEFAULT_PENDING_LIMIT = 1000;
const PENDING_RETRY_MS = 5_000;
/** Room left in a frame for the batch wrapper around one event. */
const MAX_EVENT_BYTES = MAX_FRAME_BYTES / 2 - 64;

export type EventKind = 'observation' | 'misuse';

export type OutboxInput =
  | { occurredAtMs: number; observation: Observation; misuse?: undefined }
  | { occurredAtMs: number; misuse: MisuseEvent; observation?: undefined };

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
  /** Events held in memory because the disk was full. */
  pendingInMemory: number;
}

export interface OutboxOptions {
  file: string;
  logger: Logger;
  maxBytes?: number;
  pendingLimit?: number;
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
`;

const isDiskFull = (error: unknown): boolean => {
  const failure = error as { errcode?: number; code?: string; message?: string };
  // SQLITE_FULL is 13; (errcode & 0xff) also covers its extended codes.
  return (typeof failure.errcode === 'number' && (failure.errcode & 0xff) === 13)
    || failure.code === 'ENOSPC' || /disk is full|ENOSPC/i.test(failure.message ?? '');
};

const kindOf = (input: OutboxInput): EventKind => (input.misuse ? 'misuse' : 'observation');

export class Outbox {
  readonly #db: DatabaseSync;
  readonly #logger: Logger;
  readonly #maxBytes: number;
  readonly #pendingLimit: number;
  readonly #onAppend: (() => void) | undefined;
  readonly #pending: OutboxInput[] = [];
  readonly #statements: Record<'nextSeq' | 'insert' | 'peek' | 'bytesUpTo' | 'ack' | 'oldestOfKind' | 'deleteOfKindUpTo' | 'countDrop', StatementSync>;
  #bytes: number;
  #retryTimer: NodeJS.Timeout | undefined;
  #closed = false;
  #diskFull = false;

  constructor(options: OutboxOptions) {
    this.#logger = options.logger;
    this.#maxBytes = options.maxBytes ?? DEFAULT_OUTBOX_MAX_BYTES;
    this.#pendingLimit = options.pendingLimit ?? DEFAULT_PENDING_LIMIT;
    this.#onAppend = options.onAppend;
    this.#db = new DatabaseSync(options.file);
    this.#db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;');
    this.#db.exec(SCHEMA);
    this.#statements = {
      nextSeq: this.#db.prepare(`SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'events'), 0) + 1 AS next`),
      insert: this.#db.prepare('INSERT INTO events (seq, kind, occurred_at_ms, bytes) VALUES (?, ?, ?, ?)'),
      peek: this.#db.prepare('SELECT seq, bytes FROM events ORDER BY seq LIMIT ?'),
      bytesUpTo: this.#db.prepare('SELECT COALESCE(SUM(length(bytes)), 0) AS total FROM events WHERE seq <= ?'),
      ack: this.#db.prepare('DELETE FROM events WHERE seq <= ?'),
      oldestOfKind: this.#db.prepare('SELECT seq, length(bytes) AS size FROM events WHERE kind = ? ORDER BY seq'),
      deleteOfKindUpTo: this.#db.prepare('DELETE FROM events WHERE kind = ? AND seq <= ?'),
      countDrop: this.#db.prepare('INSERT INTO dropped (kind, count) VALUES (?, ?) ON CONFLICT (kind) DO UPDATE SET count = count + excluded.count'),
    };
    this.#bytes = Number((this.#db.prepare('SELECT COALESCE(SUM(length(bytes)), 0) AS total FROM events').get() as { total: number }).total);
  }

  /**
   * Stores the event and returns its sequence number. Returns null when the event
   * could not be written now (disk full: it waits in memory and is retried) or can
   * never be sent (larger than a frame: logged and counted as dropped).
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
    const freed = Number((this.#statements.bytesUpTo.get(seq) as { total: number }).total);
    this.#statements.ack.run(seq);
    this.#bytes -= freed;
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
      this.#logger.error({ code: 'DISK_FULL', lost: this.#pending.length }, `${ERRORS.DISK_FULL} ${this.#pending.length} event(s) held in memory are lost at shutdown.`);
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
      const bytes = v1.Event.encode({ seq, occurredAtMs: input.occurredAtMs, observation: input.observation, misuse: input.misuse }).finish();
      if (bytes.length > MAX_EVENT_BYTES) {
        this.#db.exec('ROLLBACK');
        this.#logger.error({ code: 'FRAME_TOO_LARGE', kind, bytes: bytes.length }, `${ERRORS.FRAME_TOO_LARGE} An event of ${bytes.length} bytes can never be sent and was discarded.`);
        this.#countDrop(kind, 1);
        return null;
      }
      this.#statements.insert.run(seq, kind, input.occurredAtMs, bytes);
      this.#db.exec('COMMIT');
      this.#bytes += bytes.length;
    } catch (error) {
      this.#rollbackQuietly();
      if (!isDiskFull(error)) throw error;
      if (!this.#diskFull) {
        this.#logger.error({ code: 'DISK_FULL', kind, err: error }, `${ERRORS.DISK_FULL} New events are kept in memory and written when space is free.`);
      }
      this.#diskFull = true;
      this.#keepInMemory(input);
      return null;
    }
    if (this.#diskFull) {
      this.#diskFull = false;
      this.#logger.info({ pendingInMemory: this.#pending.length }, 'Disk space is available again; events held in memory are being written to the outbox.');
    }
    this.#enforceLimit();
    this.#onAppend?.();
    return seq;
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
      const routine = this.#pending.findIndex((event) => !event.misuse);
      const [lost] = this.#pending.splice(routine >= 0 ? routine : 0, 1);
      const kind = kindOf(lost as OutboxInput);
      this.#logger[kind === 'misuse' ? 'error' : 'warn']({ code: 'DISK_FULL', kind }, `${ERRORS.DISK_FULL} The in-memory queue is full; the oldest ${kind} event was discarded.`);
      this.#countDropQuietly(kind);
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

  #countDrop(kind: EventKind, count: number): void {
    this.#statements.countDrop.run(kind, count);
  }

  #countDropQuietly(kind: EventKind): void {
    try {
      this.#countDrop(kind, 1);
    } catch {
      // The disk is full: the drop is still in the log line just written.
    }
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
export const readOutboxSnapshot = (file: string): OutboxSnapshot | null => {
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(file, { readOnly: true });
  } catch {
    return null;
  }
  try {
    const summary = db.prepare('SELECT COUNT(*) AS depth, MIN(occurred_at_ms) AS oldest FROM events').get() as { depth: number; oldest: number | null };
    const dropped: Record<EventKind, number> = { observation: 0, misuse: 0 };
    for (const row of db.prepare('SELECT kind, count FROM dropped').all() as { kind: EventKind; count: number }[]) dropped[row.kind] = Number(row.count);
    return { depth: Number(summary.depth), oldestOccurredAtMs: summary.oldest === null ? null : Number(summary.oldest), dropped };
  } catch {
    return null;
  } finally {
    db.close();
  }
};
