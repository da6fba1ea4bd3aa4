// Two collector processes on one PostgreSQL database share the notification outbox and deliver each
// message to a real (slow) SMTP server once: each sends under a claim with a lease, and a collector
// restarting while the other is mid-send puts back only what it held itself.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MisuseKind, type Event } from '@invigilator/shared/wire.ts';
import { makePgDatabase, type PgDatabase } from '../support/postgres.ts';
import { startMailServer, type MailServer } from '../support/peers/mail-server.ts';
import { COLLECTOR_BIN, runCli, startCollector, tempDir, waitFor, type CollectorUnderTest } from '../support/processes.ts';
import { SimAgent } from '../support/sim-agent.ts';

const DSL = 'dsl@north.sch.uk';
/** One alert each: a stick per event. */
const STICKS = 12;
/** Slow enough that both collectors hold a send in flight when one of them restarts. */
const RELAY_DELAY_MS = 1_500;

describe('two collectors on one PostgreSQL sending the same outbox', () => {
  let database: PgDatabase;
  let collectors: CollectorUnderTest[] = [];
  let mail: MailServer;
  let db: pg.Client;
  let agent: SimAgent | undefined;

  beforeAll(async () => {
    mail = await startMailServer();
    database = await makePgDatabase('invigilator_notify_cluster');
    const dirs = [tempDir('notify-cluster-a'), tempDir('notify-cluster-b')];
    const cli = (...args: string[]): string => runCli(COLLECTOR_BIN, [...args, '--database', database.url, '--data-dir', dirs[0]!]);
    const secret = cli('school', 'add', '--id', 'north', '--name', 'North School');
    cli('person', 'add', '--email', DSL, '--name', 'Ms Khan', '--role', 'dsl', '--school', 'north');
    // Twelve sticks from one device in a minute are twelve alerts here, not one burst.
    cli('alerts', 'settings', '--school', 'north', '--flood-limit', '1000');
    cli('channel', 'add', '--school', 'north', '--kind', 'email', '--smtp-url', mail.url, '--from', 'invigilator@north.sch.uk');
    for (const dir of dirs) collectors.push(await startCollector(dir, undefined, '127.0.0.1', ['--database', database.url]));
    db = new pg.Client({ connectionString: database.url });
    await db.connect();
    const credential = await SimAgent.enrol(collectors[0]!.wsUrl, secret);
    ({ agent } = await SimAgent.session(collectors[0]!.wsUrl, credential));
  }, 120_000);

  afterAll(async () => {
    agent?.close();
    await db?.end();
    for (const collector of collectors) await collector.process.stop();
    collectors = [];
    await mail?.stop();
    await database?.drop();
  });

  const claimants = async (): Promise<string[]> =>
    (await db.query<{ claimed_by: string }>(`SELECT DISTINCT claimed_by FROM notifications WHERE status = 'sending'`)).rows.map((row) => row.claimed_by);

  it('delivers each message once while one collector restarts mid-send, both collectors sending', async () => {
    mail.delayMs = RELAY_DELAY_MS;
    const events: Event[] = Array.from({ length: STICKS }, (_, index) => ({
      seq: index + 1, occurredAtMs: Date.now(),
      misuse: { kind: MisuseKind.MEDIA_ATTACHED, user: 'pupil', device: { serial: `CLUSTER-${index}`, label: `K${index}`, bus: 'usb' } },
    }));
    await agent!.sendBatch(events);
    await waitFor('both collectors sending at once', async () => ((await claimants()).length === 2 && mail.inFlight > 0 ? true : undefined), 60_000);

    // The second collector restarts while the first has a message at the relay.
    const [, restarting] = collectors;
    await restarting!.process.stop();
    await restarting!.restart();
    mail.delayMs = 0;

    const { rows } = await waitFor('every notification sent', async () => {
      const result = await db.query<{ id: string; status: string }>('SELECT id, status FROM notifications');
      return result.rows.length === STICKS && result.rows.every((row) => row.status === 'sent') ? result : undefined;
    }, 60_000);
    await waitFor('the relay to finish what it holds', () => (mail.inFlight === 0 ? true : undefined));
    const received = mail.mailbox(DSL).map((m) => m.messageId).sort();
    expect(received).toEqual(rows.map((row) => `<${row.id}@invigilator.notifications>`).sort());
    // Both took part: each process's log records sends of its own.
    for (const collector of collectors) expect(collector.process.log()).toContain('Notification sent.');
  });
});
