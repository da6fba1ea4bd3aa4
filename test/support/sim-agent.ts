// A simulated agent that speaks the wire protocol directly: for gateway tests
// and the ingest benchmark, where thousands of events must flow without a device.
import { WebSocket } from 'ws';
import { MAX_FRAME_BYTES, decodeFrame, encodeFrame, type DeviceFacts, type Event, type Frame } from '@invigilator/shared/wire.ts';

export const SIM_FACTS: DeviceFacts = {
  hostname: 'sim-device', platform: 1, osName: 'Linux', osVersion: 'sim', agentVersion: '0.0.0-sim',
};

export class SimAgent {
  private readonly socket: WebSocket;
  private readonly frames: Array<ReturnType<typeof decodeFrame>> = [];
  private waiters: Array<() => void> = [];
  closed: { code: number; reason: string } | undefined;

  private constructor(socket: WebSocket) {
    this.socket = socket;
    socket.on('message', (data: Buffer) => {
      this.frames.push(decodeFrame(new Uint8Array(data)));
      this.wake();
    });
    socket.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
      this.wake();
    });
  }

  static async connect(collectorWsUrl: string): Promise<SimAgent> {
    const socket = new WebSocket(`${collectorWsUrl}/agent`, { maxPayload: MAX_FRAME_BYTES });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return new SimAgent(socket);
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  send(frame: Frame): void { this.socket.send(encodeFrame(frame)); }
  sendRaw(bytes: Uint8Array): void { this.socket.send(bytes); }

  /** The next frame from the collector, or undefined when the connection closed first. */
  async next(timeoutMs = 10_000): Promise<ReturnType<typeof decodeFrame> | undefined> {
    const deadline = Date.now() + timeoutMs;
    while (this.frames.length === 0 && !this.closed) {
      if (Date.now() > deadline) throw new Error(`no frame from the collector within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
    return this.frames.shift();
  }

  async waitClosed(timeoutMs = 10_000): Promise<{ code: number; reason: string }> {
    const deadline = Date.now() + timeoutMs;
    while (!this.closed) {
      if (Date.now() > deadline) throw new Error(`the collector did not close within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return this.closed;
  }

  close(): void { this.socket.close(); }

  static async enrol(collectorWsUrl: string, secret: string, facts: DeviceFacts = SIM_FACTS): Promise<{ deviceId: string; deviceCredential: string }> {
    const agent = await SimAgent.connect(collectorWsUrl);
    agent.send({ enrolRequest: { enrolmentSecret: secret, facts } });
    const reply = await agent.next();
    agent.close();
    if (!reply?.enrolResponse) throw new Error(`enrolment refused: ${JSON.stringify(reply?.error ?? agent.closed)}`);
    return { deviceId: reply.enrolResponse.deviceId ?? '', deviceCredential: reply.enrolResponse.deviceCredential ?? '' };
  }

  /** Connects and says Hello; resolves with the Welcome. */
  static async session(
    collectorWsUrl: string, credential: { deviceId: string; deviceCredential: string }, facts: DeviceFacts = SIM_FACTS,
  ): Promise<{ agent: SimAgent; committedSeq: number }> {
    const agent = await SimAgent.connect(collectorWsUrl);
    agent.send({ hello: { ...credential, facts } });
    const reply = await agent.next();
    if (!reply?.welcome) throw new Error(`hello refused: ${JSON.stringify(reply?.error ?? agent.closed)}`);
    return { agent, committedSeq: Number(reply.welcome.committedSeq) };
  }

  /** Sends one batch and resolves with the acknowledged sequence number (a loaded collector may be given longer). */
  async sendBatch(events: Event[], timeoutMs = 10_000): Promise<number> {
    return this.sendEncodedBatch(encodeFrame({ batch: { events } }), timeoutMs);
  }

  /** The same with a batch frame encoded beforehand (the bench's load generator encodes before its clock starts). */
  async sendEncodedBatch(frame: Uint8Array, timeoutMs = 10_000): Promise<number> {
    this.sendRaw(frame);
    for (;;) {
      const frame = await this.next(timeoutMs);
      if (!frame) throw new Error(`connection closed before ack: ${JSON.stringify(this.closed)}`);
      if (frame.ack) return Number(frame.ack.upToSeq);
      if (frame.error) throw new Error(`${frame.error.code}: ${frame.error.message}`);
    }
  }
}

/** A routine firewall observation, the commonest event on the wire. */
export const sampleObservation = (seq: number): Event => ({
  seq,
  occurredAtMs: Date.now(),
  observation: {
    check: 'firewall', status: 1, sourceIds: ['linux.nft-ruleset-json'],
    firewall: {
      enabled: 1, inboundDefault: 2, backend: 'nftables',
      profiles: [{ name: 'inet filter input', enabled: 1, inboundDefault: 2 }],
      inboundAllowRules: [{ name: 'inet filter input #4', protocol: 'tcp', ports: '22', source: '' }],
    },
  },
});

/** A file copied to a memory stick: the misuse event a DSL acts on. */
export const sampleFileWritten = (seq: number, name: string): Event => ({
  seq,
  occurredAtMs: Date.now(),
  misuse: {
    kind: 3, user: 'pupil',
    device: { vendor: 'SanDisk', model: 'Cruzer Blade', serial: '4C530001', sizeBytes: 16_000_000_000, filesystem: 'vfat', label: 'STICK', mountPoint: '/media/pupil/STICK', bus: 'usb', device: '/dev/sdb1' },
    file: { name, sizeBytes: 20_480, relativeDir: '' },
  },
});
