// Small pieces the gateway uses to read and answer frames.
import { ERRORS, InvigilatorError, type ErrorCode } from '@invigilator/shared/errors.ts';
import { encodeFrame, v1, type DeviceFacts } from '@invigilator/shared/wire.ts';
import type { AgentSettings } from '@invigilator/shared/agent-config.ts';
import type { JsonObject } from '../store/types.ts';

/** WebSocket close codes the gateway uses (4xxx are ours, after HTTP's meaning). */
export const CLOSE = {
  normal: 1000,
  goingAway: 1001,
  internalError: 1011,
  badFrame: 4400,
  unauthenticated: 4401,
  revoked: 4403,
  /** A limit was reached (enrolments, connections): try again later. */
  limited: 4429,
} as const;

const CLOSE_CODE_OF: Partial<Record<ErrorCode, number>> = {
  AUTH_REQUIRED: CLOSE.unauthenticated,
  AUTH_FAILED: CLOSE.unauthenticated,
  ENROLMENT_SECRET_INVALID: CLOSE.unauthenticated,
  AUTH_REVOKED: CLOSE.revoked,
  FRAME_UNDECODABLE: CLOSE.badFrame,
  FRAME_TOO_LARGE: CLOSE.badFrame,
  FRAME_UNEXPECTED: CLOSE.badFrame,
  SEQUENCE_INVALID: CLOSE.badFrame,
  SEQUENCE_OUT_OF_RANGE: CLOSE.badFrame,
  SEQUENCE_SERIES_CHANGED: CLOSE.badFrame,
  FIELD_TOO_LARGE: CLOSE.badFrame,
  ENROLMENT_LIMIT_REACHED: CLOSE.limited,
  CONNECTION_LIMIT_REACHED: CLOSE.limited,
  BATCH_TOO_LARGE: CLOSE.badFrame,
};

export const closeCodeFor = (code: ErrorCode): number => CLOSE_CODE_OF[code] ?? CLOSE.internalError;

/** An Error frame: the catalogue sentence, never internal detail. */
export const errorFrame = (code: ErrorCode): Uint8Array => encodeFrame({ error: { code, message: ERRORS[code] } });

/** protobufjs hands 64-bit fields over as Long objects; seqs and times fit a double. */
export const toSafeNumber = (value: unknown): number => {
  const number = typeof value === 'number' ? value : Number(String(value ?? 0));
  if (!Number.isSafeInteger(number)) {
    throw new InvigilatorError('FRAME_UNDECODABLE', `The number ${String(value)} is out of range.`);
  }
  return number;
};

export const factsToJson = (facts: DeviceFacts | null | undefined): JsonObject =>
  v1.DeviceFacts.toObject(v1.DeviceFacts.fromObject(facts ?? {}), { enums: String, longs: Number, defaults: false });

export const agentConfigFrom = (settings: AgentSettings) => ({
  policyVersion: settings.policyVersion,
  checkSchedules: { ...settings.checkSchedules },
  removableMountRoots: [...settings.removableMountRoots],
  hashFileNames: settings.hashFileNames,
  heartbeatSeconds: settings.heartbeatSeconds,
  misuse: {
    safeguards: settings.misuse.safeguards,
    bypassTools: settings.misuse.bypassTools,
    bypassToolNames: [...settings.misuse.bypassToolNames],
    approvedTools: [...settings.misuse.approvedTools],
    downloads: settings.misuse.downloads,
    downloadExtensions: [...settings.misuse.downloadExtensions],
    publicWifi: settings.misuse.publicWifi,
    schoolSsids: [...settings.misuse.schoolSsids],
  },
});

/** Frame field 5 (`batch`), length-delimited: the tag byte a batch frame starts with. */
const BATCH_TAG = (5 << 3) | 2;

/**
 * True when the bytes are a frame holding an event batch and nothing else (its one field spans the rest):
 * the gateway hands such a frame to the writer undecoded, which decodes and checks it off the event loop.
 * Anything else, malformed included, is decoded here as before.
 */
export const isBatchFrame = (bytes: Uint8Array): boolean => {
  if (bytes[0] !== BATCH_TAG) return false;
  let length = 0;
  for (let at = 1, shift = 0; at < bytes.length && at <= 5; at += 1, shift += 7) {
    const byte = bytes[at] ?? 0;
    length += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return at + 1 + length === bytes.length;
  }
  return false;
};
