// The SQLite agent writer: a worker thread commits many connections' units together, each answered
// after the commit, a failing unit rolled back alone; the main thread's store takes turns with it.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '@invigilator/shared/logger.ts';
import { encodeFrame, Tri, type Event } from '@invigilator/shared/wire.ts';
import { createSqliteAgentWriter, type SqliteAgentWriter } from '../../src/gateway/sqlite-writer.ts';
import { openSqliteGroupWriter, openSqliteStore } from '../../src/store/sqlite.ts';
import type { Store } from '../../src/store/types.ts';
import { firewallEvent, mediaAttachedEvent } from '../helpers/collector.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const DEVICES = ['dev-1', 'dev-2', 'dev-3', 'dev-4'];
const NO_SERIES = { outboxId: null, offset: 0 };

let temp: ReturnType<typeof makeTempDir>;
let file: string;
let writer: SqliteAgentWriter | undefined;
let store: Store;

beforeEach(async () => {
  temp = makeTempDir();
  file = join(temp.dir, 'collector.sqlite');
  store = openSqliteStore(file, { gate: { hold: () => writer?.gate.hold() ?? Promise.resolve(() => undefined) } });
  await store.createSchool({ id: 'north', name: 'North', enrolmentSecretHash: 'ab'.repeat(32), createdAt: 1 });
  for (const id of DEVICES) {
    await store.createDevice({ id, schoolId: 'north', hostname: id, facts: {}, credentialHash: 'cd'.repeat(32), enrolledAt: 1, lastSeenAt: null, revokedAt: null });
  }
});
afterEach(async () => {
  await writer?.close();
  writer = undefined;
  await store.close();
  temp.remove();
});

const batchOf = (deviceId: string, events: Event[]) => ({
  kind: 'batch' as const, frame: encodeFrame({ batch: { events } }), device: { id: deviceId, hostname: deviceId, schoolId: 'north' },
  receivedAt: Date.now(), series: NO_SERIES,
});
const stored = async (deviceId: string): Promise<number[]> =>
  (await store.listEvents({ deviceId, kinds: ['observation', 'misuse'], limit: 1000 })).map((event) => event.seq).sort((a, b) => a - b);

describe('group commit', () => {
  it('keeps the pieces that succeed when one in the same transaction throws', async () => {
    const group = openSqliteGroupWriter(file);
    try {
      const insert = (deviceId: string, seq: number) => async (tx: Parameters<Parameters<typeof group.commitGroup>[0][number]>[0]) =>
        tx.insertEvent({ deviceId, seq, occurredAt: 1, receivedAt: 1, kind: 'observation', checkName: 'firewall', payload: {} });
      const outcomes = await group.commitGroup([
        insert('dev-1', 1),
        async (tx) => {
          await insert('dev-2', 1)(tx);
          throw new Error('this piece fails after writing');
        },
        insert('dev-3', 1),
      ]);
      expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, false, true]);
    } finally {
      group.close();
    }
    expect(await stored('dev-1')).toEqual([1]);
    expect(await stored('dev-2'), 'the failed piece left nothing behind').toEqual([]);
    expect(await stored('dev-3')).toEqual([1]);
  });
});

describe('the agent writer thread', () => {
  it('stores every batch of many devices sent at once exactly once, each answered with its own result', async () => {
    writer = createSqliteAgentWriter(file, createLogger({ name: 'collector', level: 'silent' }));
    const sent = DEVICES.flatMap((deviceId) => [1, 2, 3].map((round) =>
      batchOf(deviceId, [firewallEvent(round * 2 - 1, Tri.TRI_NO), mediaAttachedEvent(round * 2)])));
    // Every device's second round again: a resend is acknowledged and stored once.
    const resent = DEVICES.map((deviceId) => batchOf(deviceId, [firewallEvent(3, Tri.TRI_NO), mediaAttachedEvent(4)]));
    const results = await Promise.all([...sent, ...resent].map((unit) => writer!.ingest(unit)));
    expect(results.map((result) => result.upToSeq)).toEqual([...DEVICES.flatMap(() => [2, 4, 6]), ...DEVICES.map(() => 4)]);
    expect(results.slice(sent.length).map((result) => result.duplicates)).toEqual(DEVICES.map(() => 2));
    for (const deviceId of DEVICES) {
      expect(await stored(deviceId)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(await store.highestSeq(deviceId)).toBe(6);
    }
    expect((await store.listAlerts({ schoolId: 'north', categories: ['misuse', 'posture'], limit: 100 })).length, 'one misuse alert and one posture alert per device').toBe(DEVICES.length * 2);
  });

  it('refuses a bad batch with its own code and stores the others beside it', async () => {
    writer = createSqliteAgentWriter(file, createLogger({ name: 'collector', level: 'silent' }));
    const [good, outOfOrder, garbled] = await Promise.allSettled([
      writer.ingest(batchOf('dev-1', [firewallEvent(1, Tri.TRI_YES)])),
      writer.ingest(batchOf('dev-2', [firewallEvent(2, Tri.TRI_YES), firewallEvent(1, Tri.TRI_YES)])),
      writer.ingest({ ...batchOf('dev-3', []), frame: Uint8Array.from([0x2a, 0x05, 0xff, 0xff]) }),
    ]);
    expect(good).toMatchObject({ status: 'fulfilled', value: { stored: 1, upToSeq: 1 } });
    expect(outOfOrder).toMatchObject({ status: 'rejected', reason: { code: 'SEQUENCE_INVALID' } });
    expect(garbled).toMatchObject({ status: 'rejected', reason: { code: 'FRAME_UNDECODABLE' } });
    expect(await stored('dev-1')).toEqual([1]);
    expect(await stored('dev-2')).toEqual([]);
  });

  it('refuses a revoked device\'s batch and heartbeat, and the main thread\'s writes take turns with its groups', async () => {
    writer = createSqliteAgentWriter(file, createLogger({ name: 'collector', level: 'silent' }));
    const busy = Array.from({ length: 20 }, (_, index) => writer!.ingest(batchOf('dev-1', [firewallEvent(index + 1, Tri.TRI_YES)])));
    // Written by the main thread's store while the writer has work queued: it waits for a turn, never for SQLite's busy handler.
    expect(await store.revokeDevice('dev-2', 5)).toBe(true);
    await Promise.all(busy);
    await expect(writer.ingest(batchOf('dev-2', [firewallEvent(1, Tri.TRI_YES)]))).rejects.toMatchObject({ code: 'AUTH_REVOKED' });
    await expect(writer.heartbeat({ kind: 'heartbeat', deviceId: 'dev-2', at: 10, outboxDepth: 0 })).rejects.toMatchObject({ code: 'AUTH_REVOKED' });
    await writer.heartbeat({ kind: 'heartbeat', deviceId: 'dev-3', at: 10, outboxDepth: 42 });
    expect((await store.getDevice('dev-3'))?.lastSeenAt).toBe(10);
    expect(await store.getOutboxBacklog('dev-3')).toMatchObject({ depth: 42, reportedAt: 10 });
    expect(await stored('dev-1')).toHaveLength(20);
  });

  it('has the log copied into the database file by another thread once enough is committed', async () => {
    writer = createSqliteAgentWriter(file, createLogger({ name: 'collector', level: 'silent' }), { checkpointAfterBytes: 8 * 1024 });
    const databaseBytes = () => statSync(file).size;
    const before = databaseBytes();
    for (let round = 0; round < 4; round += 1) {
      await writer.ingest(batchOf('dev-1', Array.from({ length: 100 }, (_, index) => firewallEvent(round * 100 + index + 1, Tri.TRI_YES))));
    }
    // The writer's own commits copy nothing until thousands of pages: what reaches the file here, the other thread copied.
    await vi.waitFor(() => expect(databaseBytes()).toBeGreaterThan(before), { timeout: 10_000 });
    expect(await stored('dev-1')).toHaveLength(400);
  });

  it('answers what is still queued when it stops, and refuses new work after', async () => {
    writer = createSqliteAgentWriter(file, createLogger({ name: 'collector', level: 'silent' }));
    const queued = writer.ingest(batchOf('dev-1', [firewallEvent(1, Tri.TRI_YES)]));
    const closing = writer.close();
    await expect(queued).resolves.toMatchObject({ stored: 1 });
    await closing;
    await expect(writer.ingest(batchOf('dev-1', [firewallEvent(2, Tri.TRI_YES)]))).rejects.toMatchObject({ code: 'STORE_FAILED' });
  });
});
