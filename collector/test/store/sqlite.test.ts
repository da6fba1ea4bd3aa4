import { DatabaseSync } from 'node:sqlite';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { openDatabase, openSqliteStore, toStoreError } from '../../src/store/sqlite.ts';
import { applyMigrations, readMigrations } from '../../src/store/migrate.ts';
import type { AlertInput, Store, StoredEvent } from '../../src/store/types.ts';
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
const alertInput = (at: number): AlertInput => ({
  schoolId: 'north', deviceId: 'dev-1', category: 'posture', severity: 'high', dedupKey: 'posture:dev-1:firewall',
  title: 'Firewall off', summary: `seen at ${at}`, check: 'firewall', clauseId: 'fw-1', clauseText: 'Firewalls on.',
  detail: { at }, at,
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

describe('alerts', () => {
  it('counts a repeat on the unresolved alert with the same dedup key instead of a second row', async () => {
    const first = await store.upsertAlert(alertInput(100));
    const again = await store.upsertAlert(alertInput(200));
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    const alert = await store.getAlert(first.id);
    expect(alert).toMatchObject({ occurrences: 2, openedAt: 100, lastSeenAt: 200, status: 'open' });
  });

  it('keeps counting on an acknowledged alert and opens a new one after resolution', async () => {
    const first = await store.upsertAlert(alertInput(100));
    await store.acknowledgeAlert(first.id, 150, 'technician:lab');
    expect((await store.upsertAlert(alertInput(200))).id).toBe(first.id);
    expect(await store.resolveAlertByDedupKey('north', 'posture:dev-1:firewall', 300, 'collector')).toBe(true);
    const next = await store.upsertAlert(alertInput(400));
    expect(next.created).toBe(true);
    expect(next.id).not.toBe(first.id);
    expect(await store.getAlert(first.id)).toMatchObject({
      status: 'resolved', acknowledgedBy: 'technician:lab', resolvedBy: 'collector', occurrences: 2,
    });
    expect(await store.countUnresolvedAlertsByCategory()).toEqual({ posture: 1, misuse: 0, availability: 0 });
  });

  describe('a repeat that is worse than what was acknowledged', () => {
    // The same dedup key covers the anti-virus check whatever is wrong with it.
    const stale: AlertInput = {
      ...alertInput(100), dedupKey: 'posture:dev-1:antivirus', check: 'antivirus', severity: 'warning',
      title: 'Anti-virus signatures stale on lab-01', clauseId: 'av-1', clauseText: 'Definitions up to date.',
    };
    const switchedOff: AlertInput = {
      ...stale, severity: 'critical', title: 'Anti-virus switched off on lab-01', summary: 'The anti-virus is off.',
      clauseId: 'av-2', clauseText: 'Anti-virus always on.', at: 200,
    };

    it.each([
      ['a more severe repeat reopens it', stale, switchedOff,
        { status: 'open', acknowledgedAt: null, acknowledgedBy: null, severity: 'critical', title: switchedOff.title }],
      ['a repeat as severe keeps the acknowledgement', stale, { ...stale, at: 200 },
        { status: 'acknowledged', acknowledgedAt: 150, acknowledgedBy: 'technician:lab', severity: 'warning' }],
      ['a less severe repeat keeps the acknowledgement and shows the lesser severity', switchedOff, { ...stale, at: 200 },
        { status: 'acknowledged', acknowledgedAt: 150, severity: 'warning', title: stale.title, clauseId: 'av-1' }],
    ] as const)('%s', async (_case, first, repeat, expected) => {
      const { id } = await store.upsertAlert(first);
      await store.acknowledgeAlert(id, 150, 'technician:lab');
      expect(await store.upsertAlert(repeat)).toEqual({ id, created: false });
      expect(await store.getAlert(id)).toMatchObject({
        occurrences: 2, lastSeenAt: 200, summary: repeat.summary, clauseId: repeat.clauseId, clauseText: repeat.clauseText,
        ...expected,
      });
    });

    it('takes the new title, severity and clause on an open alert too', async () => {
      const { id } = await store.upsertAlert(stale);
      await store.upsertAlert(switchedOff);
      expect(await store.getAlert(id)).toMatchObject({
        status: 'open', severity: 'critical', title: switchedOff.title, clauseId: 'av-2', clauseText: 'Anti-virus always on.',
      });
    });
  });

  it('lists only the asked categories and statuses', async () => {
    await store.upsertAlert(alertInput(100));
    await store.upsertAlert({ ...alertInput(100), category: 'misuse', dedupKey: 'misuse:1' });
    const misuse = await store.listAlerts({ categories: ['misuse'], limit: 10 });
    expect(misuse.map((a) => a.dedupKey)).toEqual(['misuse:1']);
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
