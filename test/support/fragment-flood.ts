// A flood of connections that never identify themselves: raw TCP, a WebSocket upgrade, then an unfinished
// fragmented message. Shared by the end-to-end test and the bench.
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

export interface FloodConnection { socket: Socket; status: Promise<number>; closedByPeer: Promise<void> }

/** A masked binary frame header without FIN, announcing `length` bytes (the client side must mask). */
const unfinishedFragmentHeader = (length: number): Buffer => {
  const header = Buffer.alloc(14);
  header[0] = 0x02; // FIN clear, opcode binary: more fragments follow
  header[1] = 0x80 | 127;
  header.writeBigUInt64BE(BigInt(length), 2);
  randomBytes(4).copy(header, 10);
  return header;
};

/** Opens one connection from `localAddress`, upgrades, and sends `bytes` of a 64 KiB fragment that never ends. */
export const openFloodConnection = (port: number, localAddress: string, bytes = 64 * 1024): FloodConnection => {
  const socket = connect({ port, host: '127.0.0.1', localAddress });
  socket.on('error', () => undefined);
  const closedByPeer = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  const status = new Promise<number>((resolve) => {
    let answer = '';
    const onData = (chunk: Buffer): void => {
      answer += chunk.toString('latin1');
      const match = /^HTTP\/1\.1 (\d{3})/.exec(answer);
      if (!match) return;
      socket.off('data', onData);
      const code = Number(match[1]);
      resolve(code);
      if (code === 101) socket.write(Buffer.concat([unfinishedFragmentHeader(64 * 1024), randomBytes(Math.min(bytes, 64 * 1024))]));
    };
    socket.on('data', onData);
    socket.once('close', () => resolve(0));
  });
  socket.once('connect', () => socket.write([
    'GET /agent HTTP/1.1', 'Host: 127.0.0.1', 'Connection: Upgrade', 'Upgrade: websocket',
    'Sec-WebSocket-Version: 13', `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`, '', '',
  ].join('\r\n')));
  return { socket, status, closedByPeer };
};

/** The resident set size of a process, in MB, from /proc. */
export const rssMb = (pid: number, readStatus: (path: string) => string): number => {
  const match = /VmRSS:\s+(\d+) kB/.exec(readStatus(`/proc/${pid}/status`));
  return match ? Number(match[1]) / 1024 : Number.NaN;
};
