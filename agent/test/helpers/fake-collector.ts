// A small collector that speaks the real protocol (shared/src/wire.ts) on 127.0.0.1,
// for transport tests; the real collector's end-to-end tests live elsewhere.
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { decodeFrame, encodeFrame, MAX_FRAME_BYTES, type AgentConfig, type Event, type Frame } from '@invigilator/shared/wire.ts';

export interface FakeCollectorOptions {
  port?: number;
  committedSeq?: number;
  config?: AgentConfig;
  /** Reply to Hello with this error code instead of a Welcome. */
  rejectHelloWith?: string;
  /** Answer batches with an Ack (default true). */
  ack?: boolean;
  /** Close the connection on every batch without an Ack (a collector whose store fails). */
  closeOnBatch?: boolean;
  /** Answer ws pings (default true); false simulates a dead peer. */
  autoPong?: boolean;
}

export class FakeCollector {
  readonly hellos: Frame['hello'][] = [];
  readonly batches: number[][] = [];
  readonly events: Event[] = [];
  readonly heartbeats: Frame['heartbeat'][] = [];
  readonly enrolRequests: Frame['enrolRequest'][] = [];
  readonly options: FakeCollectorOptions;
  #server!: WebSocketServer;
  port = 0;

  constructor(options: FakeCollectorOptions = {}) {
    this.options = { ack: true, autoPong: true, ...options };
  }

  get url(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  get seqsSeen(): number[] {
    return this.batches.flat();
  }

  async listen(): Promise<this> {
    this.#server = new WebSocketServer({ host: '127.0.0.1', port: this.options.port ?? this.port, path: '/agent', maxPayload: MAX_FRAME_BYTES, autoPong: this.options.autoPong });
    await new Promise<void>((resolve) => this.#server.once('listening', () => resolve()));
    this.port = (this.#server.address() as AddressInfo).port;
    this.#server.on('connection', (socket) => socket.on('message', (data) => this.#onFrame(socket, decodeFrame(data as Buffer))));
    return this;
  }

  async close(): Promise<void> {
    for (const client of this.#server.clients) client.terminate();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  /** Cuts every agent's connection; the server keeps listening. */
  dropConnections(): void {
    for (const client of this.#server.clients) client.terminate();
  }

  send(frame: Frame): void {
    for (const client of this.#server.clients) client.send(encodeFrame(frame));
  }

  #onFrame(socket: WebSocket, frame: Frame): void {
    if (frame.enrolRequest) {
      this.enrolRequests.push(frame.enrolRequest);
      const reply: Frame = frame.enrolRequest.enrolmentSecret === 'right-secret'
        ? { enrolResponse: { deviceId: 'dev-1', deviceCredential: 'cred-1', schoolId: 'school-1' } }
        : { error: { code: 'ENROLMENT_SECRET_INVALID', message: 'No such secret.' } };
      socket.send(encodeFrame(reply));
    } else if (frame.hello) {
      this.hellos.push(frame.hello);
      if (this.options.rejectHelloWith) {
        socket.send(encodeFrame({ error: { code: this.options.rejectHelloWith, message: 'Unknown device.' } }));
        socket.close();
        return;
      }
      socket.send(encodeFrame({ welcome: { committedSeq: this.options.committedSeq ?? 0, config: this.options.config } }));
    } else if (frame.batch) {
      const seqs = (frame.batch.events ?? []).map((event) => Number(event.seq));
      this.batches.push(seqs);
      this.events.push(...(frame.batch.events ?? []));
      if (this.options.closeOnBatch) {
        socket.close(1011, 'store failed');
        return;
      }
      if (this.options.ack) socket.send(encodeFrame({ ack: { upToSeq: seqs.at(-1) ?? 0 } }));
    } else if (frame.heartbeat) {
      this.heartbeats.push(frame.heartbeat);
    }
  }
}

export const waitFor = async (condition: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> => {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};
