// What only SQLite has: its migration runner, its durability settings and its disk-full sentence (the
// contract every engine keeps is tested in contract/).
import { DatabaseSync } from 'node:sqlite';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { openDatabase, openSqliteStore, toStoreError } from '../../src/store/sqlite.ts';
import { applyMigrations, readMigrations } from '../../src/store/migrate.ts';
import type { Store } from '../../src/store/types.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

let temp: ReturnType<typeof makeTempDir>;
let store: Store;
let path: string;

beforeEach(async () => {
  temp = makeTempDir();
  path = join(temp.dir, 'collector.sqlite');
  store = openSqliteStore(path);
});
afterEach(async () => {
  await store.close();
  temp.remove();
});

describe('migrations', () => {
  it('applies every numbered migration once, in order, and records each', async () => {
    await store.close();
    store = openSqliteStore(path); // a second open applies nothing new
    const db = new DatabaseSync(path);
    const rows = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
    const journal = db.prepare('PRAGMA journal_mode').get();
    db.close();
    expect(rows.map((row) => row.name)).toEqual(readMigrations().map((m) => m.name));
    expect(rows.length).toBeGreaterThan(0);
    expect(journal?.journal_mode).toBe('wal');
  });
});

describe('durability', () => {
  it('syncs every commit to disk (synchronous FULL): an acknowledged batch must survive a power cut', () => {
    const db = openDatabase(path);
    const synchronous = db.prepare('PRAGMA synchronous').get();
    const journal = db.prepare('PRAGMA journal_mode').get();
    db.close();
    expect(synchronous?.synchronous).toBe(2); // 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA
    expect(journal?.journal_mode).toBe('wal');
  });
});

describe('migration runner', () => {
  it('applies numbered files in numeric order, records each, and skips recorded ones', () => {
    const dir = join(temp.dir, 'migrations');
    mkdirSync(dir);
    writeFileSync(join(dir, '002-add-note.sql'), 'ALTER TABLE things ADD COLUMN note TEXT;');
    writeFileSync(join(dir, '001-things.sql'), 'CREATE TABLE things (id INTEGER PRIMARY KEY);');
    writeFileSync(join(dir, 'README.md'), 'not a migration');
    const db = new DatabaseSync(':memory:');
    expect(applyMigrations(db, readMigrations(dir))).toEqual(['001-things.sql', '002-add-note.sql']);
    expect(applyMigrations(db, readMigrations(dir))).toEqual([]);
    db.prepare('INSERT INTO things (id, note) VALUES (1, ?)').run('ok');
    db.close();
  });

  it('leaves nothing of a migration that fails part-way', () => {
    const dir = join(temp.dir, 'broken');
    mkdirSync(dir);
    writeFileSync(join(dir, '001-half.sql'), 'CREATE TABLE half (id INTEGER); INSERT INTO nowhere VALUES (1);');
    const db = new DatabaseSync(':memory:');
    expect(() => applyMigrations(db, readMigrations(dir))).toThrow();
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").all();
    const recorded = db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get();
    db.close();
    expect(tables).toEqual([]);
    expect(recorded?.n).toBe(0);
  });
});

describe('a full disk', () => {
  it('surfaces as STORE_FAILED with a sentence about free space', () => {
    // A page limit makes SQLite answer SQLITE_FULL exactly as a full disk does.
    const db = new DatabaseSync(':memory:');
    db.exec('CREATE TABLE t (x TEXT)');
    db.exec('PRAGMA max_page_count = 3');
    let engineError: unknown;
    try {
      db.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(64 * 1024));
    } catch (error) {
      engineError = error;
    }
    db.close();
    expect((engineError as { errcode: number }).errcode).toBe(13);
    const mapped = toStoreError(engineError);
    expect(mapped).toBeInstanceOf(InvigilatorError);
    expect(mapped.code).toBe('STORE_FAILED');
    expect(mapped.message).toMatch(/disk holding the database is full/);
  });
});
