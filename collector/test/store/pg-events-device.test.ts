// PostgreSQL migration 030: an event's device is checked once per statement instead of once per row, and still
// no event can name a device that does not exist, nor a device with events be deleted or renamed.
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openPostgresStore } from '../../src/store/pg.ts';
import type { Store } from '../../src/store/types.ts';
import { makePgDatabase, type PgDatabase } from '../../../test/support/postgres.ts';

let database: PgDatabase;
let store: Store;
let client: pg.Client;
beforeAll(async () => {
  database = await makePgDatabase('invigilator_events_device');
  store = await openPostgresStore(database.url);
  await store.createSchool({ id: 'north', name: 'North', enrolmentSecretHash: 'ab'.repeat(32), createdAt: 1 });
  for (const id of ['dev-1', 'dev-2', 'dev-idle']) {
    await store.createDevice({ id, schoolId: 'north', hostname: id, facts: {}, credentialHash: 'cd'.repeat(32), enrolledAt: 1, lastSeenAt: null, revokedAt: null });
  }
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
});
afterAll(async () => {
  await client.end();
  await store.close();
  await database.drop();
});

const event = (deviceId: string, seq: number) => ({
  deviceId, seq, occurredAt: 1, receivedAt: 2, kind: 'observation' as const, checkName: 'firewall', payload: { check: 'firewall' },
});
const seqsOf = async (deviceId: string) => (await store.listEvents({ deviceId, kinds: ['observation'], limit: 10 })).map((e) => e.seq);

it('refuses a batch naming an unknown device among known ones, and keeps none of it', async () => {
  await expect(store.insertEvents([event('dev-1', 1), event('nobody', 1), event('dev-2', 1)])).rejects.toMatchObject({ code: 'STORE_FAILED' });
  expect(await seqsOf('dev-1')).toEqual([]);
  expect(await store.insertEvents([event('dev-1', 1), event('dev-2', 1)])).toEqual([true, true]);
});

it('refuses to delete or rename a device that has events, and allows it for one without', async () => {
  await expect(client.query(`DELETE FROM devices WHERE id = 'dev-1'`)).rejects.toMatchObject({ code: '23503' });
  await expect(client.query(`UPDATE devices SET id = 'dev-9' WHERE id = 'dev-2'`)).rejects.toMatchObject({ code: '23503' });
  await client.query(`UPDATE devices SET hostname = 'renamed', id = id WHERE id = 'dev-2'`);
  expect(await seqsOf('dev-2')).toEqual([1]);
  await client.query(`DELETE FROM devices WHERE id = 'dev-idle'`);
  expect(await store.getDevice('dev-idle')).toBeUndefined();
});

it('makes a deletion wait for a batch of the device still being written, then refuses it', async () => {
  const writer = new pg.Client({ connectionString: database.url });
  await writer.connect();
  try {
    await store.createDevice({ id: 'dev-3', schoolId: 'north', hostname: 'dev-3', facts: {}, credentialHash: 'cd'.repeat(32), enrolledAt: 1, lastSeenAt: null, revokedAt: null });
    await writer.query('BEGIN');
    await writer.query(`INSERT INTO events (device_id, seq, occurred_at, received_at, kind, check_name, payload)
      VALUES ('dev-3', 1, 1, 2, 'observation', 'firewall', '{}')`);
    let settled = false;
    // Settled with its error, handled at once: it may fail before this test looks at it.
    const deletion = client.query(`DELETE FROM devices WHERE id = 'dev-3'`).then(
      () => { settled = true; return undefined; },
      (error: unknown) => { settled = true; return error; },
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(settled, 'the deletion waits for the batch holding the device').toBe(false);
    await writer.query('COMMIT');
    expect(await deletion).toMatchObject({ code: '23503' });
  } finally {
    await writer.end();
  }
});
