// Copies the log of committed writes into the database file (a WAL checkpoint) on a thread of its own, when the
// agent writer has written enough: the writer's thread then only appends to the log, and never waits for the copy
// and the sync of the database file that follows it (sqlite-writer.ts asks for it).
import { DatabaseSync } from 'node:sqlite';
import { parentPort, workerData } from 'node:worker_threads';
import { toThreadError, type ThreadAnswer } from './thread-calls.ts';

const port = parentPort;
if (!port) throw new Error('sqlite-checkpoint-worker.ts runs only as a worker thread');
const db = new DatabaseSync(String(workerData.file));
db.exec(`PRAGMA busy_timeout = ${Number(workerData.busyTimeoutMs)}`);

port.on('message', (message: { type: 'checkpoint'; id: number } | { type: 'close' }) => {
  if (message.type === 'close') {
    db.close();
    port.close();
    return;
  }
  let answer: ThreadAnswer<undefined>;
  try {
    // PASSIVE: copies what no reader still needs, waiting for nobody; the writer keeps appending meanwhile.
    db.exec('PRAGMA wal_checkpoint(PASSIVE)');
    answer = { type: 'answer', id: message.id, ok: true, value: undefined };
  } catch (error) {
    answer = { type: 'answer', id: message.id, ok: false, error: toThreadError(error) };
  }
  port.postMessage(answer);
});
