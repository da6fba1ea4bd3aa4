// What a greeted connection writes: its Hello, its event batches, its heartbeats. Each is one
// unit of work, committed before its answer goes back; how units reach the store (one
// transaction each, or many in a group commit on a worker thread) is the writer's choice.
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { fitToLimits } from '@invigilator/shared/field-limits.ts';
import { decodeFrame, type Event } from '@invigilator/shared/wire.ts';
import type { invigilator } from '@invigilator/shared/generated/invigilator.js';
import type { DeviceRef } from '../alerts/rules.ts';
import type { SeqSeries, Store, StoreOps } from '../store/types.ts';
import { greetDevice, greetDeviceIn, type Greeting } from './handshake.ts';
import { ingestBatch, ingestBatchIn, type IngestResult } from './ingest.ts';

type Hello = invigilator.v1.Hello.$Properties;

/**
 * A unit of an agent's writing, with its frame as it arrived: the writer decodes and checks it (on a worker
 * thread, where the decoding costs the event loop nothing).
 */
export type AgentWrite =
  | { kind: 'hello'; frame: Uint8Array; now: number }
  | { kind: 'batch'; frame: Uint8Array; device: DeviceRef; receivedAt: number; series: SeqSeries }
  | { kind: 'heartbeat'; deviceId: string; at: number };

export interface AgentWriter {
  greet(write: Extract<AgentWrite, { kind: 'hello' }>): Promise<Greeting>;
  ingest(write: Extract<AgentWrite, { kind: 'batch' }>): Promise<IngestResult>;
  heartbeat(write: Extract<AgentWrite, { kind: 'heartbeat' }>): Promise<void>;
  close(): Promise<void>;
}

export type AgentWriteResult = Greeting | IngestResult | undefined;

/** A heartbeat keeps a device's last seen time; a revoked device's is refused like its batches. */
const recordHeartbeat = async (tx: StoreOps, deviceId: string, at: number): Promise<void> => {
  const device = await tx.getDevice(deviceId);
  if (!device || device.revokedAt !== null) throw new InvigilatorError('AUTH_REVOKED');
  await tx.markDeviceSeen(deviceId, at);
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
      const events = eventsOf(write);
      return (tx) => ingestBatchIn(tx, write.device, events, write.receivedAt, write.series);
    }
    case 'heartbeat': return (tx) => recordHeartbeat(tx, write.deviceId, write.at).then(() => undefined);
  }
};

/** Each unit in a transaction of its own on `store` (PostgreSQL, or a store a test wraps). */
export const createStoreAgentWriter = (store: Store): AgentWriter => ({
  greet: (write) => greetDevice(store, helloOf(write), write.now),
  ingest: async (write) => ingestBatch(store, write.device, eventsOf(write), write.receivedAt, write.series),
  heartbeat: (write) => store.transaction((tx) => recordHeartbeat(tx, write.deviceId, write.at)),
  close: async () => undefined,
});
