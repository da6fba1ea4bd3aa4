// One racer of concurrency.test.ts, in a process of its own: opens the store (a second collector would),
// says "ready", waits for "go" on stdin, then runs its rounds and prints one JSON line of what it saw.
// node race-worker.ts <sqlite|postgres> <file or URL> <ingest|ingest-even|ingest-odd|alert|escalate|enrol|claim>
import { once } from 'node:events';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { escalateUnacknowledged, raiseAlert } from '../../../src/alerts/lifecycle.ts';
import { enrolDevice } from '../../../src/gateway/handshake.ts';
import { ingestBatch } from '../../../src/gateway/ingest.ts';
import { openPostgresStore } from '../../../src/store/pg.ts';
import { openSqliteStore } from '../../../src/store/sqlite.ts';
import { claimRound, RACE_ROUNDS, raceAlertDraft, raceBatch, RACE_DEVICE, RACE_TIME, raceEnrolment } from './race-rounds.ts';

const [engine, location, task] = process.argv.slice(2);
if (!location || (engine !== 'sqlite' && engine !== 'postgres')) throw new Error('usage: race-worker.ts <sqlite|postgres> <location> <task>');
const store = engine === 'sqlite' ? openSqliteStore(location) : await openPostgresStore(location);
process.stdout.write('ready\n');
await once(process.stdin, 'data');

const outcomes: string[] = [];
if (task === 'claim') {
  // A dispatcher of its own: claims a few at a time until nothing is left, marking each sent; prints the ids it sent.
  const claimant = `racer-${process.pid}`;
  for (let claimed = await claimRound(store, claimant); claimed.length > 0; claimed = await claimRound(store, claimant)) {
    for (const notification of claimed) {
      if (!(await store.markNotificationSent(notification.id, claimant, RACE_TIME))) throw new Error(`${notification.id} was not this racer's to send`);
      outcomes.push(notification.id);
    }
    // Sending takes a real dispatcher some time (a relay's answer); without it the first racer to be
    // scheduled could drain the queue before the others start, and the race would show nothing.
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
for (let round = 0; round < RACE_ROUNDS && task !== 'claim'; round += 1) {
  if (task === 'ingest-even' || task === 'ingest-odd') {
    // Two collectors taking turns with one device's batches: each judges on top of what the other committed.
    if (round % 2 === (task === 'ingest-even' ? 1 : 0)) continue;
    const result = await ingestBatch(store, RACE_DEVICE, raceBatch(round), RACE_TIME + round);
    outcomes.push(`stored ${result.stored}`);
  } else if (task === 'ingest') {
    const result = await ingestBatch(store, RACE_DEVICE, raceBatch(round), RACE_TIME + round);
    outcomes.push(`stored ${result.stored}`);
  } else if (task === 'alert') {
    const { transition } = await store.transaction((tx) => raiseAlert(tx, RACE_DEVICE, raceAlertDraft(round), RACE_TIME + round,
      { countRepeat: true, reopenAfterManualResolve: false }));
    outcomes.push(transition);
  } else if (task === 'escalate') {
    const escalated = await store.transaction((tx) => escalateUnacknowledged(tx, RACE_TIME + round));
    outcomes.push(`escalated ${escalated}`);
  } else if (task === 'enrol') {
    try {
      await enrolDevice(store, raceEnrolment(round), RACE_TIME);
      outcomes.push('enrolled');
    } catch (error) {
      if (!(error instanceof InvigilatorError) || error.code !== 'ENROLMENT_LIMIT_REACHED') throw error;
      outcomes.push('refused');
    }
  } else {
    throw new Error(`no task "${task}"`);
  }
}
await store.close();
process.stdout.write(`${JSON.stringify(outcomes)}\n`);
process.exit(0);
