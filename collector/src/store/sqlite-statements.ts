// Prepared statements on one node:sqlite connection, each SQL text prepared once (preparing costs
// more than running on the ingest path). Every area's operations share one of these.
import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';

export type Row = Record<string, SQLInputValue>;

export interface Statements {
  one(sql: string, ...params: SQLInputValue[]): Row | undefined;
  all(sql: string, ...params: SQLInputValue[]): Row[];
  /** Runs a write; returns how many rows it changed. */
  run(sql: string, ...params: SQLInputValue[]): number;
}

export const statementsOf = (db: DatabaseSync): Statements => {
  const statements = new Map<string, StatementSync>();
  const prepared = (sql: string): StatementSync => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  return {
    one: (sql, ...params) => prepared(sql).get(...params) as Row | undefined,
    all: (sql, ...params) => prepared(sql).all(...params) as Row[],
    run: (sql, ...params) => Number(prepared(sql).run(...params).changes),
  };
};
