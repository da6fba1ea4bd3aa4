// The PostgreSQL Store, for a trust that runs several collectors on one database. Operations outside a
// transaction take any pooled connection; a transaction is a real one (BEGIN ... COMMIT) on one client.
// Correctness rests on row locks, unique constraints and upserts, never on one statement at a time.
import pg from 'pg';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import type { Logger } from '@invigilator/shared/logger.ts';
import { applyPgMigrations } from './pg-migrate.ts';
import { createPgOps } from './pg-ops.ts';
import { queriesOn } from './pg-queries.ts';
import type { Store, StoreOps } from './types.ts';

const INT8_OID = 20;
const NUMERIC_OID = 1700;
/** Times and counts come back as numbers: every one the collector stores fits a double exactly. */
const TYPES = {
  getTypeParser: ((oid: number, format?: string) => (oid === INT8_OID || oid === NUMERIC_OID
    ? (value: string) => Number(value)
    : pg.types.getTypeParser(oid, format as 'text'))) as typeof pg.types.getTypeParser,
};

/** A deadlock or a serialisation failure: PostgreSQL undid the transaction, which may simply run again. */
const RETRYABLE = new Set(['40P01', '40001']);
const MAX_ATTEMPTS = 4;

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', '57P03']);
const AUTH_REFUSED = new Set(['28P01', '28000']);

const sqlStateOf = (error: unknown): string | undefined => {
  const seen = error instanceof InvigilatorError ? error.cause : error;
  const code = (seen as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
};

/** Where the URL points, without its password: for messages. */
export const describeDatabase = (url: URL): string =>
  `${url.username ? `${decodeURIComponent(url.username)}@` : ''}${url.hostname || 'localhost'}:${url.port || '5432'}${url.pathname}`;

/** Turns a driver or server error into a coded error whose sentence says what to do. */
export const toPgStoreError = (error: unknown, where: string): InvigilatorError => {
  if (error instanceof InvigilatorError) return error;
  const code = sqlStateOf(error) ?? '';
  const message = (error as Error).message;
  if (UNREACHABLE.has(code) || code.startsWith('08') || /timeout expired|Connection terminated/i.test(message)) {
    return new InvigilatorError('DATABASE_UNREACHABLE', `(${where}: ${message})`, { cause: error });
  }
  if (AUTH_REFUSED.has(code)) return new InvigilatorError('DATABASE_AUTH_FAILED', `(${where}: ${message})`, { cause: error });
  if (code === '3D000') return new InvigilatorError('DATABASE_NOT_FOUND', `(${where})`, { cause: error });
  const detail = code === '53100'
    ? 'The disk holding the PostgreSQL database is full: free space there; agents keep their events and send them again.'
    : `The database reported: ${message}`;
  return new InvigilatorError('STORE_FAILED', detail, { cause: error });
};

/** A postgres:// or postgresql:// URL, or DATABASE_URL_INVALID. */
export const parseDatabaseUrl = (text: string): URL => {
  let url: URL;
  try {
    url = new URL(text);
  } catch (error) {
    throw new InvigilatorError('DATABASE_URL_INVALID', '(it is not a URL at all)', { cause: error });
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new InvigilatorError('DATABASE_URL_INVALID', `(it starts "${url.protocol}//")`);
  }
  if (url.pathname.length <= 1) throw new InvigilatorError('DATABASE_URL_INVALID', '(it names no database after the host)');
  return url;
};

type AsyncMethod = (...args: never[]) => Promise<unknown>;

const mappingErrors = (ops: StoreOps, where: string): StoreOps =>
  Object.fromEntries(Object.entries(ops).map(([name, method]: [string, AsyncMethod]) => [name, async (...args: never[]) => {
    try {
      return await method(...args);
    } catch (error) {
      throw toPgStoreError(error, where);
    }
  }])) as unknown as StoreOps;

export interface PgStoreOptions {
  logger?: Logger;
  /** Connections this collector keeps open at most (default 10). */
  poolSize?: number;
}

export const openPostgresStore = async (databaseUrl: string, options: PgStoreOptions = {}): Promise<Store> => {
  const url = parseDatabaseUrl(databaseUrl);
  const where = describeDatabase(url);
  const pool = new pg.Pool({
    connectionString: databaseUrl, types: TYPES, max: options.poolSize ?? 10, connectionTimeoutMillis: 10_000,
    application_name: 'invigilator-collector',
  });
  // An idle connection the server dropped: the pool replaces it; the next query says so if the server is gone.
  pool.on('error', (error) => options.logger?.warn({ code: 'DATABASE_UNREACHABLE', err: error }, 'A database connection was lost.'));
  try {
    await applyPgMigrations(pool);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw toPgStoreError(error, where);
  }

  // Each pooled client's operations, made once: a batch's transaction would otherwise build them all again.
  const opsOf = new WeakMap<pg.PoolClient, StoreOps>();
  const clientOps = (client: pg.PoolClient): StoreOps => {
    let ops = opsOf.get(client);
    if (!ops) opsOf.set(client, ops = mappingErrors(createPgOps(queriesOn(client)), where));
    return ops;
  };

  const transaction: Store['transaction'] = async (work) => {
    for (let attempt = 1; ; attempt += 1) {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        throw toPgStoreError(error, where);
      }
      let broken: Error | undefined;
      let failure: unknown;
      const mapped = async (sql: string): Promise<void> => {
        try {
          await client.query(sql);
        } catch (error) {
          throw toPgStoreError(error, where);
        }
      };
      try {
        await mapped('BEGIN');
        const result = await work(clientOps(client));
        await mapped('COMMIT');
        return result;
      } catch (error) {
        failure = error;
        await client.query('ROLLBACK').catch((rollbackError: Error) => { broken = rollbackError; });
      } finally {
        client.release(broken);
      }
      // The work's own errors go out as they are; the store's were mapped where they happened.
      if (!RETRYABLE.has(sqlStateOf(failure) ?? '') || attempt >= MAX_ATTEMPTS) throw failure;
      // A short, growing, random pause: the transaction that won finishes instead of meeting this one again.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  };

  return {
    ...mappingErrors(createPgOps(queriesOn(pool)), where),
    transaction,
    close: async () => {
      await pool.end();
    },
  };
};
