// Agents' writes on SQLite, off the event loop: a worker thread with its own connection commits
// the Hellos, batches and heartbeats of every connection in groups (sqlite-writer-worker.ts), so
// the API answers while batches commit and many batches share one sync of the log. Batches reach
// it read and judged by the batch reader thread (batch-reader.ts), so it only stores them. The main
// thread's store takes turns with it through the gate this returns.
import type { Logger } from '@invigilator/shared/logger.ts';
import { codeOf } from '@invigilator/shared/errors.ts';
import { BUSY_TIMEOUT_MS, type WriteGate } from '../store/sqlite.ts';
import type { AgentWrite, AgentWriter } from './agent-writes.ts';
import { transferListOf } from './batch-transfer.ts';
import type { BatchReader } from './batch-reader.ts';
import type { Greeting } from './handshake.ts';
import type { IngestResult } from './ingest.ts';
import type { LiveChange } from '../live/bus.ts';
import { startThreadCalls } from './thread-calls.ts';

export type ToWriter =
  | { type: 'write'; id: number; write: AgentWrite; size: number }
  | { type: 'hold'; id: number }
  | { type: 'release' }
  | { type: 'close' };
/** A unit's answer: its result, and the alerts and verdicts it changed (told once it is committed). */
export interface Written { value: unknown; changes: LiveChange[] }

/** About ten batches of 500 observations: enough to share one sync, short enough that no answer waits long. */
export const MAX_GROUP_BYTES = 512 * 1024;

/** What a heartbeat counts for against a group's size. */
const HEARTBEAT_BYTES = 16;

const WORKER_FILE = new URL('./sqlite-writer-worker.ts', import.meta.url);
const CHECKPOINT_WORKER_FILE = new URL('./sqlite-checkpoint-worker.ts', import.meta.url);
/** Frame bytes committed between two checkpoints: about 30,000 events, some tens of MB of log. */
export const CHECKPOINT_AFTER_BYTES = 4 * 1024 * 1024;

export interface SqliteAgentWriter extends AgentWriter {
  gate: WriteGate;
}

export interface SqliteAgentWriterOptions {
  /** Told, after each commit, the alerts and verdicts the agents' writes changed (the dashboard's live stream). */
  publish?: (change: LiveChange) => void;
  maxGroupBytes?: number;
  /** CHECKPOINT_AFTER_BYTES unless set. */
  checkpointAfterBytes?: number;
  /** Reads and judges batches before they reach the writer; without one, the writer thread decodes them itself. */
  reader?: BatchReader;
}

export const createSqliteAgentWriter = (file: string, logger: Logger, options: SqliteAgentWriterOptions = {}): SqliteAgentWriter => {
  const maxGroupBytes = options.maxGroupBytes ?? MAX_GROUP_BYTES;
  const checkpointAfterBytes = options.checkpointAfterBytes ?? CHECKPOINT_AFTER_BYTES;
  const { reader } = options;
  const thread = startThreadCalls({
    file: WORKER_FILE, name: 'agent-writer', workerData: { file, maxGroupBytes }, logger, what: 'The agent writer thread',
  });
  const checkpointer = startThreadCalls({
    file: CHECKPOINT_WORKER_FILE, name: 'wal-checkpoint', workerData: { file, busyTimeoutMs: BUSY_TIMEOUT_MS }, logger,
    what: 'The thread copying the log into the database file',
  });
  let sinceCheckpoint = 0;
  /** Asked for once enough has been committed; one at a time. */
  let checkpointing: Promise<void> | undefined;
  const checkpointIfDue = (committed: number): void => {
    sinceCheckpoint += committed;
    if (checkpointing || sinceCheckpoint < checkpointAfterBytes) return;
    sinceCheckpoint = 0;
    checkpointing = checkpointer.ask<void>({ type: 'checkpoint', id: checkpointer.nextId() })
      .catch((error: unknown) => logger.warn({ code: codeOf(error), err: error }, 'Could not copy the log into the database file; trying again later.'))
      .finally(() => { checkpointing = undefined; });
  };

  let stopping = false;

  const write = async <T>(unit: AgentWrite): Promise<T> => {
    let message: ToWriter;
    let transfer: ArrayBuffer[] = [];
    if (!('frame' in unit)) {
      message = { type: 'write', id: thread.nextId(), write: unit, size: HEARTBEAT_BYTES };
    } else {
      // The frame's own bytes, handed over (ws may give a view into a larger buffer): the reader's copy, or one made here.
      const ready = unit.kind === 'batch' && reader ? await reader.read(unit) : { ...unit, frame: Uint8Array.prototype.slice.call(unit.frame) };
      message = { type: 'write', id: thread.nextId(), write: ready, size: ready.frame.byteLength };
      transfer = [ready.frame.buffer as ArrayBuffer, ...(ready.kind === 'batch' && ready.judged ? transferListOf(ready.judged) : [])];
    }
    const { value, changes } = await thread.ask<Written>(message, transfer);
    checkpointIfDue(message.size);
    for (const change of changes) options.publish?.(change);
    if (unit.kind === 'batch') reader?.learnPack(unit.device.schoolId, value as IngestResult);
    return value as T;
  };

  return {
    greet: (unit) => write<Greeting>(unit),
    ingest: (unit) => write<IngestResult>(unit),
    heartbeat: (unit) => write<void>(unit),
    gate: {
      async hold() {
        // Stopped: no other writer is left to take turns with.
        if (stopping) return () => undefined;
        const turn: ToWriter = { type: 'hold', id: thread.nextId() };
        await thread.ask<void>(turn);
        let released = false;
        return () => {
          if (released) return;
          released = true;
          thread.tell({ type: 'release' } satisfies ToWriter);
        };
      },
    },
    close: async () => {
      stopping = true;
      await thread.close({ type: 'close' } satisfies ToWriter);
      await checkpointing;
      await checkpointer.close({ type: 'close' });
    },
  };
};
