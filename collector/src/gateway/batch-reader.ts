// The batch reader: a worker thread that decodes each event batch, checks it (field limits, numbering, times)
// and judges its observations under the school's pack, ahead of the store's transaction. The store's own
// thread (the SQLite writer, or the event loop on PostgreSQL) then only writes, and uses the judgement only
// while the school's pack is still the one it was made under (ingest.ts); otherwise it judges again itself.
import type { Logger } from '@invigilator/shared/logger.ts';
import type { BatchWrite } from './agent-writes.ts';
import type { IngestResult } from './ingest.ts';
import { startThreadCalls } from './thread-calls.ts';

export type ToReader =
  | { type: 'read'; id: number; write: BatchWrite }
  | { type: 'pack'; schoolId: string; text: string }
  | { type: 'close' };

export interface BatchReader {
  /**
   * The batch with a copy of its frame of its own, checked and judged ahead when it is worth it (a large batch, of a
   * school whose pack the reader knows); rejects as the frame deserves.
   */
  read(write: BatchWrite): Promise<BatchWrite>;
  /** After a batch is stored: the school's pack as the store judged under it, when the reader's was not. */
  learnPack(schoolId: string, result: IngestResult): void;
  close(): Promise<void>;
}

const WORKER_FILE = new URL('./batch-reader-worker.ts', import.meta.url);
/**
 * Smaller frames (a few dozen events: a misuse event, a device's latest checks) go to the store as they are. Reading
 * them ahead would save the store's thread little, and cost them a round trip through another thread: at a lesson
 * change, thousands of single-event batches a second, each an alert the DSL waits for.
 */
export const READ_AHEAD_MIN_BYTES = 8 * 1024;

export interface BatchReaderOptions {
  /**
   * Reads a school's pack (its stored JSON text) the first time one of its batches comes: otherwise its first
   * batches would all be judged by the store, until the first of them is stored.
   */
  packTextOf?: (schoolId: string) => Promise<string>;
  /** READ_AHEAD_MIN_BYTES unless set. */
  minBytes?: number;
}

export const createBatchReader = (logger: Logger, { packTextOf, minBytes = READ_AHEAD_MIN_BYTES }: BatchReaderOptions = {}): BatchReader => {
  const thread = startThreadCalls({ file: WORKER_FILE, name: 'batch-reader', workerData: {}, logger, what: 'The batch reader thread' });
  const tell = (schoolId: string, text: string): void => thread.tell({ type: 'pack', schoolId, text } satisfies ToReader);
  const firstLooks = new Map<string, Promise<void>>();
  const firstLook = (schoolId: string): Promise<void> | undefined => {
    if (!packTextOf || firstLooks.has(schoolId)) return firstLooks.get(schoolId);
    // A school whose pack cannot be read now is judged by the store, which says why.
    const look = packTextOf(schoolId).then((text) => tell(schoolId, text), () => undefined);
    firstLooks.set(schoolId, look);
    return look;
  };
  return {
    async read(write) {
      // A copy of the frame's own bytes (ws may give a view into a larger buffer), handed over; it comes back the same way.
      const frame = Uint8Array.prototype.slice.call(write.frame);
      if (frame.byteLength < minBytes) return { ...write, frame };
      await firstLook(write.device.schoolId);
      const message: ToReader = { type: 'read', id: thread.nextId(), write: { ...write, frame } };
      return thread.ask<BatchWrite>(message, [frame.buffer]);
    },
    learnPack(schoolId, { packText }) {
      if (packText !== undefined) tell(schoolId, packText);
    },
    close: () => thread.close({ type: 'close' } satisfies ToReader),
  };
};
