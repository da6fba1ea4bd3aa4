import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyMigrations, readMigrations } from '../../src/store/migrate.ts';
import { acknowledgeAlert } from '../../src/alerts/lifecycle.ts';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import { RETENTION_DELETES } from '../../src/store/sqlite-ops.ts';
import type { Store } from '../../src/store/types.ts';
import {
  addAlert, addAudit, addEvent, addSchoolWithDevice, addVerdict, alertKeys, auditTargets, eventSeqs,
} from '../helpers/store-rows.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const CUTOFF = 10_000;
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

describe('deleteEventsBefore', () => {
  it('deletes only the school\'s events of that kind received before the cutoff', async () => {
    await addEvent(store, 'north-dev', 1, 'observation', CUTOFF - 1);
    await addEvent(store, 'north-dev', 2, 'observation', CUTOFF); // exactly at the cutoff: not older, kept
    await addEvent(store, 'north-dev', 3, 'misuse', CUTOFF - 1);
    await addEvent(store, 'south-dev', 1, 'observation', CUTOFF - 1);

    expect(await store.deleteEventsBefore('north', 'observation', CUTOFF)).toBe(1);
    expect(await eventSeqs(store, 'north-dev', 'observation')).toEqual([2]);
    expect(await eventSeqs(store, 'north-dev', 'misuse')).toEqual([3]);
    expect(await eventSeqs(store, 'south-dev', 'observation')).toEqual([1]);

    expect(await store.deleteEventsBefore('north', 'misuse', CUTOFF)).toBe(1);
    expect(await eventSeqs(store, 'north-dev', 'misuse')).toEqual([]);
    expect(await store.deleteEventsBefore('north', 'misuse', CUTOFF)).toBe(0);
  });

  it('goes by when the collector received an event, never by the device\'s clock', async () => {
    const received = (seq: number, occurredAt: number, receivedAt: number) => store.insertEvent({
      deviceId: 'north-dev', seq, occurredAt, receivedAt, kind: 'misuse', checkName: null, payload: { kind: 'MEDIA_ATTACHED' },
    });
    await received(1, 1, CUTOFF + 5); // the device's clock set back years, received after the cutoff: kept
    await received(2, CUTOFF * 100, CUTOFF - 5); // the device's clock far ahead, received before the cutoff: deleted

    expect(await store.deleteEventsBefore('north', 'misuse', CUTOFF)).toBe(1);
    expect(await eventSeqs(store, 'north-dev', 'misuse')).toEqual([1]);
  });

  it('keeps the device\'s current verdict when the observation behind it goes', async () => {
    await addEvent(store, 'north-dev', 1, 'observation', CUTOFF - 1);
    await addVerdict(store, 'north-dev', 1, CUTOFF - 1);
    expect(await store.deleteEventsBefore('north', 'observation', CUTOFF)).toBe(1);
    expect(await store.getVerdict('north-dev', 'firewall')).toMatchObject({ status: 'fail', seq: 1, reasonCode: 'FIREWALL_OFF' });
  });
});

describe('deleteResolvedAlertsBefore', () => {
  it('deletes the school\'s alerts resolved before the cutoff and never an open or acknowledged one', async () => {
    await addAlert(store, 'north', 'resolved-old', 1, CUTOFF - 1);
    await addAlert(store, 'north', 'resolved-young', 1, CUTOFF);
    await addAlert(store, 'north', 'open-old', 1, null);
    const acknowledged = await addAlert(store, 'north', 'acknowledged-old', 1, null);
    await store.transaction(async (tx) => acknowledgeAlert(tx, (await tx.getAlert(acknowledged))!, 2, 'dsl:head'));
    await addAlert(store, 'south', 'resolved-old', 1, CUTOFF - 1);

    expect(await store.deleteResolvedAlertsBefore('north', CUTOFF)).toBe(1);
    expect(await alertKeys(store, 'north')).toEqual(['acknowledged-old', 'open-old', 'resolved-young']);
    expect(await alertKeys(store, 'south')).toEqual(['resolved-old']);
  });
});

describe('deleteAuditBefore', () => {
  it('deletes the school\'s audit entries written before the cutoff, not another school\'s nor school-less ones', async () => {
    await addAudit(store, 'north', CUTOFF - 1, 'north-old');
    await addAudit(store, 'north', CUTOFF, 'north-young');
    await addAudit(store, 'south', CUTOFF - 1, 'south-old');
    await addAudit(store, null, CUTOFF - 1, 'schools');

    expect(await store.deleteAuditBefore('north', CUTOFF)).toBe(1);
    expect(await auditTargets(store)).toEqual(['north-young', 'schools', 'south-old']);
  });
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
