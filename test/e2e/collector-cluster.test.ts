// Two collector processes on one PostgreSQL database behind HAProxy: agents anywhere, one leader for
// the jobs (replaced when it dies), revocations reaching the other process, and a collector killed
// with -9 mid-stream losing nothing acknowledged and storing nothing twice.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MisuseKind, type Event } from '@invigilator/shared/wire.ts';
import { startHaproxy, type LoadBalancer } from '../support/haproxy.ts';
import { makePgDatabase, type PgDatabase } from '../support/postgres.ts';
import {
  COLLECTOR_BIN, runCli, startCollector, tempDir, waitFor, type CollectorUnderTest,
} from '../support/processes.ts';
import { SimAgent, SIM_FACTS, sampleObservation } from '../support/sim-agent.ts';
import { streamEvents, type StreamResult } from '../support/streaming-agent.ts';

const DEVICES = 8;
const EVENTS_PER_DEVICE = 1_000;
const BATCH = 50;
/** Every tenth event is a file copied to a stick: each device's one misuse alert counts them. */
const MISUSE_EVERY = 10;
const LEADING = 'Leading the scheduled jobs';

const eventFor = (seq: number): Event => (seq % MISUSE_EVERY === 0
  ? {
    seq, occurredAtMs: Date.now(),
    misuse: { kind: MisuseKind.FILE_WRITTEN, user: 'pupil', device: { vendor: 'SanDisk', model: 'Cruzer', serial: 'C1', bus: 'usb', label: 'STICK' },
      file: { name: `work-${seq}.docx`, sizeBytes: 1000, relativeDir: '' } },
  }
  : sampleObservation(seq));

describe('two collectors on one PostgreSQL behind HAProxy', () => {
  let database: PgDatabase;
  let collectors: CollectorUnderTest[] = [];
  let balancer: LoadBalancer;
  let secret = '';
  let token = '';
  let db: pg.Client;

  beforeAll(async () => {
    database = await makePgDatabase('invigilator_cluster');
    const dirs = [tempDir('cluster-a'), tempDir('cluster-b')];
    const cli = (...args: string[]): string => runCli(COLLECTOR_BIN, [...args, '--database', database.url, '--data-dir', dirs[0]!]);
    secret = cli('school', 'add', '--id', 'north', '--name', 'North School');
    cli('person', 'add', '--email', 'admin@north.sch.uk', '--name', 'Admin', '--role', 'admin', '--all-schools');
    token = cli('token', 'create', '--person', 'admin@north.sch.uk');
    for (const dir of dirs) collectors.push(await startCollector(dir, undefined, '127.0.0.1', ['--database', database.url]));
    balancer = await startHaproxy(dirs[0]!, collectors.map((collector) => collector.port));
    db = new pg.Client({ connectionString: database.url });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await balancer?.process.stop();
    for (const collector of collectors) await collector.process.stop();
    collectors = [];
    await database?.drop();
  });

  const leaders = (): CollectorUnderTest[] => collectors.filter((collector) => collector.process.log().includes(LEADING));

  it('has exactly one collector leading the scheduled jobs', async () => {
    await waitFor('a leader', () => (leaders().length > 0 ? true : undefined), 15_000);
    expect(leaders()).toHaveLength(1);
  });

  it('stores every event exactly once and raises each alert once when the leader is killed with -9 mid-stream', async () => {
    const devices = await Promise.all(Array.from({ length: DEVICES }, (_, index) =>
      SimAgent.enrol(balancer.wsUrl, secret, { ...SIM_FACTS, hostname: `cluster-${index}` })));
    let acknowledged = 0;
    const streams = devices.map((device, index) => streamEvents(balancer.wsUrl, device, {
      total: EVENTS_PER_DEVICE, batchSize: BATCH, event: eventFor, facts: { ...SIM_FACTS, hostname: `cluster-${index}` },
      onAck: () => { acknowledged += BATCH; },
    }));
    // Both collectors hold agents before one dies.
    await waitFor('a third of the events acknowledged', () => (acknowledged >= (DEVICES * EVENTS_PER_DEVICE) / 3 ? true : undefined), 60_000);
    const [leader] = leaders();
    const survivor = collectors.find((collector) => collector !== leader)!;
    await leader!.process.kill9();
    const results: StreamResult[] = await Promise.all(streams);

    expect(results.flatMap((result) => result.lostAcks), 'no acknowledged event missing after a reconnect').toEqual([]);
    expect(results.some((result) => result.reconnects > 0), 'the killed collector\'s agents came back through HAProxy').toBe(true);
    const { rows: counts } = await db.query<{ device_id: string; n: string; low: string; high: string }>(
      'SELECT device_id, count(*) AS n, min(seq) AS low, max(seq) AS high FROM events GROUP BY device_id');
    expect(counts).toHaveLength(DEVICES);
    for (const row of counts) {
      expect([Number(row.n), Number(row.low), Number(row.high)], `device ${row.device_id}`).toEqual([EVENTS_PER_DEVICE, 1, EVENTS_PER_DEVICE]);
    }
    const { rows: alerts } = await db.query<{ device_id: string; n: string; occurrences: string }>(
      `SELECT device_id, count(*) AS n, sum(occurrences) AS occurrences FROM alerts WHERE category = 'misuse' GROUP BY device_id`);
    expect(alerts.map((row) => [Number(row.n), Number(row.occurrences)]))
      .toEqual(devices.map(() => [1, EVENTS_PER_DEVICE / MISUSE_EVERY]));

    // The lead passes to the survivor once the dead leader's session is gone.
    await waitFor('the survivor to take the lead', () => (survivor.process.log().includes(LEADING) ? true : undefined), 30_000);
    await leader!.restart();
  });

  it('closes a revoked device\'s connection on the other collector', async () => {
    const [a, b] = collectors;
    const device = await SimAgent.enrol(balancer.wsUrl, secret, { ...SIM_FACTS, hostname: 'cluster-revoked' });
    const { agent } = await SimAgent.session(b!.wsUrl, device, { ...SIM_FACTS, hostname: 'cluster-revoked' });
    const response = await fetch(`${a!.httpUrl}/api/v1/devices/${device.deviceId}/revoke`, {
      method: 'POST', headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    expect(await agent.waitClosed(10_000)).toMatchObject({ code: 4403 });
    expect(b!.process.log()).toContain('AUTH_REVOKED');
  });
});

