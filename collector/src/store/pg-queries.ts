// Queries on a PostgreSQL pool or one client of it, each SQL text a named prepared statement (the
// server plans it once per connection), and rows shaped as the contract's camelCase objects.
import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';

export type PgRow = Record<string, unknown>;
export type PgParam = string | number | boolean | null | readonly (string | null)[] | readonly number[];

export interface PgQueries {
  one(sql: string, ...params: PgParam[]): Promise<PgRow | undefined>;
  all(sql: string, ...params: PgParam[]): Promise<PgRow[]>;
  /** Runs a write; returns how many rows it changed. */
  run(sql: string, ...params: PgParam[]): Promise<number>;
}

const names = new Map<string, string>();
const statementName = (sql: string): string => {
  let name = names.get(sql);
  if (!name) {
    name = `inv_${createHash('sha256').update(sql).digest('hex').slice(0, 24)}`;
    names.set(sql, name);
  }
  return name;
};

export const queriesOn = (target: Pool | PoolClient): PgQueries => {
  const query = (sql: string, params: PgParam[]) => target.query<PgRow>({ name: statementName(sql), text: sql, values: params as unknown[] });
  return {
    one: async (sql, ...params) => (await query(sql, params)).rows[0],
    all: async (sql, ...params) => (await query(sql, params)).rows,
    run: async (sql, ...params) => (await query(sql, params)).rowCount ?? 0,
  };
};

const camel = (column: string): string => column.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());

/**
 * A select list naming each column by its field: "id school_id check_name=check" gives
 * `id AS "id", school_id AS "schoolId", check_name AS "check"`, each behind `prefix` when given.
 */
export const selectList = (columns: string, prefix = ''): string => columns.trim().split(/\s+/)
  .map((spec) => {
    const [column = '', field = camel(column)] = spec.split('=');
    return `${prefix}${column} AS "${field}"`;
  }).join(', ');
