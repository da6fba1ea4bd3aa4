// Ingest through the store alone (no network): batches of 500 observations judged and committed by
// ingestBatch, on SQLite and on PostgreSQL, one device at a time and several devices at once.
import path from 'node:path';
import { ingestBatch } from '../collector/src/gateway/ingest.ts';
import { openPostgresStore } from '../collector/src/store/pg.ts';
import { openSqliteStore } from '../collector/src/store/sqlite.ts';
import type { Store } from '../collector/src/store/types.ts';
import { makePgDatabase } from '../test/support/postgres.ts';
import { sampleObservation } from '../test/support/sim-agent.ts';
import { tempDir } from '../test/support/processes.ts';

const BATCH_SIZE = 500;
const EVENTS = Number(process.env.BENCH_STORE_EVENTS ?? 100_000);
const CONCURRENT_DEVICES = Number(process.env.BENCH_STORE_DEVICES ?? 8);

/** Events per second through ingestBatch with `devices` devices sending at once, each batch after the last. */
const measure = async (store: Store, label: string, devices: number): Promise<number> => {
  await store.createSchool({ id: label, name: label, enrolmentSecretHash: 'x', createdAt: Date.now() });
  const refs = Array.from({ length: devices }, (_, index) => ({ id: `${label}-${index}`, hostname: `lab-${index}`, schoolId: label }));
  for (const ref of refs) {
    await store.createDevice({ ...ref, facts: {}, credentialHash: 'x', enrolledAt: Date.now(), lastSeenAt: null, revokedAt: null });
  }
  const batchesEach = Math.max(1, Math.round(EVENTS / BATCH_SIZE / devices));
  const started = performance.now();
  await Promise.all(refs.map(async (ref) => {
    let seq = 0;
    for (let batch = 0; batch < batchesEach; batch += 1) {
      await ingestBatch(store, ref, Array.from({ length: BATCH_SIZE }, () => sampleObservation(++seq)), Date.now());
    }
  }));
  return (devices * batchesEach * BATCH_SIZE) / ((performance.now() - started) / 1000);
};

export const storeIngest = async (print: (line: string) => void, fmt: (n: number, digits?: number) => string): Promise<void> => {
  const database = await makePgDatabase('invigilator_bench');
  const engines: Array<[string, () => Promise<Store>]> = [
    ['SQLite (WAL, synchronous FULL)', async () => openSqliteStore(path.join(tempDir('bench-store'), 'collector.sqlite'))],
    ['PostgreSQL 127.0.0.1 (pool of 10)', () => openPostgresStore(database.url)],
  ];
  try {
    for (const [name, open] of engines) {
      const store = await open();
      try {
        const one = await measure(store, 'one', 1);
        const many = await measure(store, 'many', CONCURRENT_DEVICES);
        print(`  ${name}: ${fmt(one, 0)} events/s one device at a time; ${fmt(many, 0)} events/s with ${CONCURRENT_DEVICES} devices at once`
          + ` (batches of ${BATCH_SIZE}, ~${fmt(EVENTS, 0)} events each)`);
      } finally {
        await store.close();
      }
    }
  } finally {
    await database.drop();
  }
};
