// The batch reader's thread (batch-reader.ts): decodes and checks each batch, and judges its observations
// under the pack the store last judged the school's batches under.
import { parentPort } from 'node:worker_threads';
import { policyPackOfText } from '../school-policy.ts';
import { readAhead, type BatchWrite } from './agent-writes.ts';
import { toTransferable, transferListOf } from './batch-transfer.ts';
import type { ToReader } from './batch-reader.ts';
import { judgeBatch, type ReadEvent } from './ingest.ts';
import { toThreadError, type ThreadAnswer } from './thread-calls.ts';

const port = parentPort;
if (!port) throw new Error('batch-reader-worker.ts runs only as a worker thread');
/** Each school's pack as the store last told it (its stored JSON text). */
const packTexts = new Map<string, string>();

/** The batch judged ahead, or undefined: a school whose pack is not known yet, or anything but observations. */
const judgedAhead = (write: BatchWrite, events: readonly ReadEvent[]) => {
  const text = packTexts.get(write.device.schoolId);
  if (text === undefined || events.some((event) => !event.observation)) return undefined;
  return toTransferable(judgeBatch(events, policyPackOfText(write.device.schoolId, text), text));
};

port.on('message', (message: ToReader) => {
  if (message.type === 'pack') {
    packTexts.set(message.schoolId, message.text);
    return;
  }
  if (message.type === 'close') {
    port.close();
    return;
  }
  const { id, write } = message;
  let answer: ThreadAnswer<BatchWrite>;
  let transfer: ArrayBuffer[] = [];
  try {
    const events = readAhead(write);
    const judged = judgedAhead(write, events);
    answer = { type: 'answer', id, ok: true, value: judged ? { ...write, judged } : write };
    transfer = [write.frame.buffer as ArrayBuffer, ...(judged ? transferListOf(judged) : [])];
  } catch (error) {
    answer = { type: 'answer', id, ok: false, error: toThreadError(error) };
  }
  port.postMessage(answer, transfer);
});
