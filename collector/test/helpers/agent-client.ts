// A minimal agent for tests: sends frames over a real WebSocket and collects what comes back.
import WebSocket from 'ws';
import { decodeFrame, encodeFrame, type Frame } from '@invigilator/shared/wire.ts';

export interface TestAgent {
  send(frame: Frame | Uint8Array): void;
  /** The next frame from the collector. */
  next(): Promise<ReturnType<typeof decodeFrame>>;
  closed: Promise<{ code: number; reason: string }>;
  socket: WebSocket;
}

export const connectAgent = async (url: string, options: WebSocket.ClientOptions = {}): Promise<TestAgent> => {
  const socket = new WebSocket(url, options);
  const frames: ReturnType<typeof decodeFrame>[] = [];
  const waiting: Array<(frame: ReturnType<typeof decodeFrame>) => void> = [];
  socket.on('message', (data: Buffer) => {
    const frame = decodeFrame(data);
    const waiter = waiting.shift();
    if (waiter) waiter(frame);
    else frames.push(frame);
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  socket.on('error', () => undefined); // the close event carries what the tests look at
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return {
    socket,
    closed,
    send: (frame) => socket.send(frame instanceof Uint8Array ? frame : encodeFrame(frame)),
    next: () => {
      const ready = frames.shift();
      if (ready) return Promise.resolve(ready);
      return new Promise((resolve, reject) => {
        waiting.push(resolve);
        void closed.then(({ code }) => reject(new Error(`closed (${code}) before a frame arrived`)));
      });
    },
  };
};
