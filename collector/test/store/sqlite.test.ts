import { DatabaseSync } from 'node:sqlite';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { openDatabase, openSqliteStore, toStoreError } from '../../src/store/sqlite.ts';
import { applyMigrations, readMigrations } from '../../src/store/migrate.ts';
import type { AlertRow, Store, StoredEvent } from '../../src/store/types.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

let temp: ReturnType<typeof makeTempDir>;
let store: Store;
let path: string;

const school = { id: 'north', name: 'North Primary', enrolmentSecretHash: 'ab'.repeat(32), createdAt: 1 };
const device = {
  id: 'dev-1', schoolId: 'north', hostname: 'lab-01', facts: { hostname: 'lab-01' }, credentialHash: 'cd'.repeat(32),
  enrolledAt: 2, lastSeenAt: null, revokedAt: null,
};
const event = (seq: number): StoredEvent => ({
  deviceId: 'dev-1', seq, occurredAt: 1000 + seq, receivedAt: 5000, kind: 'observation', checkName: 'firewall',
  payload: { check: 'firewall', status: 'COLLECTED' },
});
beforeEach(async () => {
  temp = makeTempDir();
  path = join(temp.dir, 'collector.sqlite');
  store = openSqliteStore(path);
  await store.createSchool(school);
  await store.createDevice(device);
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

describe('events', () => {
  it('stores each (device, seq) exactly once and reports the highest seq', async () => {
    expect(await store.highestSeq('dev-1')).toBe(0);
    expect(await store.insertEvent(event(1))).toBe(true);
    expect(await store.insertEvent(event(2))).toBe(true);
    expect(await store.insertEvent({ ...event(2), payload: { changed: true } })).toBe(false);
    const stored = await store.listEvents({ deviceId: 'dev-1', kinds: ['observation'], limit: 10 });
    expect(stored.map((e) => e.seq)).toEqual([2, 1]);
    expect(stored[0]?.payload).toEqual({ check: 'firewall', status: 'COLLECTED' });
    await store.raiseHighestSeq('dev-1', 2);
    await store.raiseHighestSeq('dev-1', 1); // never lowered
    expect(await store.highestSeq('dev-1')).toBe(2);
  });

  it('keeps the highest seq after retention deleted the events behind it', async () => {
    for (const seq of [1, 2, 3]) await store.insertEvent(event(seq));
    await store.raiseHighestSeq('dev-1', 3);
    const school = (await store.getDevice('dev-1'))!.schoolId;
    expect(await store.deleteEventsBefore(school, 'observation', Number.MAX_SAFE_INTEGER)).toBe(3);
    expect(await store.listEvents({ deviceId: 'dev-1', kinds: ['observation'], limit: 10 })).toEqual([]);
    expect(await store.highestSeq('dev-1')).toBe(3);
  });

  it('pages newest first by seq and filters by kind', async () => {
    for (const seq of [1, 2, 3, 4]) await store.insertEvent(event(seq));
    await store.insertEvent({ ...event(5), kind: 'misuse', checkName: null });
    const page = await store.listEvents({ deviceId: 'dev-1', kinds: ['observation'], limit: 2, beforeSeq: 4 });
    expect(page.map((e) => e.seq)).toEqual([3, 2]);
    const misuse = await store.listEvents({ deviceId: 'dev-1', kinds: ['misuse'], limit: 10 });
    expect(misuse.map((e) => e.seq)).toEqual([5]);
  });

  it('rejects an event for an unknown device (foreign keys are on)', async () => {
    await expect(store.insertEvent({ ...event(1), deviceId: 'nobody' })).rejects.toMatchObject({ code: 'STORE_FAILED' });
  });
});

describe('verdicts of many devices', () => {
  const verdict = (deviceId: string, check: string) => ({
    deviceId, check, status: 'pass' as const, reasonCode: 'OK', reason: 'Fine.', clauseId: 'c', clauseText: 'Clause.',
    since: 1, evaluatedAt: 2, seq: 1,
  });

  it('returns each asked device\'s latest verdicts by check, [] for a device without any, in one call', async () => {
    await store.createDevice({ ...device, id: 'dev-2', hostname: 'lab-02' });
    await store.createDevice({ ...device, id: 'dev-3', hostname: 'lab-03' });
    await store.putVerdict(verdict('dev-1', 'firewall'));
    await store.putVerdict(verdict('dev-1', 'encryption'));
    await store.putVerdict(verdict('dev-2', 'antivirus'));
    await store.putVerdict(verdict('dev-3', 'antivirus')); // not asked for

    const verdicts = await store.listVerdictsOfDevices(['dev-1', 'dev-2', 'no-such-device']);
    expect([...verdicts.keys()]).toEqual(['dev-1', 'dev-2', 'no-such-device']);
    expect(verdicts.get('dev-1')).toEqual(await store.listVerdicts('dev-1'));
    expect(verdicts.get('dev-1')?.map((v) => v.check)).toEqual(['encryption', 'firewall']);
    expect(verdicts.get('dev-2')).toEqual([verdict('dev-2', 'antivirus')]);
    expect(verdicts.get('no-such-device')).toEqual([]);
    expect((await store.listVerdictsOfDevices([])).size).toBe(0);
  });
});

describe('transactions', () => {
  it('rolls back every write when the work throws', async () => {
    await expect(store.transaction(async (tx) => {
      await tx.insertEvent(event(1));
      throw new Error('evaluation broke');
    })).rejects.toThrow('evaluation broke');
    expect(await store.highestSeq('dev-1')).toBe(0);
  });

  it('keeps a concurrent write out of another caller\'s transaction', async () => {
    let outside: Promise<void> | undefined;
    await expect(store.transaction(async (tx) => {
      outside = store.markDeviceSeen('dev-1', 777); // waits for the transaction, so the rollback spares it
      await tx.insertEvent(event(1));
      await new Promise((resolve) => setTimeout(resolve, 10));
      throw new Error('abort');
    })).rejects.toThrow('abort');
    await outside;
    expect((await store.getDevice('dev-1'))?.lastSeenAt).toBe(777);
    expect(await store.highestSeq('dev-1')).toBe(0);
  });

  it('keeps concurrent transactions apart: the one that fails is undone alone', async () => {
    const results = await Promise.allSettled([1, 2, 3, 4].map((seq) => store.transaction(async (tx) => {
      await tx.insertEvent(event(seq));
      if (seq === 3) throw new Error('batch 3 broke');
      return seq;
    })));
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(results.filter((result) => result.status === 'fulfilled').map((result) => result.value)).toEqual([1, 2, 4]);
    const stored = await store.listEvents({ deviceId: 'dev-1', kinds: ['observation', 'misuse'], limit: 10 });
    expect(stored.map((e) => e.seq).sort()).toEqual([1, 2, 4]);
  });
});

describe('alerts (storage only: the lifecycle decides, see alerts/lifecycle.test.ts)', () => {
  const row = (id: string, fields: Partial<AlertRow> = {}): AlertRow => ({
    id, schoolId: 'north', deviceId: 'dev-1', category: 'posture', severity: 'warning', severityRank: 2,
    dedupKey: 'posture:dev-1:firewall', status: 'open', title: 'Firewall off', summary: 's', check: 'firewall',
    clauseId: 'fw-1', clauseText: 'Firewalls on.', detail: { at: 1 }, occurrences: 1, openedAt: 100, lastSeenAt: 100,
    acknowledgedAt: null, acknowledgedBy: null, resolvedAt: null, resolvedBy: null, escalatedAt: null,
    firstEvent: { at: 100, summary: 's', detail: {} }, lastEvent: null, ...fields,
  });

  it('keeps one unresolved alert per dedup key, even when two writers race', async () => {
    const results = await Promise.all([store.insertAlert(row('a')), store.insertAlert(row('b'))]);
    expect(results.sort()).toEqual([false, true]);
    expect((await store.findUnresolvedAlert('north', 'posture:dev-1:firewall'))?.firstEvent).toEqual({ at: 100, summary: 's', detail: {} });
    // A resolved one does not block the next.
    await store.updateAlert((await store.findUnresolvedAlert('north', 'posture:dev-1:firewall'))!.id, 'unresolved', { status: 'resolved', resolvedAt: 5 });
    expect(await store.insertAlert(row('c', { openedAt: 200 }))).toBe(true);
    expect((await store.findLatestAlert('north', 'posture:dev-1:firewall'))?.id).toBe('c');
  });

  it('updates only when the status is still the one expected (compare and set)', async () => {
    await store.insertAlert(row('a'));
    expect(await store.updateAlert('a', 'acknowledged', { status: 'resolved' })).toBe(false);
    expect(await store.updateAlert('a', 'open', { status: 'acknowledged', acknowledgedBy: 'x' })).toBe(true);
    expect(await store.updateAlert('a', 'open', { status: 'acknowledged', acknowledgedBy: 'y' })).toBe(false);
    expect(await store.getAlert('a')).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'x' });
  });

  it('lists by severity, then newest activity, pages by cursor and filters by device, severity, category and status', async () => {
    await store.createDevice({ ...device, id: 'dev-2' });
    await store.insertAlert(row('w-old', { dedupKey: 'k1', lastSeenAt: 100 }));
    await store.insertAlert(row('w-new', { dedupKey: 'k2', lastSeenAt: 300 }));
    await store.insertAlert(row('crit', { dedupKey: 'k3', severity: 'critical', severityRank: 3, lastSeenAt: 50, deviceId: 'dev-2' }));
    await store.insertAlert(row('misuse', { dedupKey: 'k4', category: 'misuse', lastSeenAt: 400 }));
    const all = await store.listAlerts({ categories: ['posture', 'misuse'], limit: 10 });
    expect(all.map((a) => a.id)).toEqual(['crit', 'misuse', 'w-new', 'w-old']);
    const first = await store.listAlerts({ categories: ['posture', 'misuse'], limit: 2 });
    const last = first.at(-1)!;
    const second = await store.listAlerts({ categories: ['posture', 'misuse'], limit: 2, after: { severityRank: last.severityRank, lastSeenAt: last.lastSeenAt, id: last.id } });
    expect([...first, ...second].map((a) => a.id)).toEqual(all.map((a) => a.id));
    expect((await store.listAlerts({ categories: ['posture'], deviceId: 'dev-2', limit: 10 })).map((a) => a.id)).toEqual(['crit']);
    expect((await store.listAlerts({ categories: ['posture', 'misuse'], severities: ['warning'], limit: 10 })).map((a) => a.id)).toEqual(['misuse', 'w-new', 'w-old']);
    expect(await store.listAlerts({ categories: ['posture'], statuses: ['resolved'], limit: 10 })).toEqual([]);
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
