// The agent writer's thread: takes every unit waiting when it is free and commits them together
// (group commit), each in its own savepoint, then answers each. Between two groups it pauses for
// the main thread's own writes (see WriteGate in store/sqlite.ts), ahead of any writes still queued.
import { parentPort, workerData } from 'node:worker_threads';
import { openSqliteGroupWriter, type GroupOutcome } from '../store/sqlite.ts';
import { observeChanges, onceEach } from '../live/store-feed.ts';
import type { LiveChange } from '../live/bus.ts';
import { prepareAgentWrite, type AgentWrite, type AgentWriteResult } from './agent-writes.ts';
import type { ToWriter, Written } from './sqlite-writer.ts';
import { toThreadError, type ThreadAnswer } from './thread-calls.ts';

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

const answer = (message: ThreadAnswer<Written | undefined>): void => port.postMessage(message);
const refuse = (id: number, error: unknown): void => answer({ type: 'answer', id, ok: false, error: toThreadError(error) });

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
      // What each unit changes is told to the main thread's live stream only once its part is committed.
      const changes: LiveChange[] = [];
      const work = prepareAgentWrite(write);
      return [{ id, changes, work: (tx: Parameters<typeof work>[0]) => work(observeChanges(tx, (change) => changes.push(change))) }];
    } catch (error) {
      refuse(id, error);
      return [];
    }
  });
  let outcomes: GroupOutcome<AgentWriteResult>[];
  try {
    outcomes = await writer.commitGroup(prepared.map(({ work }) => work));
  } catch (error) {
    // Nothing of the group was kept: every agent is refused unacknowledged and sends again.
    for (const { id } of prepared) refuse(id, error);
    return;
  }
  prepared.forEach(({ id, changes }, index) => {
    const outcome = outcomes[index];
    if (outcome?.ok) answer({ type: 'answer', id, ok: true, value: { value: outcome.value, changes: onceEach(changes) } });
    else refuse(id, outcome?.error);
  });
};

/** One group (or one pause) per turn of the event loop, so the units that arrived meanwhile join the next group. */
const step = async (): Promise<void> => {
  scheduled = false;
  if (held) return;
  const turn = holds.shift();
  if (turn !== undefined) {
    held = true;
    answer({ type: 'answer', id: turn, ok: true, value: undefined });
    return;
  }
  const head = queue[0];
  if (!head) return;
  if (head.type === 'close') {
    writer.close();
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
