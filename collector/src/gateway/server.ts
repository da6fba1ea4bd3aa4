// The agent endpoint: a ws server sharing the API's HTTP(S) server, taking upgrades
// on /agent only, with ping/pong liveness.
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_FRAME_BYTES } from '@invigilator/shared/wire.ts';
import { CLOSE } from './frames.ts';
import { serveConnection, type ConnectionDeps } from './connection.ts';

export const AGENT_PATH = '/agent';
const MISSED_PINGS_ALLOWED = 2;
const CLOSE_GRACE_MS = 2000;

export interface GatewayOptions extends ConnectionDeps {
  server: Server;
  pingIntervalMs?: number;
}

export interface Gateway {
  start(): void;
  stop(): Promise<void>;
}

export const createGateway = (options: GatewayOptions): Gateway => {
  const { server, logger, metrics, pingIntervalMs = 30_000 } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const missedPings = new WeakMap<WebSocket, number>();
  let pingTimer: NodeJS.Timeout | undefined;

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const path = new URL(request.url ?? '/', 'http://collector').pathname;
    if (path !== AGENT_PATH) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  };

  wss.on('connection', (ws: WebSocket, request: IncomingMessage) => {
    const remote = `${request.socket.remoteAddress ?? '?'}:${request.socket.remotePort ?? '?'}`;
    metrics.connectedAgents.add(1);
    missedPings.set(ws, 0);
    ws.on('pong', () => missedPings.set(ws, 0));
    ws.on('close', () => metrics.connectedAgents.add(-1));
    serveConnection(ws, remote, options);
  });

  const pingAll = (): void => {
    for (const ws of wss.clients) {
      const missed = missedPings.get(ws) ?? 0;
      if (missed >= MISSED_PINGS_ALLOWED) {
        logger.warn({ missed }, 'An agent connection stopped answering pings; closed.');
        ws.terminate();
        continue;
      }
      missedPings.set(ws, missed + 1);
      ws.ping();
    }
  };

  return {
    start() {
      server.on('upgrade', onUpgrade);
      pingTimer = setInterval(pingAll, pingIntervalMs);
      pingTimer.unref();
    },
    async stop() {
      server.off('upgrade', onUpgrade);
      clearInterval(pingTimer);
      for (const ws of wss.clients) ws.close(CLOSE.goingAway, 'collector stopping');
      const closed = new Promise<void>((resolve) => wss.close(() => resolve()));
      // An agent that does not answer the close handshake is cut off rather than waited for.
      const cutOff = setTimeout(() => { for (const ws of wss.clients) ws.terminate(); }, CLOSE_GRACE_MS);
      await closed;
      clearTimeout(cutOff);
    },
  };
};
