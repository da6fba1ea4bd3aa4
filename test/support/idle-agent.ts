// The lightest agent that holds a real connection: raw TCP, the WebSocket upgrade written by hand,
// pre-encoded frames, pongs for the collector's pings. Tens of thousands fit in one test process,
// where as many full WebSocket clients would not. For the many-connections bench.
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { decodeFrame, encodeFrame, type Frame } from '@invigilator/shared/wire.ts';

const OPCODE = { binary: 0x2, close: 0x8, ping: 0x9, pong: 0xa } as const;

/** One final client frame; a client must mask, and a zero mask key leaves the bytes as they are. */
const clientFrame = (opcode: number, payload: Uint8Array): Buffer => {
  const size = payload.length < 126 ? 2 : 4;
  const header = Buffer.alloc(size + 4);
  header[0] = 0x80 | opcode;
  if (size === 2) header[1] = 0x80 | payload.length;
  else {
    header[1] = 0x80 | 126;
    header.writeUInt16BE(payload.length, 2);
  }
  return Buffer.concat([header, payload]);
};

export const HEARTBEAT_FRAME = clientFrame(OPCODE.binary, encodeFrame({ heartbeat: {} }));

export interface IdleAgent {
  socket: Socket;
  /** Resolves on the Welcome; rejects on an Error frame or when the connection closes first. */
  welcomed: Promise<void>;
  send(frame: Buffer): void;
}

/** Connects from `localAddress`, says Hello as the device, answers pings until the socket is destroyed. */
export const connectIdleAgent = (port: number, localAddress: string, hello: Frame): IdleAgent => {
  const socket = connect({ port, host: '127.0.0.1', localAddress });
  socket.setNoDelay(true);
  let buffered: Buffer = Buffer.alloc(0);
  let upgraded = false;
  let onWelcome: () => void = () => undefined;
  let onFail: (error: Error) => void = () => undefined;
  const welcomed = new Promise<void>((resolve, reject) => { onWelcome = resolve; onFail = reject; });
  socket.on('error', (error) => onFail(error));
  socket.on('close', () => onFail(new Error('closed before the Welcome')));

  /** Reads whole server frames (never masked) off the buffer. */
  const readFrames = (): void => {
    for (;;) {
      if (buffered.length < 2) return;
      const opcode = (buffered[0] ?? 0) & 0x0f;
      let length = (buffered[1] ?? 0) & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (buffered.length < 4) return;
        length = buffered.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (buffered.length < 10) return;
        length = Number(buffered.readBigUInt64BE(2));
        offset = 10;
      }
      if (buffered.length < offset + length) return;
      const payload = buffered.subarray(offset, offset + length);
      buffered = buffered.subarray(offset + length);
      if (opcode === OPCODE.binary) {
        const frame = decodeFrame(payload);
        if (frame.welcome) onWelcome();
        else onFail(new Error(`refused: ${frame.error?.code ?? frame.body ?? '?'}`));
      }
      else if (opcode === OPCODE.ping) socket.write(clientFrame(OPCODE.pong, payload));
      else if (opcode === OPCODE.close) onFail(new Error(`closed by the collector: ${payload.subarray(2).toString()}`));
    }
  };

  socket.on('data', (chunk: Buffer) => {
    buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
    if (!upgraded) {
      const end = buffered.indexOf('\r\n\r\n');
      if (end < 0) return;
      const status = buffered.subarray(0, 12).toString('latin1');
      if (status !== 'HTTP/1.1 101') {
        onFail(new Error(`upgrade refused: ${status}`));
        socket.destroy();
        return;
      }
      upgraded = true;
      buffered = buffered.subarray(end + 4);
      socket.write(clientFrame(OPCODE.binary, encodeFrame(hello)));
    }
    readFrames();
  });
  socket.once('connect', () => socket.write([
    'GET /agent HTTP/1.1', 'Host: 127.0.0.1', 'Connection: Upgrade', 'Upgrade: websocket',
    'Sec-WebSocket-Version: 13', `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`, '', '',
  ].join('\r\n')));
  return { socket, welcomed, send: (frame) => socket.write(frame) };
};
