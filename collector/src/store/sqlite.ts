// The default Store: one node:sqlite file in WAL mode. Operations are queued one at a
// time so a transaction's awaits can never interleave with another caller's writes.
// The collector's agent writes go through a second connection on a worker thread
// (openSqliteGroupWriter); a write gate keeps the two connections' writes taking turns.
import { DatabaseSync } from 'node:sqlite';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { applyMigrations } from './migrate.ts';
import { createSqliteOps } from './sqlite-ops.ts';
import type { Store, StoreOps } from './types.ts';

const SQLITE_BUSY = 5;
const SQLITE_FULL = 13;
const SQLITE_CANTOPEN = 14;
const BUSY_TIMEOUT_MS = 5000;

/** Turns an engine error into STORE_FAILED with a sentence a network manager can act on. */
export const toStoreError = (error: unknown): InvigilatorError => {
  if (error instanceof InvigilatorError) return error;
  const errcode = (error as { errcode?: number }).errcode;
  // Extended result codes keep the primary code in the low byte.
  const primary = typeof errcode === 'number' ? errcode & 0xff : undefined;
  const detail = primary === SQLITE_FULL
    ? 'The disk holding the database is full: free space there; agents keep their events and send them again.'
    : primary === SQLITE_BUSY
      ? 'The database stayed locked by another program; is a second collector using the same data folder?'
      : primary === SQLITE_CANTOPEN
        ? 'The database file cannot be opened: check the data folder exists and the collector may write to it.'
        : `The database reported: ${(error as Error).message}`;
  return new InvigilatorError('STORE_FAILED', detail, { cause: error });
};

type AsyncMethod = (...args: never[]) => Promise<unknown>;

/** The same operations, each passed through `wrap`. */
const wrapEach = (ops: StoreOps, wrap: <T>(call: () => Promise<T>) => Promise<T>): StoreOps =>
  Object.fromEntries(Object.entries(ops).map(([name, method]: [string, AsyncMethod]) =>
    [name, (...args: never[]) => wrap(() => method(...args))])) as unknown as StoreOps;

const mapErrors = async <T>(call: () => Promise<T>): Promise<T> => {
  try {
    return await call();
  } catch (error) {
    throw toStoreError(error);
  }
};

/** Opens the file with the collector's settings and brings its schema up to date. */
export const openDatabase = (path: string): DatabaseSync => {
  let db: DatabaseSync | undefined;
  try {
    db = new DatabaseSync(path);
    db.exec('PRAGMA journal_mode = WAL');
    // An agent deletes what the collector acknowledged, so a commit must survive a power cut before the
    // ack goes out: NORMAL in WAL mode may lose the last commits, FULL syncs the log at each one.
    db.exec('PRAGMA synchronous = FULL');
    db.exec('PRAGMA foreign_keys = ON');
    // What retention deletes (pupils' names, the files they copied) is zeroed in the file, not left in free space.
    db.exec('PRAGMA secure_delete = ON');
    db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
    applyMigrations(db);
    return db;
  } catch (error) {
    if (db?.isOpen) db.close();
    throw toStoreError(error);
  }
};

/**
 * Another writer of the same file in this process (the agent writer's worker thread): `hold` resolves once it
 * has paused between two of its commits, and its result lets it go on. Without turns, this connection's writes
 * would wait in SQLite's busy handler, which sleeps on the event loop.
 */
export interface WriteGate { hold(): Promise<() => void> }

/** Operations that only read: they never wait for the gate (WAL readers do not block the other writer). */
const READS_ONLY = /^(?:get|list|find|count|highest|pruned|latest|ping|signInLockedUntil)/;

export const openSqliteStore = (path: string, options: { gate?: WriteGate } = {}): Store => {
  const db = openDatabase(path);
  const { gate } = options;

  const txOps = wrapEach(createSqliteOps(db), mapErrors);
  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(call: () => Promise<T>): Promise<T> => {
    const result = queue.then(call);
    queue = result.catch(() => undefined);
    return result;
  };
  // The turn is taken before joining the queue, so reads go on while a write waits for it.
  const gated = async <T>(call: () => Promise<T>): Promise<T> => {
    if (!gate) return exclusive(call);
    const release = await gate.hold();
    try {
      return await exclusive(call);
    } finally {
      release();
    }
  };
  const ops = Object.fromEntries(Object.entries(txOps).map(([name, method]: [string, AsyncMethod]) =>
    [name, (...args: never[]) => (READS_ONLY.test(name) ? exclusive : gated)(() => method(...args))])) as unknown as StoreOps;

  return {
    ...ops,
    // `work` must use only `tx`: the store itself waits for the transaction to end.
    transaction: (work) => gated(async () => {
      await mapErrors(async () => { db.exec('BEGIN IMMEDIATE'); });
      try {
        const result = await work(txOps);
        await mapErrors(async () => { db.exec('COMMIT'); });
        return result;
      } catch (error) {
        if (db.isTransaction) db.exec('ROLLBACK');
        throw error;
      }
    }),
    close: () => exclusive(async () => {
      if (db.isOpen) db.close();
    }),
  };
};

/** What one piece of a group commit came to: its value, or why its savepoint was rolled back. */
export type GroupOutcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

export interface SqliteGroupWriter {
  /**
   * Runs every piece in one transaction, each in its own savepoint: a piece that throws is rolled back alone,
   * the others commit together (one sync of the log for all). Resolves only after the commit; rejects,
   * with nothing kept, when the transaction itself fails.
   */
  commitGroup<T>(pieces: ReadonlyArray<(tx: StoreOps) => Promise<T>>): Promise<GroupOutcome<T>[]>;
  close(): void;
}

/** A second connection for group commits; its caller must run one group at a time. */
export const openSqliteGroupWriter = (path: string): SqliteGroupWriter => {
  const db = openDatabase(path);
  const txOps = wrapEach(createSqliteOps(db), mapErrors);
  return {
    async commitGroup(pieces) {
      const outcomes: GroupOutcome<Awaited<ReturnType<(typeof pieces)[number]>>>[] = [];
      try {
        db.exec('BEGIN IMMEDIATE');
        for (const piece of pieces) {
          db.exec('SAVEPOINT piece');
          try {
            outcomes.push({ ok: true, value: await piece(txOps) });
            db.exec('RELEASE piece');
          } catch (error) {
            db.exec('ROLLBACK TO piece');
            db.exec('RELEASE piece');
            outcomes.push({ ok: false, error });
          }
        }
        db.exec('COMMIT');
        return outcomes;
      } catch (error) {
        if (db.isTransaction) db.exec('ROLLBACK');
        throw toStoreError(error);
      }
    },
    close: () => {
      if (db.isOpen) db.close();
    },
  };
};
