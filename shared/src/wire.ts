import protobuf from 'protobufjs/minimal.js';
import { invigilator } from './generated/invigilator.js';
import { InvigilatorError } from './errors.ts';

// 64-bit fields (sequence numbers, epoch milliseconds) decode as plain numbers:
// both stay far below 2^53, and numbers go straight into SQL and JSON.
protobuf.util.Long = undefined as unknown as typeof protobuf.util.Long;
protobuf.configure();

export const v1 = invigilator.v1;
export type Frame = invigilator.v1.IFrame;
export type Event = invigilator.v1.IEvent;
export type Observation = invigilator.v1.IObservation;
export type MisuseEvent = invigilator.v1.IMisuseEvent;
export type AgentStopping = invigilator.v1.IAgentStopping;
export type RemovableDevice = invigilator.v1.IRemovableDevice;
export type ScreenLockFacts = invigilator.v1.IScreenLockFacts;
export type AgentConfig = invigilator.v1.IAgentConfig;
export type DeviceFacts = invigilator.v1.IDeviceFacts;
export const { Tri, CollectionStatus, FirewallAction, VolumeRole, MisuseKind, Platform, StopReason } = invigilator.v1;
export type Tri = invigilator.v1.Tri;
export type CollectionStatus = invigilator.v1.CollectionStatus;
export type FirewallAction = invigilator.v1.FirewallAction;
export type VolumeRole = invigilator.v1.VolumeRole;
export type MisuseKind = invigilator.v1.MisuseKind;
export type Platform = invigilator.v1.Platform;
export type StopReason = invigilator.v1.StopReason;

/**
 * Highest event sequence number either side accepts: an agent numbering a thousand events a second
 * reaches it in 34 years, and it leaves room to renumber within what a JavaScript number holds exactly.
 */
/** The name a SAFEGUARD_DISABLED event gives the agent's own service, on every platform: the collector routes it apart. */
export const AGENT_SERVICE_SAFEGUARD = 'the Invigilator agent service';

export const MAX_SEQ = 2 ** 40;

/**
 * The collector's own connectors (Google Admin, for Chromebooks) number a device's events from here up, in a series of
 * their own: far above anything a device's numbers reach, even renumbered above what the collector holds, and still
 * exact in a JavaScript number (below 2^53). See collector/src/gateway/ingest.ts.
 */
export const CONNECTOR_SEQ_BASE = 2 ** 52;

/** Largest frame either side accepts (an event batch of a few hundred events fits). */
export const MAX_FRAME_BYTES = 1024 * 1024;

export const encodeFrame = (frame: Frame): Uint8Array => {
  const bytes = v1.Frame.encode(frame).finish();
  if (bytes.length > MAX_FRAME_BYTES) {
    throw new InvigilatorError('FRAME_TOO_LARGE', `${bytes.length} bytes > ${MAX_FRAME_BYTES}.`);
  }
  return bytes;
};

/** Decodes one frame; throws a coded error for anything that is not a whole, known frame. */
export const decodeFrame = (bytes: Uint8Array): invigilator.v1.Frame => {
  if (bytes.length > MAX_FRAME_BYTES) {
    throw new InvigilatorError('FRAME_TOO_LARGE', `${bytes.length} bytes > ${MAX_FRAME_BYTES}.`);
  }
  let frame: invigilator.v1.Frame;
  try {
    frame = v1.Frame.decode(bytes);
  } catch (error) {
    throw new InvigilatorError('FRAME_UNDECODABLE', (error as Error).message, { cause: error });
  }
  if (!frame.body) throw new InvigilatorError('FRAME_UNDECODABLE', 'The frame carries no message.');
  return frame;
};

/** Plain-object form for JSON storage and the API: enums as names, 64-bit ints as numbers. */
const JSON_FORM = { enums: String, longs: Number, defaults: false } as const;

// A decoded message converts as it is; a plain object is made a message first.
export const observationToJson = (observation: Observation): Record<string, unknown> =>
  v1.Observation.toObject(observation instanceof v1.Observation ? observation : v1.Observation.fromObject(observation), JSON_FORM);

export const misuseToJson = (misuse: MisuseEvent): Record<string, unknown> =>
  v1.MisuseEvent.toObject(misuse instanceof v1.MisuseEvent ? misuse : v1.MisuseEvent.fromObject(misuse), JSON_FORM);

export const stoppingToJson = (stopping: AgentStopping): Record<string, unknown> =>
  v1.AgentStopping.toObject(stopping instanceof v1.AgentStopping ? stopping : v1.AgentStopping.fromObject(stopping), JSON_FORM);
