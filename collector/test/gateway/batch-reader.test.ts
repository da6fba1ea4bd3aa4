// The batch reader thread: batches it reads and judges ahead are stored and judged exactly as the writer would
// store and judge them itself, a pack changed in between is applied, and bad frames are refused the same way.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '@invigilator/shared/logger.ts';
import { DEFAULT_POLICY_PACK } from '@invigilator/shared/policy/default-pack.ts';
import { CollectionStatus, encodeFrame, Tri, type Event } from '@invigilator/shared/wire.ts';
import { createBatchReader, READ_AHEAD_MIN_BYTES, type BatchReader } from '../../src/gateway/batch-reader.ts';
import { createSqliteAgentWriter, type SqliteAgentWriter } from '../../src/gateway/sqlite-writer.ts';
import type { IngestResult } from '../../src/gateway/ingest.ts';
import { storedPolicyPack } from '../../src/school-policy.ts';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import type { Store } from '../../src/store/types.ts';
import { firewallEvent, mediaAttachedEvent } from '../helpers/collector.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const logger = createLogger({ name: 'collector', level: 'silent' });
const DEVICES = ['dev-1', 'dev-2'];

interface Collector { store: Store; writer: SqliteAgentWriter; reader: BatchReader | undefined; close(): Promise<void> }
const opened: Collector[] = [];
afterEach(async () => {
  for (const collector of opened.splice(0)) await collector.close();
});

/** A data folder with a school and two devices, its store, and an agent writer with or without the batch reader. */
const open = async (withReader: boolean, minBytes = 0): Promise<Collector> => {
  const temp = makeTempDir();
  const file = join(temp.dir, 'collector.sqlite');
  // The store takes turns with the writer made below.
  const turns: { writer?: SqliteAgentWriter } = {};
  const store = openSqliteStore(file, { gate: { hold: () => turns.writer?.gate.hold() ?? Promise.resolve(() => undefined) } });
  await store.createSchool({ id: 'north', name: 'North', enrolmentSecretHash: 'ab'.repeat(32), createdAt: 1 });
  for (const id of DEVICES) {
    await store.createDevice({ id, schoolId: 'north', hostname: id, facts: {}, credentialHash: 'cd'.repeat(32), enrolledAt: 1, lastSeenAt: null, revokedAt: null });
  }
  // Unless told otherwise, every batch read ahead, however small (these are a few events each).
  const reader = withReader
    ? createBatchReader(logger, { packTextOf: async (schoolId) => (await storedPolicyPack(store, schoolId)).text, minBytes })
    : undefined;
  const writer = createSqliteAgentWriter(file, logger, reader ? { reader } : {});
  turns.writer = writer;
  const collector: Collector = {
    store, writer, reader,
    close: async () => {
      await writer.close();
      await reader?.close();
      await store.close();
      temp.remove();
    },
  };
  opened.push(collector);
  return collector;
};

const batch = (deviceId: string, events: Event[]) => ({
  kind: 'batch' as const, frame: encodeFrame({ batch: { events } }), device: { id: deviceId, hostname: deviceId, schoolId: 'north' },
  receivedAt: Date.UTC(2026, 10, 20, 10), series: { outboxId: null, offset: 0 },
});
const observed = (seq: number, observation: NonNullable<Event['observation']>): Event => ({ seq, occurredAtMs: Date.UTC(2026, 10, 20, 9, 0, seq), observation });

/** Everything a batch leaves behind in the store, without the ids and times the store makes up. */
const written = async (store: Store) => ({
  events: await Promise.all(DEVICES.map((deviceId) => store.listEvents({ deviceId, kinds: ['observation', 'misuse', 'lifecycle'], limit: 1000 }))),
  verdicts: await Promise.all(DEVICES.map((deviceId) => store.listVerdicts(deviceId))),
  changes: await Promise.all(DEVICES.map((deviceId) => store.listVerdictChanges(deviceId))),
  alerts: (await store.listAlerts({ schoolId: 'north', categories: ['misuse', 'posture', 'availability'], limit: 100 }))
    .map(({ dedupKey, status, severity, occurrences, deviceId, title }) => ({ dedupKey, status, severity, occurrences, deviceId, title }))
    .sort((a, b) => `${a.dedupKey}`.localeCompare(`${b.dedupKey}`)),
});

describe('the batch reader', () => {
  it('leaves the store as the writer does when it reads every batch itself, having judged ahead', async () => {
    const rounds: Array<ReturnType<typeof batch>> = [];
    for (const deviceId of DEVICES) {
      rounds.push(
        batch(deviceId, [firewallEvent(1, Tri.TRI_YES), firewallEvent(2, Tri.TRI_NO), firewallEvent(3, Tri.TRI_NO)]),
        // A check this collector cannot judge, and text with a right-to-left override the walk removes.
        batch(deviceId, [observed(4, { check: 'quantum-shield', status: CollectionStatus.COLLECTED }),
          observed(5, { check: 'firewall', status: CollectionStatus.COULD_NOT_COLLECT, reasonCode: 'NFT_FAILED', reason: 'nft said \u202Edenied' })]),
        batch(deviceId, [firewallEvent(6, Tri.TRI_YES), mediaAttachedEvent(7)]),
        // Sent again after a lost ack: duplicates.
        batch(deviceId, [firewallEvent(6, Tri.TRI_YES), mediaAttachedEvent(7), firewallEvent(8, Tri.TRI_YES)]),
      );
    }
    const itself = await open(false);
    const ahead = await open(true);
    const resultsItself: IngestResult[] = [];
    const resultsAhead: IngestResult[] = [];
    for (const unit of rounds) {
      resultsItself.push(await itself.writer.ingest(unit));
      resultsAhead.push(await ahead.writer.ingest(unit));
    }
    expect(await written(ahead.store)).toEqual(await written(itself.store));
    expect(JSON.stringify((await written(ahead.store)).events)).toContain('nft said denied');
    const withoutPack = ({ packText: _packText, ...rest }: IngestResult) => rest;
    expect(resultsAhead.map(withoutPack)).toEqual(resultsItself.map(withoutPack));
    // Judged ahead: the store used the reader's judgement (observations only; a batch with a misuse event goes as its frame).
    expect(resultsAhead.map((result) => result.packText === undefined)).toEqual(DEVICES.flatMap(() => [true, true, false, false]));
    expect(resultsItself.every((result) => result.packText === '')).toBe(true);
  });

  it('judges again under the school\'s new pack a batch judged ahead under the old one', async () => {
    const { store, writer } = await open(true);
    expect(await writer.ingest(batch('dev-1', [firewallEvent(1, Tri.TRI_NO)]))).not.toHaveProperty('packText');
    expect((await store.listVerdicts('dev-1'))[0]).toMatchObject({ status: 'fail' });
    const relaxed = { ...DEFAULT_POLICY_PACK, checks: { ...DEFAULT_POLICY_PACK.checks, firewall: { ...DEFAULT_POLICY_PACK.checks.firewall, required: false } } };
    await store.putPolicyPack('north', relaxed, 2);
    const stale = await writer.ingest(batch('dev-1', [firewallEvent(2, Tri.TRI_NO)]));
    expect(stale.packText, 'judged by the store under the new pack, which the reader learns').toBe((await storedPolicyPack(store, 'north')).text);
    expect((await store.listVerdicts('dev-1'))[0]).toMatchObject({ status: 'not_applicable', reasonCode: 'NOT_REQUIRED' });
    expect(await writer.ingest(batch('dev-1', [firewallEvent(3, Tri.TRI_NO)]))).not.toHaveProperty('packText');
    expect((await store.listVerdicts('dev-1'))[0]).toMatchObject({ status: 'not_applicable', seq: 3 });
  });

  it('sends a small batch to the store as it is, and reads a large one ahead', async () => {
    const { store, writer } = await open(true, READ_AHEAD_MIN_BYTES);
    const small = batch('dev-1', [firewallEvent(1, Tri.TRI_YES), mediaAttachedEvent(2)]);
    expect(small.frame.byteLength).toBeLessThan(READ_AHEAD_MIN_BYTES);
    expect(await writer.ingest(small), 'judged by the store').toHaveProperty('packText', '');
    const large = batch('dev-1', Array.from({ length: 200 }, (_, index) => firewallEvent(index + 3, Tri.TRI_YES)));
    expect(large.frame.byteLength).toBeGreaterThanOrEqual(READ_AHEAD_MIN_BYTES);
    expect(await writer.ingest(large), 'judged ahead').not.toHaveProperty('packText');
    expect(await store.highestSeq('dev-1')).toBe(202);
  });

  it('refuses a bad batch with the code the writer would give, and stores the others', async () => {
    const { store, writer } = await open(true);
    const [good, outOfOrder, garbled, tooLong] = await Promise.allSettled([
      writer.ingest(batch('dev-1', [firewallEvent(1, Tri.TRI_YES)])),
      writer.ingest(batch('dev-2', [firewallEvent(2, Tri.TRI_YES), firewallEvent(1, Tri.TRI_YES)])),
      writer.ingest({ ...batch('dev-2', []), frame: Uint8Array.from([0x2a, 0x05, 0xff, 0xff]) }),
      writer.ingest(batch('dev-2', [observed(1, { check: 'firewall', status: CollectionStatus.COLLECTED, sourceIds: ['x'.repeat(300)] })])),
    ]);
    expect(good).toMatchObject({ status: 'fulfilled', value: { stored: 1, upToSeq: 1 } });
    expect(outOfOrder).toMatchObject({ status: 'rejected', reason: { code: 'SEQUENCE_INVALID' } });
    expect(garbled).toMatchObject({ status: 'rejected', reason: { code: 'FRAME_UNDECODABLE' } });
    expect(tooLong).toMatchObject({ status: 'rejected', reason: { code: 'FIELD_TOO_LARGE', detail: expect.stringContaining('frame.batch.events[0].observation.sourceIds[0]') } });
    expect(await store.listEvents({ deviceId: 'dev-2', kinds: ['observation'], limit: 10 })).toEqual([]);
  });
});
