// The store contract suite runs every test on each engine: SQLite (a file in a temporary folder) and
// PostgreSQL (the machine's server at 127.0.0.1:5432). Each test file makes its own database with a
// random name and drops it afterwards; each test starts from empty tables.
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe } from 'vitest';
import { openPostgresStore } from '../../../src/store/pg.ts';
import { openSqliteStore } from '../../../src/store/sqlite.ts';
import type { Store } from '../../../src/store/types.ts';
import { addSchoolWithDevice } from '../../helpers/store-rows.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';
import { makePgDatabase, type PgDatabase } from '../../../../test/support/postgres.ts';

export const ENGINES = ['sqlite', 'postgres'] as const;
export type EngineName = (typeof ENGINES)[number];

/** Every row gone, the schema kept. DELETE with foreign-key triggers off (the test server's superuser may): TRUNCATE costs seconds. */
const emptyPgTables = async (url: string): Promise<void> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(`SELECT quote_ident(tablename) AS name FROM pg_tables
      WHERE schemaname = 'public' AND tablename <> 'schema_migrations'`);
    await client.query(`BEGIN; SET LOCAL session_replication_role = replica;
      ${rows.map((row) => `DELETE FROM ${row.name};`).join(' ')} COMMIT`);
  } finally {
    await client.end();
  }
};

export interface EngineUnderTest {
  name: EngineName;
  /** This test's store: empty but for the schools asked for (each with one device, `<school>-dev`). */
  store(): Store;
  /** Another store on the same database, as a second collector would open it (its own connections). */
  openAnother(): Promise<Store>;
  /** The PostgreSQL URL or the SQLite file of this test's database. */
  location(): string;
}

/**
 * Declares the body's tests once per engine (describe "<title> on sqlite" / "on postgres").
 * `schools` are made before each test, each with one device.
 */
export const describeEachEngine = (title: string, schools: readonly string[], body: (engine: EngineUnderTest) => void): void => {
  describe.each(ENGINES)(`${title} on %s`, (name) => {
    let database: PgDatabase | undefined;
    let temp: ReturnType<typeof makeTempDir> | undefined;
    let location = '';
    const stores: Store[] = [];
    const open = async (): Promise<Store> => {
      const store = name === 'sqlite' ? openSqliteStore(location) : await openPostgresStore(location);
      stores.push(store);
      return store;
    };

    beforeAll(async () => {
      if (name === 'postgres') database = await makePgDatabase();
    });
    afterAll(async () => {
      await database?.drop();
    });
    beforeEach(async () => {
      if (name === 'sqlite') {
        temp = makeTempDir();
        location = join(temp.dir, 'collector.sqlite');
      } else {
        location = database!.url;
      }
      const store = await open();
      if (name === 'postgres') await emptyPgTables(location);
      for (const schoolId of schools) await addSchoolWithDevice(store, schoolId);
    });
    afterEach(async () => {
      for (const store of stores.splice(0)) await store.close();
      temp?.remove();
      temp = undefined;
    });

    body({
      name,
      store: () => {
        const first = stores[0];
        if (!first) throw new Error('the store exists only inside a test');
        return first;
      },
      openAnother: open,
      location: () => location,
    });
  });
};
