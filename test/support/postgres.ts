// Databases on the machine's PostgreSQL (127.0.0.1:5432, trust auth) for tests and the bench: each made
// with a random name and dropped afterwards, whoever is still connected to it.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The server tests make their databases on; INVIGILATOR_TEST_PG_URL names another. */
export const PG_SERVER_URL = process.env.INVIGILATOR_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const onServer = async (sql: string): Promise<void> => {
  const client = new pg.Client({ connectionString: PG_SERVER_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
};

export interface PgDatabase { url: string; drop(): Promise<void> }

export const makePgDatabase = async (prefix = 'invigilator_test'): Promise<PgDatabase> => {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await onServer(`CREATE DATABASE ${name}`);
  const url = new URL(PG_SERVER_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
};
