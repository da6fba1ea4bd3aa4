// Asking a worker thread of the gateway (the SQLite writer, the batch reader) and waiting for its answer. A thread
// that dies took nothing acknowledged with it: whatever waited on it is refused (the agents send again), and the
// next request starts another.
import { Worker, type Transferable } from 'node:worker_threads';
import { codeOf, InvigilatorError, isErrorCode, type ErrorCode } from '@invigilator/shared/errors.ts';
import type { Logger } from '@invigilator/shared/logger.ts';

/** An error as it crosses between threads: its code and detail, and its stack for the log. */
export interface ThreadError { code: ErrorCode; detail: string | undefined; message: string }

export const toThreadError = (error: unknown): ThreadError => ({
  code: codeOf(error),
  detail: error instanceof InvigilatorError ? error.detail : undefined,
  message: error instanceof Error ? (error.stack ?? error.message) : String(error),
});

/** What a thread posts back for a request. */
export type ThreadAnswer<T> = { type: 'answer'; id: number; ok: true; value: T } | { type: 'answer'; id: number; ok: false; error: ThreadError };

export interface ThreadCalls {
  /** A number for the next request. */
  nextId(): number;
  /** Posts a request carrying `id` and resolves with the thread's answer to it. */
  ask<T>(message: { type: string; id: number }, transfer?: readonly Transferable[]): Promise<T>;
  /** Posts a message that has no answer, to the thread running now (none when it is not running). */
  tell(message: unknown): void;
  /** Posts `message` (which ends the thread) and waits for the thread to exit; every later request is refused. */
  close(message: unknown): Promise<void>;
}

export interface ThreadOptions {
  file: URL;
  /** The thread's name, as the operating system shows it (the bench counts CPU by it). */
  name: string;
  workerData: unknown;
  logger: Logger;
  /** The thread in a sentence: "The agent writer thread". */
  what: string;
}

export const startThreadCalls = ({ file, name, workerData, logger, what }: ThreadOptions): ThreadCalls => {
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let closed: Promise<void> | undefined;

  const fromThreadError = ({ code, detail, message }: ThreadError): Error => {
    if (code !== 'INTERNAL' && isErrorCode(code)) return new InvigilatorError(code, detail);
    return new Error(`${what} failed: ${message}`);
  };

  const spawn = (): Worker => {
    const started = new Worker(file, { workerData, name });
    started.on('message', (answer: ThreadAnswer<unknown>) => {
      const waiter = waiting.get(answer.id);
      waiting.delete(answer.id);
      if (answer.ok) waiter?.resolve(answer.value);
      else waiter?.reject(fromThreadError(answer.error));
    });
    started.on('error', (error) => logger.error({ code: 'STORE_FAILED', err: error }, `${what} failed; starting another.`));
    started.on('exit', () => {
      if (worker === started) worker = undefined;
      for (const [id, waiter] of waiting) {
        waiting.delete(id);
        waiter.reject(new InvigilatorError('STORE_FAILED', `${what} stopped before it answered.`));
      }
    });
    return started;
  };
  let worker: Worker | undefined = spawn();

  return {
    nextId: () => nextId++,
    ask<T>(message: { type: string; id: number }, transfer: readonly Transferable[] = []): Promise<T> {
      if (closed) return Promise.reject(new InvigilatorError('STORE_FAILED', 'The collector is stopping.'));
      worker ??= spawn();
      const answer = new Promise<T>((resolve, reject) => {
        waiting.set(message.id, { resolve: resolve as (value: unknown) => void, reject });
      });
      worker.postMessage(message, transfer);
      return answer;
    },
    tell(message) {
      worker?.postMessage(message);
    },
    close(message) {
      closed ??= (async () => {
        const stopping = worker;
        if (!stopping) return;
        const exited = new Promise<void>((resolve) => stopping.once('exit', () => resolve()));
        stopping.postMessage(message);
        await exited;
      })();
      return closed;
    },
  };
};
