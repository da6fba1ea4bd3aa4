// PostgreSQL's own numbered migrations (pg-migrations/NNN-name.sql), recorded in schema_migrations. Each is
// applied in one transaction under an advisory lock, so collectors starting together apply it once.
import { join } from 'node:path';
import type { Pool } from 'pg';
import { readMigrations, type Migration } from './migrate.ts';

export const PG_MIGRATIONS_DIR = join(import.meta.dirname, 'pg-migrations');
/** Any fixed number: every collector on the database takes the same lock while it migrates. */
const MIGRATION_LOCK = 0x1a7e_5701;

/** Applies every migration not yet recorded; returns the names applied now. */
export const applyPgMigrations = async (pool: Pool, migrations: Migration[] = readMigrations(PG_MIGRATIONS_DIR)): Promise<string[]> => {
  const client = await pool.connect();
  const appliedNow: string[] = [];
  try {
    for (const migration of migrations) {
      await client.query('BEGIN');
      try {
        await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
        await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
          version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)`);
        const done = await client.query('SELECT 1 FROM schema_migrations WHERE version = $1', [migration.version]);
        if (done.rowCount === 0) {
          await client.query(migration.sql);
          await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)',
            [migration.version, migration.name, Date.now()]);
          appliedNow.push(migration.name);
        }
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
  } finally {
    client.release();
  }
  return appliedNow;
};
