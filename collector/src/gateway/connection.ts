// One agent connection: the first frame authenticates (or enrols), then event batches
// and heartbeats follow. Frames are handled strictly in arrival order, one at a time:
// the socket is not read while a frame waits for the store.
import type { RawData, WebSocket } from 'ws';
import { codeOf, ERRORS, InvigilatorError, type ErrorCode } from '@invigilator/shared/errors.ts';
import type { Logger } from '@invigilator/shared/logger.ts';
import { fitToLimits } from '@invigilator/shared/field-limits.ts';
import { decodeFrame, encodeFrame } from '@invigilator/shared/wire.ts';
import type { invigilator } from '@invigilator/shared/generated/invigilator.js';
import type { Metrics } from '../metrics.ts';
import type { SeqSeries, Store } from '../store/types.ts';
import { CLOSE, closeCodeFor, errorFrame, isBatchFrame } from './frames.ts';
import type { DeviceRef } from '../alerts/rules.ts';
import { enrolDevice } from './handshake.ts';
import { createStoreAgentWriter, type AgentWriter } from './agent-writes.ts';

export interface ConnectionDeps {
  store: Store;
  logger: Logger;
  metrics: Metrics;
  now: () => number;
  /** How long a connection may stay open without a Hello or EnrolRequest; 10 s unless set. */
  authTimeoutMs?: number;
  /** Where a greeted connection registers, so revoking its device closes it at once. */
  liveDevices?: LiveDevices;
  /** How Hellos, batches and heartbeats reach the store; one transaction each on `store` unless set. */
  writer?: AgentWriter;
}

/** The greeted connections of each device; `revoke` closes every one of a device's with AUTH_REVOKED. */
export const createLiveDevices = () => {
  const closers = new Map<string, Set<() => void>>();
  return {
    /** Registers a connection's closer; returns its unregistration. */
    add(deviceId: string, close: () => void): () => void {
      const set = closers.get(deviceId) ?? new Set();
      closers.set(deviceId, set.add(close));
      return () => {
        set.delete(close);
        if (set.size === 0) closers.delete(deviceId);
      };
    },
    /** Closes the device's connections; how many there were. */
    revoke(deviceId: string): number {
      const set = [...(closers.get(deviceId) ?? [])];
      for (const close of set) close();
      return set.length;
    },
  };
};
export type LiveDevices = ReturnType<typeof createLiveDevices>;

const AUTH_TIMEOUT_MS = 10_000;

type Frame = invigilator.v1.Frame;

const toBytes = (data: RawData): Buffer =>
  Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);

/** `onAuthenticated` runs once the first frame has identified the device (the pre-authentication limits end). */
export const serveConnection = (socket: WebSocket, remote: string, deps: ConnectionDeps, onAuthenticated: () => void = () => undefined): void => {
  const { store, logger, metrics, now } = deps;
  const writer = deps.writer ?? createStoreAgentWriter(store);
  let device: DeviceRef | undefined;
  let series: SeqSeries | undefined;
  let closing = false;
  let pending: Promise<void> = Promise.resolve();
  let framesInHand = 0;

  const send = (bytes: Uint8Array): void => {
    if (socket.readyState === socket.OPEN) socket.send(bytes);
  };
  const close = (code: number, reason: string): void => {
    closing = true;
    socket.close(code, reason);
  };

  /** Refuses the frame: logged, counted, told to the agent, connection closed. */
  const refuse = (code: ErrorCode, detail: string | undefined): void => {
    metrics.framesRejected.add(1, code);
    logger.warn({ code, deviceId: device?.id, remote, detail }, 'Agent frame refused; connection closed.');
    send(errorFrame(code));
    close(closeCodeFor(code), code);
  };

  // A connection that never identifies itself would otherwise hold a socket for as long as it likes.
  const authDeadline = setTimeout(() => {
    if (!device && !closing) refuse('AUTH_REQUIRED', 'No Hello or enrolment arrived in time.');
  }, deps.authTimeoutMs ?? AUTH_TIMEOUT_MS);
  authDeadline.unref();

  const firstFrame = async (frame: Frame, bytes: Uint8Array): Promise<void> => {
    if (frame.body === 'enrolRequest' && frame.enrolRequest) {
      const enrolled = await enrolDevice(store, frame.enrolRequest, now());
      device = enrolled.device;
      clearTimeout(authDeadline);
      onAuthenticated();
      logger.info({ deviceId: device.id, schoolId: device.schoolId, remote }, 'Device enrolled.');
      if (enrolled.clash) {
        logger.warn({ deviceId: device.id, duplicateOf: enrolled.clash.original.id, remote },
          `A device enrolled that ${enrolled.clash.reason}, already enrolled; it is flagged until an admin confirms it.`);
      }
      send(encodeFrame({ enrolResponse: enrolled.response }));
      close(CLOSE.normal, 'enrolled');
      return;
    }
    if (frame.body === 'hello' && frame.hello) {
      const greeted = await writer.greet({ kind: 'hello', frame: bytes, now: now() });
      device = greeted.device;
      series = greeted.series.series;
      clearTimeout(authDeadline);
      onAuthenticated();
      if (greeted.series.restarted) {
        logger.warn({ code: 'SEQUENCE_SERIES_RESTARTED', deviceId: device.id, remote, offset: series.offset },
          `${ERRORS.SEQUENCE_SERIES_RESTARTED} (${greeted.series.restarted})`);
      }
      const unregister = deps.liveDevices?.add(device.id, () => {
        if (!closing) refuse('AUTH_REVOKED', 'An administrator revoked the device while it was connected.');
      });
      if (unregister) socket.on('close', unregister);
      send(encodeFrame({ welcome: greeted.welcome }));
      return;
    }
    throw new InvigilatorError('AUTH_REQUIRED');
  };

  // Revoked from another process (the CLI) while connected: each write checks, so it is refused at its next frame.
  const storeBatch = async (bytes: Uint8Array, known: DeviceRef): Promise<void> => {
    const started = performance.now();
    const result = await writer.ingest({
      kind: 'batch', frame: bytes, device: known, receivedAt: now(), series: series ?? { outboxId: null, offset: 0 },
    });
    metrics.ingestCommitSeconds.observe((performance.now() - started) / 1000);
    metrics.eventsIngested.add(result.stored);
    metrics.duplicatesIgnored.add(result.duplicates);
    if (result.unknownChecks.length > 0) {
      logger.warn({ code: 'CHECK_UNKNOWN', deviceId: known.id, checks: result.unknownChecks },
        'Stored observations of checks this collector cannot judge; upgrade the collector.');
    }
    if (result.timesReplaced > 0) {
      logger.warn({ code: 'EVENT_TIME_INVALID', deviceId: known.id, events: result.timesReplaced },
        'Stored events with the time they were received: the device reported times that cannot be right.');
    }
    send(encodeFrame({ ack: { upToSeq: result.upToSeq } }));
  };

  const laterFrame = async (frame: Frame, bytes: Uint8Array, known: DeviceRef): Promise<void> => {
    if (frame.body === 'batch' && frame.batch) return storeBatch(bytes, known);
    if (frame.body === 'heartbeat') {
      await writer.heartbeat({ kind: 'heartbeat', deviceId: known.id, at: now() });
      return;
    }
    throw new InvigilatorError('FRAME_UNEXPECTED', `A ${frame.body ?? 'empty'} frame is not accepted from an agent.`);
  };

  const handle = async (data: RawData, isBinary: boolean): Promise<void> => {
    if (closing) return;
    try {
      if (!isBinary) throw new InvigilatorError('FRAME_UNDECODABLE', 'A text frame arrived; agents send binary frames.');
      const bytes = toBytes(data);
      if (device && isBatchFrame(bytes)) {
        // The writer decodes and checks it, on its own thread where it has one.
        metrics.framesReceived.add(1, 'batch');
        await storeBatch(bytes, device);
        return;
      }
      // Cleaned and checked against the field limits before anything reads it.
      const frame = fitToLimits(decodeFrame(bytes), 'refuse');
      metrics.framesReceived.add(1, frame.body ?? 'none');
      await (device ? laterFrame(frame, bytes, device) : firstFrame(frame, bytes));
    } catch (error) {
      const code = codeOf(error);
      // Our failure, not the agent's (database, a stored pack that no longer validates, a bug).
      if (closeCodeFor(code) === CLOSE.internalError) {
        metrics.framesRejected.add(1, code);
        logger.error({ code, deviceId: device?.id, remote, err: error }, 'Could not store what an agent sent; '
          + 'closed without acknowledging so it sends again.');
        close(CLOSE.internalError, code);
        return;
      }
      refuse(code, error instanceof InvigilatorError ? error.detail : undefined);
    }
  };

  // Paused while frames are in hand, so a client cannot queue unbounded frames in memory;
  // frames ws had already read still arrive and wait their turn.
  socket.on('message', (data, isBinary) => {
    // The first frame has arrived: it identifies the device or is refused, however long the store takes to answer.
    clearTimeout(authDeadline);
    framesInHand += 1;
    socket.pause();
    pending = pending.then(() => handle(data, isBinary)).finally(() => {
      framesInHand -= 1;
      // Resumed even when closing: the peer's close frame must still be read.
      if (framesInHand === 0) socket.resume();
    });
  });
  socket.on('close', () => clearTimeout(authDeadline));
  socket.on('error', (error) => {
    // ws reports an over-limit frame here and has already closed the connection with 1009.
    const code: ErrorCode = (error as { code?: string }).code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH'
      ? 'FRAME_TOO_LARGE' : 'FRAME_UNDECODABLE';
    metrics.framesRejected.add(1, code);
    logger.warn({ code, deviceId: device?.id, remote, detail: error.message }, 'Agent connection failed.');
    closing = true;
  });
};
