// A real syslog receiver over TCP or TLS: reads octet-counted frames (RFC 6587 / RFC 5425) and parses
// each RFC 5424 message into its header, structured data and text.
import { createServer as createTcpServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';

export interface SyslogMessage {
  pri: number; version: number; timestamp: string; hostname: string; appName: string; procId: string; msgId: string;
  structuredData: Record<string, Record<string, string>>; message: string; raw: string;
}

const HEADER = /^<(\d{1,3})>(\d) (\S+) (\S+) (\S+) (\S+) (\S+) /;

/** Parses one RFC 5424 message; throws when it is not one. */
export const parseRfc5424 = (raw: string): SyslogMessage => {
  const header = HEADER.exec(raw);
  if (!header) throw new Error(`not RFC 5424: ${raw.slice(0, 80)}`);
  let rest = raw.slice(header[0].length);
  const structuredData: Record<string, Record<string, string>> = {};
  if (rest.startsWith('-')) rest = rest.slice(1);
  while (rest.startsWith('[')) {
    const id = /^\[(\S+?)(?=[ \]])/.exec(rest)![1]!;
    rest = rest.slice(1 + id.length);
    const params: Record<string, string> = {};
    for (;;) {
      const param = /^ ([^=\s\]]+)="((?:\\.|[^"\\])*)"/.exec(rest);
      if (!param) break;
      params[param[1]!] = param[2]!.replace(/\\(["\\\]])/g, '$1');
      rest = rest.slice(param[0].length);
    }
    if (!rest.startsWith(']')) throw new Error(`unterminated structured data: ${rest.slice(0, 40)}`);
    rest = rest.slice(1);
    structuredData[id] = params;
  }
  const message = rest.startsWith(' ') ? rest.slice(1).replace(/^\uFEFF/, '') : rest;
  const [, pri, version, timestamp, hostname, appName, procId, msgId] = header;
  return { pri: Number(pri), version: Number(version), timestamp: timestamp!, hostname: hostname!, appName: appName!, procId: procId!, msgId: msgId!, structuredData, message, raw };
};

/** Splits "LEN SP MSG" frames off a buffer; returns the messages and what is left. */
const takeFrames = (buffer: Buffer): { frames: string[]; rest: Buffer } => {
  const frames: string[] = [];
  let rest = buffer;
  for (;;) {
    const space = rest.indexOf(0x20);
    if (space < 1) break;
    const length = Number(rest.subarray(0, space).toString('ascii'));
    if (!Number.isInteger(length)) throw new Error('not octet-counted');
    if (rest.length < space + 1 + length) break;
    frames.push(rest.subarray(space + 1, space + 1 + length).toString('utf8'));
    rest = rest.subarray(space + 1 + length);
  }
  return { frames, rest };
};

export const startSyslogListener = async (tls?: { key: string; cert: string }) => {
  const messages: SyslogMessage[] = [];
  const errors: string[] = [];
  const onSocket = (socket: Socket): void => {
    let pending: Buffer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      try {
        const { frames, rest } = takeFrames(Buffer.concat([pending, chunk]));
        pending = rest;
        for (const frame of frames) messages.push(parseRfc5424(frame));
      } catch (error) {
        errors.push((error as Error).message);
      }
    });
    socket.on('error', () => undefined);
  };
  const server: Server = tls ? createTlsServer({ key: tls.key, cert: tls.cert }, onSocket) : createTcpServer(onSocket);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls ? 'tls' : 'tcp'}://127.0.0.1:${port}`, messages, errors,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
