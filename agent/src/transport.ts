// Moves events from the outbox to the collector over one WebSocket: Hello →
// Welcome, then one EventBatch in flight at a time, each removed from the outbox
// only when the collector's Ack says it is committed. Reconnects with capped,
// fully jittered exponential backoff.
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import WebSocket, { type RawData } from 'ws';
import { ERRORS, InvigilatorError, isErrorCode, type ErrorCode } from '@invigilator/shared/errors.ts';
import type { Logger } from '@invigilator/shared/logger.ts';
import { decodeFrame, encodeFrame, MAX_FRAME_BYTES, v1, type AgentConfig, type DeviceFacts, type Frame } from '@invigilator/shared/wire.ts';
import type { invigilator } from '@invigilator/shared/generated/invigilator.js';
import type { TLSSocket } from 'node:tls';
import { chainFingerprints, showFingerprint, type CollectorTrust } from './collector-trust.ts';
import type { Outbox } from './outbox.ts';

type DecodedFrame = invigilator.v1.Frame;
type Welcome = invigilator.v1.IWelcome;

export const BATCH_MAX_EVENTS = 500;
export const BATCH_MAX_BYTES = MAX_FRAME_BYTES / 2;

export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
  /** After AUTH_FAILED / AUTH_REVOKED: retrying fast cannot fix a credential. */
  authFailureMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 1_000, maxMs: 5 * 60_000, authFailureMs: 30 * 60_000 };

/** Full jitter: a random wait between 0 and the capped exponential step. */
export const backoffDelay = (attempt: number, options: BackoffOptions, random: () => number = Math.random): number =>
  Math.round(random() * Math.min(options.maxMs, options.initialMs * 2 ** Math.min(attempt, 30)));

export interface TransportState {
  connected: boolean;
  lastAckAtMs: number | null;
  lastAckSeq: number | null;
  lastError: { code: ErrorCode; message: string } | null;
}

export interface TransportOptions {
  collectorUrl: string;
  deviceId: string;
  deviceCredential: string;
  facts: () => Promise<DeviceFacts>;
  outbox: Outbox;
  logger: Logger;
  caFile?: string;
  /** The collector certificate's SHA-256 pinned at enrolment. */
  pinSha256?: string;
  /** A Welcome or a pushed AgentConfig: the scheduler re-applies it. */
  onConfig?: (config: AgentConfig) => void;
  backoff?: BackoffOptions;
  random?: () => number;
  pingIntervalMs?: number;
  /** No Ack for the batch in flight within this time: drop the connection and send again. */
  ackTimeoutMs?: number;
  heartbeatSeconds?: number;
}

/** ws://host[:port][/base] → ws://host[:port][/base]/agent; anything but ws/wss is refused. */
export const agentEndpoint = (collectorUrl: string): string => {
  let url: URL;
  try {
    url = new URL(collectorUrl);
  } catch {
    throw new InvigilatorError('CONFIG_INVALID', `The collector address "${collectorUrl}" is not a URL (expected https://host, wss://host or http://host:port).`);
  }
  // The collector prints its http(s):// address; the agent speaks WebSocket on the same host and port.
  if (url.protocol === 'http:' || url.protocol === 'https:') url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') {
    throw new InvigilatorError('CONFIG_INVALID', `The collector address must start with https://, wss://, http:// or ws://, not ${url.protocol}//.`);
  }
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/agent`;
  return url.toString();
};

/** What the collector's TLS showed when the connection was upgraded: its chain, and whether the system trusts it. */
export interface PresentedChain { fingerprints: string[]; trusted: boolean }

/** Why the chain the collector presented is not to be talked to, if it is not. */
const refusalOf = (trust: CollectorTrust, chain: PresentedChain): InvigilatorError | undefined => {
  const shown = chain.fingerprints.map(showFingerprint);
  if (trust.pinSha256) {
    return chain.fingerprints.includes(trust.pinSha256) ? undefined
      : new InvigilatorError('TLS_FINGERPRINT_MISMATCH', `(expected ${showFingerprint(trust.pinSha256)}, the collector showed ${shown.join(', ') || 'none'})`);
  }
  if (trust.firstUse === 'show' && !chain.trusted) {
    const top = shown.at(-1) ?? 'none';
    return new InvigilatorError('ENROLMENT_FAILED', `(the collector's certificate is not one this device trusts; it presented SHA256 ${top}. `
      + `If that is the fingerprint the collector printed, enrol again with --fingerprint ${top.replaceAll(':', '')}, or give --ca-file)`);
  }
  return undefined;
};

const openSocket = (collectorUrl: string, trust: CollectorTrust, onChain?: (chain: PresentedChain) => void): WebSocket => {
  let ca: Buffer | undefined;
  if (trust.caFile) {
    try {
      ca = readFileSync(trust.caFile);
    } catch (error) {
      throw new InvigilatorError('TLS_CA_UNREADABLE', `(${trust.caFile}: ${(error as Error).message})`, { cause: error });
    }
  }
  // A pin replaces the name and CA checks: only the pinned certificate's holder can complete the upgrade.
  const checkedHere = Boolean(trust.pinSha256 || trust.firstUse);
  const socket = new WebSocket(agentEndpoint(collectorUrl), {
    maxPayload: MAX_FRAME_BYTES, handshakeTimeout: 15_000, ...(ca ? { ca } : {}), ...(checkedHere ? { rejectUnauthorized: false } : {}),
  });
  socket.on('upgrade', (response) => {
    const tlsSocket = response.socket as TLSSocket;
    if (typeof tlsSocket.getPeerCertificate !== 'function') return; // plain ws:// (loopback, or forced)
    const chain = { fingerprints: chainFingerprints(tlsSocket), trusted: tlsSocket.authorized };
    onChain?.(chain);
    const refusal = refusalOf(trust, chain);
    if (refusal) {
      socket.emit('error', refusal);
      socket.terminate();
    }
  });
  return socket;
};

const bytesOf = (data: RawData): Uint8Array =>
  Array.isArray(data) ? Buffer.concat(data) : data instanceof ArrayBuffer ? new Uint8Array(data) : data;

/** The collector's coded error as ours: its message already starts with the code's sentence, kept once. */
const remoteError = (code: string, message: string): InvigilatorError => {
  const known = isErrorCode(code) ? code : 'INTERNAL';
  const detail = message.startsWith(ERRORS[known]) ? message.slice(ERRORS[known].length).trim() : message;
  return new InvigilatorError(known, detail || undefined);
};

export class Transport extends EventEmitter<{ state: [TransportState] }> {
  readonly #options: TransportOptions;
  readonly #backoff: BackoffOptions;
  readonly #random: () => number;
  #socket: WebSocket | undefined;
  #state: TransportState = { connected: false, lastAckAtMs: null, lastAckSeq: null, lastError: null };
  #attempt = 0;
  /** The back-off resets on a connection's first Ack, not its Welcome: a collector that welcomes but cannot store is not healthy. */
  #ackedOnConnection = false;
  #authRejected = false;
  #inFlightUpTo: number | null = null;
  #heartbeatSeconds: number;
  #stopped = true;
  #drainQueued = false;
  readonly #timers = new Map<'reconnect' | 'heartbeat' | 'ping' | 'ack' | 'welcome', NodeJS.Timeout>();

  constructor(options: TransportOptions) {
    super();
    this.#options = options;
    this.#backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.#random = options.random ?? Math.random;
    this.#heartbeatSeconds = options.heartbeatSeconds ?? 30;
  }

  get state(): TransportState {
    return { ...this.#state };
  }

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#connect();
  }

  /** Closes the connection cleanly and cancels every timer; resolves once the socket is closed. */
  async stop(): Promise<void> {
    this.#stopped = true;
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    const socket = this.#socket;
    if (!socket || socket.readyState === WebSocket.CLOSED) return;
    await new Promise<void>((resolve) => {
      const force = setTimeout(() => socket.terminate(), 2_000);
      socket.once('close', () => { clearTimeout(force); resolve(); });
      if (socket.readyState === WebSocket.CONNECTING) socket.terminate();
      else socket.close(1000, 'agent stopping');
    });
  }

  /**
   * Before a stop: sends what the outbox holds. Resolves true once all of it is acknowledged, false at the
   * deadline or when the collector cannot be reached now (it stays in the outbox for the next start).
   */
  async flush(timeoutMs: number): Promise<boolean> {
    if (this.#stopped || this.#options.outbox.depth() === 0) return this.#options.outbox.depth() === 0;
    // A reconnect waiting out its back-off is tried now: there is no later.
    const retrying = !this.#socket && this.#timers.has('reconnect');
    if (retrying) {
      this.#clearTimer('reconnect');
      this.#connect();
    }
    const socket = this.#socket;
    return new Promise((resolve) => {
      const finish = (sent: boolean): void => {
        clearTimeout(deadline);
        this.off('state', onState);
        socket?.off('close', onClose);
        resolve(sent);
      };
      const onState = (): void => { if (this.#options.outbox.depth() === 0) finish(true); };
      const onClose = (): void => finish(this.#options.outbox.depth() === 0);
      const deadline = setTimeout(() => finish(false), timeoutMs);
      this.on('state', onState);
      // This connection was the one chance: once it closes, the collector is not reachable before the stop.
      if (socket) socket.once('close', onClose);
      else finish(false);
      this.wake();
    });
  }

  /** New events are in the outbox: send them if nothing is in flight. */
  wake(): void {
    if (this.#drainQueued) return;
    this.#drainQueued = true;
    setImmediate(() => {
      this.#drainQueued = false;
      this.#drain();
    });
  }

  /** The collector changed the heartbeat interval. */
  setHeartbeatSeconds(seconds: number): void {
    if (!(seconds > 0) || seconds === this.#heartbeatSeconds) return;
    this.#heartbeatSeconds = seconds;
    if (this.#state.connected) this.#startHeartbeat();
  }

  #connect(): void {
    if (this.#stopped) return;
    let socket: WebSocket;
    try {
      socket = openSocket(this.#options.collectorUrl, this.#options);
    } catch (error) {
      const failure = error instanceof InvigilatorError ? error : new InvigilatorError('COLLECTOR_UNREACHABLE', (error as Error).message);
      this.#fail(failure, 'error');
      this.#scheduleReconnect();
      return;
    }
    this.#socket = socket;
    this.#ackedOnConnection = false;
    let alive = true;
    socket.on('open', () => {
      void this.#options.facts().then((facts) => {
        if (socket.readyState !== WebSocket.OPEN) return;
        const { outboxId, highestSeq } = this.#options.outbox.identity();
        this.#send(socket, {
          hello: { deviceId: this.#options.deviceId, deviceCredential: this.#options.deviceCredential, facts, outboxId, highestSeq },
        });
        this.#setTimer('welcome', 30_000, () => {
          this.#fail(new InvigilatorError('COLLECTOR_UNREACHABLE', '(the collector did not answer the greeting)'), 'warn');
          socket.terminate();
        });
      });
    });
    socket.on('pong', () => { alive = true; });
    socket.on('message', (data, isBinary) => this.#onMessage(socket, data, isBinary));
    socket.on('error', (error) => (error instanceof InvigilatorError
      ? this.#fail(error, 'error')
      : this.#fail(new InvigilatorError('COLLECTOR_UNREACHABLE', `(${error.message})`), 'warn')));
    socket.on('close', () => this.#onClose(socket));
    // ws ping/pong: a connection that stops answering is closed and reconnected.
    const pingEvery = this.#options.pingIntervalMs ?? 30_000;
    const ping = (): void => {
      if (socket.readyState !== WebSocket.OPEN) return this.#setTimer('ping', pingEvery, ping);
      if (!alive) {
        this.#fail(new InvigilatorError('COLLECTOR_UNREACHABLE', '(the connection stopped answering)'), 'warn');
        socket.terminate();
        return;
      }
      alive = false;
      socket.ping();
      this.#setTimer('ping', pingEvery, ping);
    };
    this.#setTimer('ping', pingEvery, ping);
  }

  #onMessage(socket: WebSocket, data: RawData, isBinary: boolean): void {
    let frame: DecodedFrame;
    try {
      if (!isBinary) throw new InvigilatorError('FRAME_UNDECODABLE', '(a text message; only binary frames are used)');
      frame = decodeFrame(bytesOf(data));
    } catch (error) {
      this.#fail(error instanceof InvigilatorError ? error : new InvigilatorError('FRAME_UNDECODABLE'), 'warn');
      socket.close(1002, 'undecodable frame');
      return;
    }
    switch (frame.body) {
      case 'welcome': return this.#onWelcome(socket, frame.welcome as Welcome);
      case 'ack': return this.#onAck(socket, Number(frame.ack?.upToSeq ?? 0));
      case 'config': return this.#applyConfig(frame.config ?? undefined);
      case 'error': return this.#onRemoteError(socket, frame.error?.code ?? '', frame.error?.message ?? '');
      default:
        this.#fail(new InvigilatorError('FRAME_UNEXPECTED', `(${frame.body})`), 'warn');
        socket.close(1002, 'unexpected frame');
    }
  }

  #onWelcome(socket: WebSocket, welcome: Welcome): void {
    this.#clearTimer('welcome');
    this.#authRejected = false;
    const committedSeq = Number(welcome.committedSeq);
    if (welcome.newSeries) {
      this.#options.logger.warn({ code: 'SEQUENCE_SERIES_RESTARTED' }, `${ERRORS.SEQUENCE_SERIES_RESTARTED} Every unsent event will be stored.`);
    }
    // A recreated outbox is renumbered above what the collector holds before anything is acknowledged.
    if (!this.#updateOutbox(socket, () => {
      this.#options.outbox.continueAbove(committedSeq);
      this.#options.outbox.ackUpTo(committedSeq);
    })) return;
    this.#applyConfig(welcome.config ?? undefined);
    this.#update({ connected: true, lastError: null });
    this.#options.logger.info({ committedSeq }, 'Connected to the collector.');
    this.#startHeartbeat();
    this.#drain();
  }

  #onAck(socket: WebSocket, upToSeq: number): void {
    this.#clearTimer('ack');
    if (!this.#ackedOnConnection) {
      this.#ackedOnConnection = true;
      this.#attempt = 0;
    }
    if (!this.#updateOutbox(socket, () => this.#options.outbox.ackUpTo(upToSeq))) return;
    this.#inFlightUpTo = null;
    this.#update({ lastAckAtMs: Date.now(), lastAckSeq: upToSeq });
    this.#drain();
  }

  /** An outbox that cannot be updated ends the connection: the next Welcome tells again what is committed. */
  #updateOutbox(socket: WebSocket, update: () => void): boolean {
    try {
      update();
      return true;
    } catch (error) {
      this.#fail(error instanceof InvigilatorError ? error : new InvigilatorError('OUTBOX_WRITE_FAILED', `(${(error as Error).message})`), 'error');
      socket.close(1011, 'outbox unusable');
      return false;
    }
  }

  #applyConfig(config: AgentConfig | undefined): void {
    if (!config) return;
    if (config.heartbeatSeconds) this.setHeartbeatSeconds(config.heartbeatSeconds);
    this.#options.onConfig?.(config);
  }

  #onRemoteError(socket: WebSocket, code: string, message: string): void {
    const error = remoteError(code, message);
    if (code === 'AUTH_FAILED' || code === 'AUTH_REVOKED') this.#authRejected = true;
    this.#fail(error, this.#authRejected ? 'error' : 'warn');
    socket.close(1000, 'collector reported an error');
  }

  #onClose(socket: WebSocket): void {
    if (this.#socket !== socket) return;
    this.#socket = undefined;
    this.#inFlightUpTo = null;
    for (const name of ['heartbeat', 'ping', 'ack', 'welcome'] as const) this.#clearTimer(name);
    if (this.#state.connected) this.#update({ connected: false });
    this.#scheduleReconnect();
  }

  #scheduleReconnect(): void {
    if (this.#stopped) return;
    const delayMs = this.#authRejected
      ? Math.round(this.#backoff.authFailureMs * (0.5 + this.#random() / 2))
      : backoffDelay(this.#attempt, this.#backoff, this.#random);
    this.#attempt += 1;
    this.#options.logger.info({ delayMs, attempt: this.#attempt }, 'Reconnecting to the collector after a pause.');
    this.#setTimer('reconnect', delayMs, () => this.#connect());
  }

  #drain(): void {
    const socket = this.#socket;
    if (!socket || !this.#state.connected || this.#inFlightUpTo !== null || socket.readyState !== WebSocket.OPEN) return;
    const stored = this.#options.outbox.peek(BATCH_MAX_EVENTS, BATCH_MAX_BYTES);
    if (stored.length === 0) return;
    const events = stored.map((event) => v1.Event.decode(event.bytes));
    this.#inFlightUpTo = stored.at(-1)?.seq ?? null;
    if (!this.#send(socket, { batch: { events } })) return;
    this.#setTimer('ack', this.#options.ackTimeoutMs ?? 60_000, () => {
      this.#fail(new InvigilatorError('COLLECTOR_UNREACHABLE', '(no acknowledgement for the events sent; they will be sent again)'), 'warn');
      socket.terminate();
    });
  }

  #startHeartbeat(): void {
    const beat = (): void => {
      const socket = this.#socket;
      if (socket?.readyState !== WebSocket.OPEN) return;
      this.#send(socket, { heartbeat: { sentAtMs: Date.now(), outboxDepth: this.#options.outbox.depth() } });
      this.#setTimer('heartbeat', this.#heartbeatSeconds * 1000, beat);
    };
    this.#setTimer('heartbeat', this.#heartbeatSeconds * 1000, beat);
  }

  #send(socket: WebSocket, frame: Frame): boolean {
    try {
      socket.send(encodeFrame(frame));
      return true;
    } catch (error) {
      this.#fail(error instanceof InvigilatorError ? error : new InvigilatorError('COLLECTOR_UNREACHABLE', (error as Error).message), 'warn');
      socket.terminate();
      return false;
    }
  }

  #fail(error: InvigilatorError, level: 'warn' | 'error'): void {
    this.#options.logger[level]({ code: error.code, collector: this.#options.collectorUrl }, error.message);
    this.#update({ lastError: { code: error.code, message: error.message } });
  }

  #update(change: Partial<TransportState>): void {
    this.#state = { ...this.#state, ...change };
    this.emit('state', this.state);
  }

  #setTimer(name: 'reconnect' | 'heartbeat' | 'ping' | 'ack' | 'welcome', ms: number, run: () => void): void {
    this.#clearTimer(name);
    if (this.#stopped) return;
    this.#timers.set(name, setTimeout(run, ms));
  }

  #clearTimer(name: 'reconnect' | 'heartbeat' | 'ping' | 'ack' | 'welcome'): void {
    clearTimeout(this.#timers.get(name));
    this.#timers.delete(name);
  }
}

export interface EnrolResult {
  deviceId: string;
  deviceCredential: string;
  schoolId: string;
  /** Set when the collector's certificate is pinned from now on (given, or accepted on first use). */
  pinSha256?: string;
}

/** Swaps the school's enrolment secret for a device credential over the same endpoint. */
export const enrol = (collectorUrl: string, secret: string, facts: DeviceFacts, trust: CollectorTrust = {}, timeoutMs = 30_000): Promise<EnrolResult> =>
  new Promise((resolve, reject) => {
    let pinSha256 = trust.pinSha256;
    // On first use an untrusted chain is accepted and pinned: the certificate the collector presents last (its CA).
    const socket = openSocket(collectorUrl, trust, (chain) => {
      if (!pinSha256 && trust.firstUse === 'accept' && !chain.trusted) pinSha256 = chain.fingerprints.at(-1);
    });
    let settled = false;
    const finish = (outcome: EnrolResult | InvigilatorError): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.close(1000, 'enrolment done');
      if (outcome instanceof InvigilatorError) reject(outcome);
      else resolve(outcome);
    };
    const timer = setTimeout(() => finish(new InvigilatorError('ENROLMENT_FAILED', '(no answer to the enrolment request)')), timeoutMs);
    socket.on('open', () => socket.send(encodeFrame({ enrolRequest: { enrolmentSecret: secret, facts } })));
    socket.on('error', (error) => finish(error instanceof InvigilatorError ? error : new InvigilatorError('ENROLMENT_FAILED', `(${error.message})`)));
    socket.on('close', () => finish(new InvigilatorError('ENROLMENT_FAILED', '(the collector closed the connection without an answer)')));
    socket.on('message', (data) => {
      try {
        const frame = decodeFrame(bytesOf(data));
        if (frame.body === 'enrolResponse' && frame.enrolResponse?.deviceId && frame.enrolResponse.deviceCredential) {
          const { deviceId, deviceCredential, schoolId } = frame.enrolResponse;
          return finish({ deviceId, deviceCredential, schoolId: schoolId ?? '', ...(pinSha256 ? { pinSha256 } : {}) });
        }
        if (frame.body === 'error') return finish(remoteError(frame.error?.code ?? '', frame.error?.message ?? ''));
        finish(new InvigilatorError('FRAME_UNEXPECTED', `(${frame.body} instead of an enrolment answer)`));
      } catch (error) {
        finish(error instanceof InvigilatorError ? error : new InvigilatorError('FRAME_UNDECODABLE'));
      }
    });
  });
