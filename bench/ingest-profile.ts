// Ingest without the network: how long the store and the judges take per event.
// `node --cpu-prof bench/ingest-profile.ts` to see where the time goes.
import { openSqliteStore } from '../collector/src/store/sqlite.ts';
import { ingestBatch } from '../collector/src/gateway/ingest.ts';
import { sampleObservation } from '../test/support/sim-agent.ts';
import { tempDir } from '../test/support/processes.ts';
import { rmSync } from 'node:fs';
import path from 'node:path';

const BATCHES = Number(process.env.BENCH_BATCHES ?? 100);
const dir = tempDir('ingest-profile');
const store = openSqliteStore(path.join(dir, 'collector.sqlite'));
await store.createSchool({ id: 's', name: 'S', enrolmentSecretHash: 'x', createdAt: Date.now() });
await store.createDevice({ id: 'd', schoolId: 's', hostname: 'h', facts: {}, credentialHash: 'x', enrolledAt: Date.now(), lastSeenAt: null, revokedAt: null });
const device = { id: 'd', hostname: 'h', schoolId: 's' };
let seq = 0;
const started = performance.now();
for (let batch = 0; batch < BATCHES; batch += 1) {
  await ingestBatch(store, device, Array.from({ length: 500 }, () => sampleObservation(++seq)), Date.now());
}
const seconds = (performance.now() - started) / 1000;
process.stdout.write(`${seq} events in ${seconds.toFixed(2)} s: ${Math.round(seq / seconds)} events/s in-process\n`);
await store.close();
rmSync(dir, { recursive: true, force: true });
