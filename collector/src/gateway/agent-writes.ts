// What a greeted connection writes: its Hello, its event batches, its heartbeats. Each is one
// unit of work, committed before its answer goes back; how units reach the store (one
// transaction each, or many in a group commit on a worker thread) is the writer's choice.
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { fitToLimits, jsonWithinLimits } from '@invigilator/shared/field-limits.ts';
import { decodeFrame, observationToJson, type Event } from '@invigilator/shared/wire.ts';
import type { invigilator } from '@invigilator/shared/generated/invigilator.js';
import type { DeviceRef } from '../alerts/rules.ts';
import type { SeqSeries, Store, StoreOps } from '../store/types.ts';
import { greetDevice, greetDeviceIn, type Greeting } from './handshake.ts';
import { ingestBatchIn, readEvents, type BatchSource, type IngestResult, type ReadEvent } from './ingest.ts';
import { fromTransferable, type TransferableBatch } from './batch-transfer.ts';
import type { BatchReader } from './batch-reader.ts';

type Hello = invigilator.v1.Hello.$Properties;

/**
 * A unit of an agent's writing, with its frame as it arrived: the writer decodes and checks it (on a worker
 * thread, where the decoding costs the event loop nothing), unless the batch reader thread has already read
 * and judged the batch (`judged`).
 */
export type AgentWrite =
  | { kind: 'hello'; frame: Uint8Array; now: number }
  | BatchWrite
  | { kind: 'heartbeat'; deviceId: string; at: number; outboxDepth: number };
export interface BatchWrite { kind: 'batch'; frame: Uint8Array; device: DeviceRef; receivedAt: number; series: SeqSeries; judged?: TransferableBatch }

export interface AgentWriter {
  greet(write: Extract<AgentWrite, { kind: 'hello' }>): Promise<Greeting>;
  ingest(write: Extract<AgentWrite, { kind: 'batch' }>): Promise<IngestResult>;
  heartbeat(write: Extract<AgentWrite, { kind: 'heartbeat' }>): Promise<void>;
  close(): Promise<void>;
}

export type AgentWriteResult = Greeting | IngestResult | undefined;

/**
 * A heartbeat keeps a device's last seen time and the backlog its outbox still holds (shown on the device page);
 * a revoked device's is refused like its batches. One statement: the most frequent write of all.
 */
const recordHeartbeat = async (tx: StoreOps, write: Extract<AgentWrite, { kind: 'heartbeat' }>): Promise<void> => {
  if (!(await tx.recordHeartbeat(write.deviceId, write.at, write.outboxDepth))) throw new InvigilatorError('AUTH_REVOKED');
};

/** The frame's message, cleaned and checked against the field limits as the gateway does every frame. */
const frameOf = (bytes: Uint8Array) => fitToLimits(decodeFrame(bytes), 'refuse');

const helloOf = (write: { frame: Uint8Array }): Hello => {
  const frame = frameOf(write.frame);
  if (!frame.hello) throw new InvigilatorError('FRAME_UNEXPECTED', `A ${frame.body ?? 'empty'} frame arrived as a Hello.`);
  return frame.hello;
};
const eventsOf = (write: { frame: Uint8Array }): Event[] => {
  const frame = frameOf(write.frame);
  if (!frame.batch) throw new InvigilatorError('FRAME_UNEXPECTED', `A ${frame.body ?? 'empty'} frame arrived as a batch.`);
  return frame.batch.events ?? [];
};

/** The batch's events, decoded and checked (when the batch reader thread did not do it first). */
export const checkedEvents = (write: BatchWrite): ReadEvent[] => readEvents(eventsOf(write), write.receivedAt);

/**
 * The same on the batch reader thread, each observation's payload JSON written once: the walk over its fields
 * (fitToLimits) is skipped when that text shows the walk would change and refuse nothing. The same events, the
 * same refusals, in the same order.
 */
export const readAhead = (write: BatchWrite): ReadEvent[] => {
  const frame = decodeFrame(write.frame);
  if (!frame.batch) throw new InvigilatorError('FRAME_UNEXPECTED', `A ${frame.body ?? 'empty'} frame arrived as a batch.`);
  const events = frame.batch.events ?? [];
  const textOf = (event: Event): string | undefined => (event.observation ? JSON.stringify(observationToJson(event.observation)) : undefined);
  const texts = events.map((event, index) => {
    const text = textOf(event);
    if (text !== undefined && jsonWithinLimits(text)) return text;
    fitToLimits(event, 'refuse', `frame.batch.events[${index}]`);
    return textOf(event);
  });
  const read = readEvents(events, write.receivedAt);
  for (const [index, event] of read.entries()) {
    const text = texts[index];
    if (text !== undefined) event.payloadText = text;
  }
  return read;
};

/** The batch as the store takes it: judged ahead (and, should the pack have changed since, read again), or checked now. */
const batchSourceOf = (write: BatchWrite): BatchSource => (write.judged
  ? { judged: fromTransferable(write.judged), reread: () => checkedEvents(write) }
  : { events: checkedEvents(write) });

/**
 * Decodes the unit's frame and returns the work that stores it inside a transaction; decoding fails
 * here, before any transaction starts.
 */
export const prepareAgentWrite = (write: AgentWrite): ((tx: StoreOps) => Promise<AgentWriteResult>) => {
  switch (write.kind) {
    case 'hello': {
      const hello = helloOf(write);
      return (tx) => greetDeviceIn(tx, hello, write.now);
    }
    case 'batch': {
      const source = batchSourceOf(write);
      return (tx) => ingestBatchIn(tx, write.device, source, write.receivedAt, write.series);
    }
    case 'heartbeat': return (tx) => recordHeartbeat(tx, write).then(() => undefined);
  }
};

/**
 * Each unit in a transaction of its own on `store` (PostgreSQL, or a store a test wraps); batches read and judged
 * by `reader` first when there is one.
 */
export const createStoreAgentWriter = (store: Store, reader?: BatchReader): AgentWriter => ({
  greet: (write) => greetDevice(store, helloOf(write), write.now),
  ingest: async (write) => {
    // Checked before the transaction: a batch that cannot be stored holds no lock.
    const source = batchSourceOf(reader ? await reader.read(write) : write);
    const result = await store.transaction((tx) => ingestBatchIn(tx, write.device, source, write.receivedAt, write.series));
    reader?.learnPack(write.device.schoolId, result);
    return result;
  },
  // One statement: no transaction around it (on PostgreSQL, one round trip instead of three).
  heartbeat: (write) => recordHeartbeat(store, write),
  close: async () => undefined,
});
