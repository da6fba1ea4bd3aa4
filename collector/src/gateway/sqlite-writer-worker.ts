// The agent writer's thread: takes every unit waiting when it is free and commits them together
// (group commit), each in its own savepoint, then answers each. Between two groups it pauses for
// the main thread's own writes (see WriteGate in store/sqlite.ts), ahead of any writes still queued.
import { parentPort, workerData } from 'node:worker_threads';
import { codeOf, InvigilatorError } from '@invigilator/shared/errors.ts';
import { openSqliteGroupWriter, type GroupOutcome } from '../store/sqlite.ts';
import { prepareAgentWrite, type AgentWrite, type AgentWriteResult } from './agent-writes.ts';
import type { ToWriter, FromWriter, WriterError } from './sqlite-writer.ts';

/** A group stops growing here: its lock is held, and its answers wait, for as long as its largest part takes. */
const MAX_GROUP_BYTES = Number(workerData.maxGroupBytes);

const port = parentPort;
if (!port) throw new Error('sqlite-writer-worker.ts runs only as a worker thread');
const writer = openSqliteGroupWriter(String(workerData.file));
const queue: ToWriter[] = [];
/** The main thread's requests for a turn: served before any queued write, at the next group's boundary. */
const holds: number[] = [];
let held = false;
let scheduled = false;

const post = (message: FromWriter): void => port.postMessage(message);
const asWriterError = (error: unknown): WriterError => ({
  code: codeOf(error),
  detail: error instanceof InvigilatorError ? error.detail : undefined,
  message: error instanceof Error ? (error.stack ?? error.message) : String(error),
});

/** The writes at the head of the queue, up to a close and the size limit (frame bytes). */
const takeGroup = (): Array<{ id: number; write: AgentWrite }> => {
  const group: Array<{ id: number; write: AgentWrite }> = [];
  let size = 0;
  while (queue[0]?.type === 'write' && (group.length === 0 || size < MAX_GROUP_BYTES)) {
    const next = queue.shift() as Extract<ToWriter, { type: 'write' }>;
    size += next.size;
    group.push(next);
  }
  return group;
};

const commit = async (group: Array<{ id: number; write: AgentWrite }>): Promise<void> => {
  // Decoded before the transaction starts: a frame that does not decode holds no lock.
  const prepared = group.flatMap(({ id, write }) => {
    try {
      return [{ id, work: prepareAgentWrite(write) }];
    } catch (error) {
      post({ type: 'done', id, ok: false, error: asWriterError(error) });
      return [];
    }
  });
  let outcomes: GroupOutcome<AgentWriteResult>[];
  try {
    outcomes = await writer.commitGroup(prepared.map(({ work }) => work));
  } catch (error) {
    // Nothing of the group was kept: every agent is refused unacknowledged and sends again.
    for (const { id } of prepared) post({ type: 'done', id, ok: false, error: asWriterError(error) });
    return;
  }
  prepared.forEach(({ id }, index) => {
    const outcome = outcomes[index];
    post(outcome?.ok ? { type: 'done', id, ok: true, value: outcome.value } : { type: 'done', id, ok: false, error: asWriterError(outcome?.error) });
  });
};

/** One group (or one pause) per turn of the event loop, so the units that arrived meanwhile join the next group. */
const step = async (): Promise<void> => {
  scheduled = false;
  if (held) return;
  const turn = holds.shift();
  if (turn !== undefined) {
    held = true;
    post({ type: 'held', id: turn });
    return;
  }
  const head = queue[0];
  if (!head) return;
  if (head.type === 'close') {
    writer.close();
    post({ type: 'closed' });
    port.close();
    return;
  }
  await commit(takeGroup());
  schedule();
};

const schedule = (): void => {
  if (scheduled || held || (queue.length === 0 && holds.length === 0)) return;
  scheduled = true;
  setImmediate(() => void step());
};

port.on('message', (message: ToWriter) => {
  if (message.type === 'release') held = false;
  else if (message.type === 'hold') holds.push(message.id);
  else queue.push(message);
  schedule();
});
