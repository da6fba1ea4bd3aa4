// Collectors on one PostgreSQL (the machine's server, a database of this file's own): one leads the
// jobs and another takes over when it goes; every collector hears what any of them tells.
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@invigilator/shared/logger.ts';
import { clusterWide, startPgCluster, type Cluster } from '../../src/cluster/pg-cluster.ts';
import { makePgDatabase, type PgDatabase } from '../../../test/support/postgres.ts';
import { waitFor } from '../../../test/support/processes.ts';

const logger = createLogger({ name: 'collector', level: 'silent' });
let database: PgDatabase;
const started: Cluster[] = [];

beforeAll(async () => { database = await makePgDatabase(); });
afterEach(async () => { await Promise.all(started.splice(0).map((cluster) => cluster.stop())); });
afterAll(async () => { await database?.drop(); });

/** A collector's cluster connection, with the lead changes it was told of. */
const join = async () => {
  const changes: boolean[] = [];
  const cluster = await startPgCluster(database.url, { logger, retryMs: 200, onLeadChange: (leading) => changes.push(leading) });
  started.push(cluster);
  return { cluster, changes };
};

describe('the jobs\' leader', () => {
  it('is one collector at a time, and another takes over when the leader stops', async () => {
    const first = await join();
    const second = await join();
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(first.cluster.leads()).toBe(true);
    expect(second.cluster.leads()).toBe(false);
    expect(first.changes).toEqual([true]);
    await first.cluster.stop();
    expect(first.changes).toEqual([true, false]);
    await waitFor('the second collector to take the lead', () => (second.cluster.leads() ? true : undefined), 5_000);
    expect(second.changes).toEqual([true]);
  });

  it('is taken over when the leader\'s database session dies without a goodbye, as with kill -9', async () => {
    const first = await join();
    const second = await join();
    expect(first.cluster.leads()).toBe(true);
    // The server ends the leader's session, as it does when the process is killed.
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    try {
      // Only this file's database: other tests on the same server hold advisory locks of their own.
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted
        AND pid <> pg_backend_pid() AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`);
    } finally {
      await admin.end();
    }
    await waitFor('the first to know it lost the lead', () => (first.changes.includes(false) ? true : undefined), 5_000);
    // Whichever reaches the database first leads (here the first reconnects too; a killed process would not): never both, never none.
    await waitFor('one collector to lead again', () => ([first, second].filter(({ cluster }) => cluster.leads()).length === 1 ? true : undefined), 5_000);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect([first, second].filter(({ cluster }) => cluster.leads())).toHaveLength(1);
  });
});

describe('cluster messages', () => {
  it('reach every collector, the sender included', async () => {
    const heard: Array<[string, unknown]> = [];
    const a = await join();
    const b = await join();
    a.cluster.on('invigilator_revoked', (message) => heard.push(['a', message]));
    b.cluster.on('invigilator_revoked', (message) => heard.push(['b', message]));
    await a.cluster.notify('invigilator_revoked', { deviceId: 'dev-1' });
    await waitFor('both to hear it', () => (heard.length === 2 ? true : undefined), 5_000);
    expect(heard.sort()).toEqual([['a', { deviceId: 'dev-1' }], ['b', { deviceId: 'dev-1' }]]);
  });
});

describe('a live bus spanning the collectors', () => {
  it('hands a change published on one collector to the listeners of every collector, once each', async () => {
    type Change = { type: 'alert'; alertId: string };
    const localBus = () => {
      const listeners = new Set<(change: Change) => void>();
      return {
        publish: (change: Change) => { for (const listener of listeners) listener(change); },
        subscribe: (listener: (change: Change) => void) => { listeners.add(listener); return () => listeners.delete(listener); },
      };
    };
    const a = await join();
    const b = await join();
    const busA = clusterWide<Change, ReturnType<typeof localBus>>(localBus(), a.cluster, logger);
    const busB = clusterWide<Change, ReturnType<typeof localBus>>(localBus(), b.cluster, logger);
    const heard: string[] = [];
    busA.subscribe((change) => heard.push(`a ${change.alertId}`));
    busB.subscribe((change) => heard.push(`b ${change.alertId}`));
    busB.publish({ type: 'alert', alertId: 'alert-7' });
    await waitFor('both collectors\' listeners to hear it', () => (heard.length >= 2 ? true : undefined), 5_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(heard.sort()).toEqual(['a alert-7', 'b alert-7']);
  });
});
