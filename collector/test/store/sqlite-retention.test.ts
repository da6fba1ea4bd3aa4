// SQLite's own side of retention: each delete reaches its rows through an index, and an upgraded database
// gains them (what retention deletes, on every engine, is tested in contract/events.test.ts).
import { readFileSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyMigrations, readMigrations } from '../../src/store/migrate.ts';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import { RETENTION_DELETES } from '../../src/store/sqlite-ops.ts';
import type { Store } from '../../src/store/types.ts';
import { addSchoolWithDevice } from '../helpers/store-rows.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

let temp: ReturnType<typeof makeTempDir>;
let store: Store;
let path: string;

beforeEach(async () => {
  temp = makeTempDir();
  path = join(temp.dir, 'collector.sqlite');
  store = openSqliteStore(path);
  await addSchoolWithDevice(store, 'north');
  await addSchoolWithDevice(store, 'south');
});
afterEach(async () => {
  await store.close();
  temp.remove();
});

describe('retention indexes', () => {
  // Without an index each nightly delete reads every row of the table while holding the write lock.
  it.each([
    ['events', RETENTION_DELETES.events, 'events_device_kind_received'],
    ['audit', RETENTION_DELETES.audit, 'audit_log_school_age'],
    ['resolvedAlerts', RETENTION_DELETES.resolvedAlerts, 'alerts_school_status'],
    ['safeguardingViews', RETENTION_DELETES.safeguardingViews, 'safeguarding_views_school'],
  ])('the %s delete reaches its rows through an index', (_name, sql, index) => {
    const db = new DatabaseSync(path);
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all().map((row) => String(row.detail));
    db.close();
    expect(plan.join('\n')).toContain(`USING INDEX ${index}`);
  });
});

describe('an existing database', () => {
  it('gains the received-time index for events and loses the unused device-time one when the collector is upgraded', async () => {
    const upgraded = join(temp.dir, 'upgraded.sqlite');
    const before = new DatabaseSync(upgraded);
    applyMigrations(before, readMigrations().filter((migration) => migration.version <= 3));
    before.close();

    const reopened = openSqliteStore(upgraded);
    await reopened.close();
    const db = new DatabaseSync(upgraded);
    const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events'").all();
    db.close();
    // The termly reports' index (one device's check by its own time) comes with migration 013.
    expect(indexes.map((row) => row.name).sort()).toEqual(['events_device_check_time', 'events_device_kind_received']);
  });
});

describe('what retention deletes', () => {
  it('is gone from the database file, not left in its free space', async () => {
    const pupil = 'pupil-name-that-must-go';
    // Opened again, as a collector restarts on a database already up to date: no migration runs this time.
    await store.close();
    store = openSqliteStore(path);
    for (let seq = 1; seq <= 200; seq += 1) {
      await store.insertEvent({
        deviceId: 'north-dev', seq, occurredAt: 1000 + seq, receivedAt: 1000 + seq, kind: 'misuse', checkName: null,
        payload: { kind: 'FILE_WRITTEN', user: pupil, file: { name: `coursework-${seq}.docx` } },
      });
    }
    expect(await store.deleteEventsBefore('north', 'misuse', 10_000)).toBe(200);
    await store.close();
    // Closing checkpoints the write-ahead log into the file.
    const bytes = readFileSync(path);
    expect(bytes.includes(pupil)).toBe(false);
    expect(bytes.includes('coursework-')).toBe(false);
    store = openSqliteStore(path);
  });
});
