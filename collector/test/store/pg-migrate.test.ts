// PostgreSQL's own migrations: each applied once and recorded, whoever opens the database first, even
// three collectors starting at the same moment; a migration that fails leaves nothing of itself.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readMigrations } from '../../src/store/migrate.ts';
import { applyPgMigrations, PG_MIGRATIONS_DIR } from '../../src/store/pg-migrate.ts';
import { openPostgresStore } from '../../src/store/pg.ts';
import { makePgDatabase, type PgDatabase } from '../../../test/support/postgres.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

let database: PgDatabase | undefined;
let temp: ReturnType<typeof makeTempDir> | undefined;
beforeEach(async () => {
  temp = makeTempDir();
  database = await makePgDatabase('invigilator_migrate');
});
afterEach(async () => {
  await database?.drop();
  temp?.remove();
});

const rows = async (sql: string): Promise<Record<string, unknown>[]> => {
  const client = new pg.Client({ connectionString: database!.url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
};

describe('PostgreSQL migrations', () => {
  it('are applied once each, in order, even when three collectors open the database at once', async () => {
    const stores = await Promise.all([1, 2, 3].map(() => openPostgresStore(database!.url)));
    for (const store of stores) await store.close();
    const recorded = await rows('SELECT version, name FROM schema_migrations ORDER BY version');
    expect(recorded).toEqual(readMigrations(PG_MIGRATIONS_DIR).map(({ version, name }) => ({ version, name })));
    expect(recorded.length).toBeGreaterThan(1);
  });

  it('leave nothing of a migration that fails part-way, and apply it once it is fixed', async () => {
    const dir = temp!.dir;
    writeFileSync(join(dir, '001-things.sql'), 'CREATE TABLE things (id INTEGER PRIMARY KEY);');
    writeFileSync(join(dir, '002-half.sql'), 'CREATE TABLE half (id INTEGER); INSERT INTO nowhere VALUES (1);');
    const pool = new pg.Pool({ connectionString: database!.url });
    try {
      await expect(applyPgMigrations(pool, readMigrations(dir))).rejects.toThrow(/nowhere/);
      expect(await rows(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`))
        .toEqual([{ tablename: 'schema_migrations' }, { tablename: 'things' }]);
      writeFileSync(join(dir, '002-half.sql'), 'CREATE TABLE half (id INTEGER);');
      expect(await applyPgMigrations(pool, readMigrations(dir))).toEqual(['002-half.sql']);
      expect(await applyPgMigrations(pool, readMigrations(dir))).toEqual([]);
    } finally {
      await pool.end();
    }
  });
});
