// Two dispatchers sharing one outbox, as two collectors on one database do, against a slow real SMTP
// server: a claim renewed while a slow send runs is never taken over, a dispatcher restarting leaves the
// other's sends alone, and the claims of one that died are sent by the other once their lease runs out.
// Each message reaches the relay once.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '@invigilator/shared/logger.ts';
import { createDispatcher } from '../../src/notify/dispatcher.ts';
import { enqueue } from '../../src/notify/outbox.ts';
import { addChannel } from '../../src/notify/setup.ts';
import { addPerson } from '../../src/people/people.ts';
import { addSchool } from '../../src/schools.ts';
import { openPostgresStore } from '../../src/store/pg.ts';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import type { Store } from '../../src/store/types.ts';
import { makePgDatabase, type PgDatabase } from '../../../test/support/postgres.ts';
import { waitFor } from '../../../test/support/processes.ts';
import { startMailServer, type MailServer } from '../../../test/support/peers/mail-server.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

/** Renewed every third of it: a stall of the event loop under a loaded machine must last two thirds of it to matter. */
const LEASE_MS = 1_000;
/** A slow relay: each send outlasts two leases. */
const RELAY_DELAY_MS = 2_500;
/** More than one dispatcher's batch (5), so both take some. */
const MESSAGES = 6;

describe.each(['sqlite', 'postgres'] as const)('two dispatchers sharing one outbox on %s', (engine) => {
  let temp: ReturnType<typeof makeTempDir>;
  let database: PgDatabase | undefined;
  let mail: MailServer;
  const stores: Store[] = [];
  const dispatchers: Array<ReturnType<typeof createDispatcher>> = [];

  const openStore = async (): Promise<Store> => {
    const store = database ? await openPostgresStore(database.url) : openSqliteStore(join(temp.dir, 'collector.sqlite'));
    stores.push(store);
    return store;
  };
  /** A dispatcher of its own collector: its own connection, its own name, a short lease. */
  const dispatcher = async (claimant: string) => {
    const made = createDispatcher({ store: await openStore(), logger: createLogger({ name: claimant, level: 'silent' }), claimant, leaseMs: LEASE_MS, pollMs: 50 });
    dispatchers.push(made);
    return made;
  };
  const allSent = (store: Store) => waitFor('every message sent', async () => {
    const rows = await store.listNotifications({ limit: 100 });
    return rows.length === MESSAGES && rows.every((row) => row.status === 'sent') ? rows : undefined;
  }, 60_000);
  /** Each notification's id, as many times as the relay received it. */
  const received = (): string[] => mail.mails.map((m) => m.messageId.replace(/^<|@.*$/g, '')).sort();

  beforeEach(async () => {
    temp = makeTempDir();
    mail = await startMailServer();
    if (engine === 'postgres') database = await makePgDatabase('invigilator_shared_outbox');
    const store = await openStore();
    await addSchool(store, { id: 'north', name: 'North School' }, Date.now());
    const person = await addPerson(store, { email: 'dsl@north.sch.uk', name: 'Ms Khan', roles: ['dsl'], schools: ['north'] }, Date.now());
    const { channel } = await addChannel(store, { schoolId: 'north', kind: 'email', url: `${mail.url}?starttls=opportunistic`, from: 'invigilator@north.sch.uk' }, Date.now());
    await store.transaction(async (tx) => {
      for (let index = 0; index < MESSAGES; index += 1) await enqueue(tx, { channel, person, address: person.email }, 'north', 'summary');
    });
  });
  afterEach(async () => {
    for (const each of dispatchers.splice(0)) await each.stop();
    for (const store of stores.splice(0)) await store.close();
    mail.delayMs = 0;
    await mail.stop();
    await database?.drop();
    database = undefined;
    temp.remove();
  });

  /** Lets the relay answer at once from now on (the sends it holds finish their wait). */
  const relayFast = (): void => { mail.delayMs = 0; };

  it('renews a claim while the relay takes its time: the other dispatcher never sends it too', async () => {
    mail.delayMs = RELAY_DELAY_MS;
    const first = await dispatcher('collector-a');
    await first.start();
    await waitFor('a message in flight', () => (mail.inFlight > 0 ? true : undefined));
    // Two leases pass during this send while the other dispatcher looks every 50 ms; renewed, it is not taken over.
    await (await dispatcher('collector-b')).start();
    await new Promise((resolve) => setTimeout(resolve, 2 * LEASE_MS));
    relayFast();
    const rows = await allSent(stores[0]!);
    expect(received()).toEqual(rows.map((row) => row.id).sort());
    expect(rows.every((row) => row.attempts === 1)).toBe(true);
  });

  it('a dispatcher restarting while the other sends puts back only its own, so nothing goes twice', async () => {
    mail.delayMs = RELAY_DELAY_MS;
    const [a, b] = [await dispatcher('collector-a'), await dispatcher('collector-b')];
    await a.start();
    await b.start();
    await waitFor('both sending', async () => {
      const sending = (await stores[0]!.listNotifications({ statuses: ['sending'], limit: 100 })).map((row) => row.claimedBy);
      return sending.includes('collector-a') && sending.includes('collector-b') ? true : undefined;
    });
    await b.stop();
    await b.start();
    relayFast();
    const rows = await allSent(stores[0]!);
    expect(received()).toEqual(rows.map((row) => row.id).sort());
  });

  it('sends what a dispatcher that died had claimed once its lease runs out, once', async () => {
    const [dead] = await stores[0]!.claimDueNotifications({ claimant: 'collector-died', now: Date.now(), leaseMs: LEASE_MS, limit: 1 });
    const survivor = await dispatcher('collector-b');
    await survivor.start();
    const rows = await allSent(stores[0]!);
    expect(received()).toEqual(rows.map((row) => row.id).sort());
    expect(rows.find((row) => row.id === dead!.id)).toMatchObject({ attempts: 2, claimedBy: null });
  });
});
