// Agents' writes on SQLite, off the event loop: a worker thread with its own connection commits
// the Hellos, batches and heartbeats of every connection in groups (sqlite-writer-worker.ts), so
// the API answers while batches commit and many batches share one sync of the log. The main
// thread's store takes turns with it through the gate this returns.
import { Worker } from 'node:worker_threads';
import { InvigilatorError, isErrorCode, type ErrorCode } from '@invigilator/shared/errors.ts';
import type { Logger } from '@invigilator/shared/logger.ts';
import type { WriteGate } from '../store/sqlite.ts';
import type { AgentWrite, AgentWriter, AgentWriteResult } from './agent-writes.ts';
import type { Greeting } from './handshake.ts';
import type { IngestResult } from './ingest.ts';
import type { LiveChange } from '../live/bus.ts';

export type ToWriter =
  | { type: 'write'; id: number; write: AgentWrite; size: number }
  | { type: 'hold'; id: number }
  | { type: 'release' }
  | { type: 'close' };
export interface WriterError { code: ErrorCode; detail: string | undefined; message: string }
export type FromWriter =
  | { type: 'done'; id: number; ok: true; value: AgentWriteResult; changes: LiveChange[] }
  | { type: 'done'; id: number; ok: false; error: WriterError }
  | { type: 'held'; id: number }
  | { type: 'closed' };

/** About ten batches of 500 observations: enough to share one sync, short enough that no answer waits long. */
export const MAX_GROUP_BYTES = 512 * 1024;

/** What a heartbeat counts for against a group's size. */
const HEARTBEAT_BYTES = 16;

const WORKER_FILE = new URL('./sqlite-writer-worker.ts', import.meta.url);

const fromWriterError = ({ code, detail, message }: WriterError): Error => {
  if (code !== 'INTERNAL' && isErrorCode(code)) return new InvigilatorError(code, detail);
  return new Error(`The agent writer failed: ${message}`);
};

export interface SqliteAgentWriter extends AgentWriter {
  gate: WriteGate;
}

export interface SqliteAgentWriterOptions {
  /** Told, after each commit, the alerts and verdicts the agents' writes changed (the dashboard's live stream). */
  publish?: (change: LiveChange) => void;
  maxGroupBytes?: number;
}

export const createSqliteAgentWriter = (file: string, logger: Logger, options: SqliteAgentWriterOptions = {}): SqliteAgentWriter => {
  const maxGroupBytes = options.maxGroupBytes ?? MAX_GROUP_BYTES;
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let closed: Promise<void> | undefined;

  const spawn = (): Worker => {
    const started = new Worker(WORKER_FILE, { workerData: { file, maxGroupBytes }, name: 'agent-writer' });
    started.on('message', (message: FromWriter) => {
      if (message.type === 'closed') return;
      const waiter = waiting.get(message.id);
      waiting.delete(message.id);
      if (message.type === 'held') waiter?.resolve(undefined);
      else if (message.ok) {
        for (const change of message.changes) options.publish?.(change);
        waiter?.resolve(message.value);
      }
      else waiter?.reject(fromWriterError(message.error));
    });
    // A writer that died took nothing with it that was acknowledged: what waited is refused and sent again.
    started.on('error', (error) => logger.error({ code: 'STORE_FAILED', err: error }, 'The agent writer thread failed; starting another.'));
    started.on('exit', () => {
      if (worker === started) worker = undefined;
      for (const [id, waiter] of waiting) {
        waiting.delete(id);
        waiter.reject(new InvigilatorError('STORE_FAILED', 'The agent writer stopped before it answered.'));
      }
    });
    return started;
  };
  let worker: Worker | undefined = spawn();

  const ask = <T>(message: Extract<ToWriter, { id: number }>, transfer: ArrayBuffer[] = []): Promise<T> => {
    if (closed) return Promise.reject(new InvigilatorError('STORE_FAILED', 'The collector is stopping.'));
    worker ??= spawn();
    const answer = new Promise<T>((resolve, reject) => {
      waiting.set(message.id, { resolve: resolve as (value: unknown) => void, reject });
    });
    worker.postMessage(message, transfer);
    return answer;
  };

  const write = <T>(unit: AgentWrite): Promise<T> => {
    if (!('frame' in unit)) return ask<T>({ type: 'write', id: nextId++, write: unit, size: HEARTBEAT_BYTES });
    // A copy of the frame's own bytes, handed over (ws may give a view into a larger buffer).
    const frame = Uint8Array.prototype.slice.call(unit.frame);
    return ask<T>({ type: 'write', id: nextId++, write: { ...unit, frame }, size: frame.byteLength }, [frame.buffer]);
  };

  return {
    greet: (unit) => write<Greeting>(unit),
    ingest: (unit) => write<IngestResult>(unit),
    heartbeat: (unit) => write<void>(unit),
    gate: {
      async hold() {
        // Stopped: no other writer is left to take turns with.
        if (closed) return () => undefined;
        await ask<void>({ type: 'hold', id: nextId++ });
        let released = false;
        return () => {
          if (released) return;
          released = true;
          worker?.postMessage({ type: 'release' } satisfies ToWriter);
        };
      },
    },
    close: () => {
      closed ??= (async () => {
        const stopping = worker;
        if (!stopping) return;
        const exited = new Promise<void>((resolve) => stopping.once('exit', () => resolve()));
        stopping.postMessage({ type: 'close' } satisfies ToWriter);
        await exited;
      })();
      return closed;
    },
  };
};
