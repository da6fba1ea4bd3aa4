import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '@invigilator/shared/logger.ts';
import { DEFAULT_POLICY_PACK } from '@invigilator/shared/policy/default-pack.ts';
import { validatePolicyPack } from '@invigilator/shared/policy/validate.ts';
import { createRetentionJob } from '../../src/jobs/retention.ts';
import { createMetrics, type Metrics } from '../../src/metrics.ts';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import type { Store } from '../../src/store/types.ts';
import {
  DAY, addAlert, addAudit, addEvent, addSchoolWithDevice, addVerdict, alertKeys, auditTargets, eventSeqs,
} from '../helpers/store-rows.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const NOW = Date.UTC(2026, 10, 20, 2, 30);
const daysAgo = (days: number): number => NOW - days * DAY;
// north keeps the default pack (90 / 365 / 365 / 730 days); south keeps everything for much less.
const SOUTH_RETENTION = { observationDays: 7, misuseDays: 30, resolvedAlertDays: 30, auditDays: 60 };

let temp: ReturnType<typeof makeTempDir>;
let store: Store;
let metrics: Metrics;
let logFile: string;
let job: ReturnType<typeof createRetentionJob>;

const logLines = (): Record<string, unknown>[] =>
  (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '').split('\n').filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

/** The same rows in every school, at ages either side of both schools' limits. */
const seedSchool = async (schoolId: string): Promise<void> => {
  const deviceId = await addSchoolWithDevice(store, schoolId);
  for (const [seq, days] of [[1, 100], [2, 10], [3, 1]] as const) await addEvent(store, deviceId, seq, 'observation', daysAgo(days));
  for (const [seq, days] of [[4, 400], [5, 40], [6, 1]] as const) await addEvent(store, deviceId, seq, 'misuse', daysAgo(days));
  // The agent's stops are kept as long as observations.
  for (const [seq, days] of [[7, 100], [8, 10], [9, 1]] as const) await addEvent(store, deviceId, seq, 'lifecycle', daysAgo(days));
  await addVerdict(store, deviceId, 1, daysAgo(100));
  for (const days of [400, 40, 1]) await addAlert(store, schoolId, `resolved-${days}`, daysAgo(days + 1), daysAgo(days));
  await addAlert(store, schoolId, 'open-1000', daysAgo(1000), null);
  for (const days of [800, 100, 1]) await addAudit(store, schoolId, daysAgo(days), `audit-${days}`);
};

const remainingRows = async (schoolId: string) => ({
  observations: await eventSeqs(store, `${schoolId}-dev`, 'observation'),
  misuse: await eventSeqs(store, `${schoolId}-dev`, 'misuse'),
  lifecycle: await eventSeqs(store, `${schoolId}-dev`, 'lifecycle'),
  alerts: await alertKeys(store, schoolId),
  audit: await auditTargets(store, schoolId),
});

beforeEach(async () => {
  temp = makeTempDir();
  store = openSqliteStore(join(temp.dir, 'collector.sqlite'));
  metrics = createMetrics();
  logFile = join(temp.dir, 'collector.log');
  job = createRetentionJob(store, createLogger({ name: 'collector', level: 'info', destination: logFile }), metrics);
  for (const schoolId of ['north', 'south']) await seedSchool(schoolId);
  await store.putPolicyPack('south', validatePolicyPack({ ...structuredClone(DEFAULT_POLICY_PACK), id: 'south', retention: SOUTH_RETENTION }), 1);
});
afterEach(async () => {
  await job.stop();
  await store.close();
  temp.remove();
});

describe('the retention job', () => {
  it('deletes each school\'s old rows by its own pack, keeps young rows, open alerts and verdicts', async () => {
    await job.runOnce(new Date(NOW));

    expect(await remainingRows('north')).toEqual({
      observations: [2, 3], misuse: [5, 6], lifecycle: [8, 9], alerts: ['open-1000', 'resolved-1', 'resolved-40'], audit: ['audit-1', 'audit-100'],
    });
    expect(await remainingRows('south')).toEqual({
      observations: [3], misuse: [6], lifecycle: [9], alerts: ['open-1000', 'resolved-1'], audit: ['audit-1'],
    });
    for (const schoolId of ['north', 'south']) {
      expect(await store.getVerdict(`${schoolId}-dev`, 'firewall')).toMatchObject({ status: 'fail', seq: 1 });
    }
  });

  it('deletes sign-in sessions a day past their absolute end, and keeps the rest', async () => {
    await store.createPerson({ id: 'p1', email: 'khan@north.sch.uk', name: 'Ms Khan', roles: ['dsl'], schools: ['north'], createdAt: 1, disabledAt: null });
    for (const [handle, expiresDaysAgo] of [['long-gone', 3], ['just-ended', 0.5], ['live', -0.3]] as const) {
      await store.createSession({
        idHash: handle, handle, personId: 'p1', csrfToken: 'x', method: 'password', address: '127.0.0.1',
        createdAt: daysAgo(expiresDaysAgo + 0.4), lastSeenAt: daysAgo(expiresDaysAgo + 0.4), expiresAt: daysAgo(expiresDaysAgo), endedAt: null,
      });
    }
    await job.runOnce(new Date(NOW));
    expect(await store.getSession('long-gone')).toBeUndefined();
    expect(await store.getSession('just-ended')).toBeDefined();
    expect(await store.getSession('live')).toBeDefined();
  });

  it('deletes events by when the collector received them, whatever the device\'s clock said', async () => {
    // north keeps misuse 365 days. A pupil set the laptop's clock back two years before plugging in a stick
    // yesterday; another laptop's clock ran a year ahead when it reported 400 days ago.
    const misuse = (seq: number, occurredAt: number, receivedAt: number) => store.insertEvent({
      deviceId: 'north-dev', seq, occurredAt, receivedAt, kind: 'misuse', checkName: null, payload: { kind: 'MEDIA_ATTACHED' },
    });
    await misuse(10, daysAgo(730), daysAgo(1));
    await misuse(11, NOW + 365 * DAY, daysAgo(400));

    await job.runOnce(new Date(NOW));

    expect((await remainingRows('north')).misuse).toEqual([5, 6, 10]);
  });

  it('logs one code-free line per school with its counts, and counts every deletion by kind', async () => {
    await job.runOnce(new Date(NOW));

    const lines = logLines().filter((line) => line.schoolId !== undefined);
    expect(lines).toEqual([
      expect.objectContaining({ level: 30, schoolId: 'north', deleted: { observation: 1, misuse: 1, lifecycle: 1, resolved_alert: 1, audit: 1, verdict_change: 0, notification: 0 } }),
      expect.objectContaining({ level: 30, schoolId: 'south', deleted: { observation: 2, misuse: 2, lifecycle: 2, resolved_alert: 2, audit: 2, verdict_change: 0, notification: 0 } }),
    ]);
    expect(lines.every((line) => !('code' in line))).toBe(true);
    for (const kind of ['observation', 'misuse', 'lifecycle', 'resolved_alert', 'audit']) expect(metrics.retentionDeleted.get(kind)).toBe(3);
  });

  it('deletes nothing more on a second run the same night', async () => {
    await job.runOnce(new Date(NOW));
    const before = await remainingRows('south');
    await job.runOnce(new Date(NOW));
    expect(await remainingRows('south')).toEqual(before);
    expect(logLines().at(-1)).toMatchObject({ schoolId: 'south', deleted: { observation: 0, misuse: 0, lifecycle: 0, resolved_alert: 0, audit: 0, verdict_change: 0, notification: 0 } });
    expect(metrics.retentionDeleted.get('observation')).toBe(3);
  });

  it('logs a school whose pack cannot be read with its code, leaves its rows, and carries on with the next school', async () => {
    // Listed first: a pack stored before retention settings existed no longer validates.
    await seedSchool('aaa-legacy');
    const { retention: _dropped, ...legacyPack } = structuredClone(DEFAULT_POLICY_PACK);
    await store.putPolicyPack('aaa-legacy', legacyPack, 1);

    await job.runOnce(new Date(NOW));

    const failure = logLines().find((line) => line.schoolId === 'aaa-legacy');
    expect(failure).toMatchObject({ level: 50, code: 'POLICY_INVALID' });
    expect(String(failure?.msg)).toContain('aaa-legacy');
    expect((await remainingRows('aaa-legacy')).observations).toEqual([1, 2, 3]);
    expect((await remainingRows('south')).observations).toEqual([3]);
  });

  it('runs on its schedule once started', async () => {
    const everySecond = createRetentionJob(store, createLogger({ name: 'collector', level: 'info', destination: logFile }),
      metrics, '* * * * * *');
    everySecond.start();
    try {
      await expect.poll(() => logLines().some((line) => line.schoolId === 'south'), { timeout: 3000, interval: 100 }).toBe(true);
    } finally {
      await everySecond.stop();
    }
  });
});
