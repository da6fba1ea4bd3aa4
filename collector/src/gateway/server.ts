// The agent endpoint: a ws server sharing the API's HTTP(S) server, taking upgrades
// on /agent only, with ping/pong liveness.
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_FRAME_BYTES } from '@invigilator/shared/wire.ts';
import { CLOSE } from './frames.ts';
import { createLiveDevices, serveConnection, type ConnectionDeps } from './connection.ts';
import { createFloodReclaimer } from './flood-reclaim.ts';
import { createUnauthenticatedGuard, type Admission, type UnauthenticatedLimits } from './unauthenticated.ts';

export const AGENT_PATH = '/agent';
const MISSED_PINGS_ALLOWED = 2;
const CLOSE_GRACE_MS = 2000;

export interface GatewayOptions extends ConnectionDeps {
  server: Server;
  pingIntervalMs?: number;
  unauthenticatedLimits?: UnauthenticatedLimits;
}

/** A flood is logged on its first refusal or cut-off and then once per this many, so the log cannot become the next flood. */
const LOG_EVERY_REFUSALS = 1000;

export interface Gateway {
  start(): void;
  stop(): Promise<void>;
  /** Closes the device's open connections with AUTH_REVOKED (its credential is already revoked in the store). */
  disconnectDevice(deviceId: string): number;
}

export const createGateway = (options: GatewayOptions): Gateway => {
  const { server, logger, metrics, pingIntervalMs = 30_000 } = options;
  const guard = createUnauthenticatedGuard(options.unauthenticatedLimits);
  const reclaimer = createFloodReclaimer(logger);
  let refusals = 0;
  let cutOffs = 0;
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const missedPings = new WeakMap<WebSocket, number>();
  let pingTimer: NodeJS.Timeout | undefined;
  const liveDevices = createLiveDevices();

  const pathOf = (request: IncomingMessage): string | undefined => {
    try {
      return new URL(request.url ?? '/', 'http://collector').pathname;
    } catch {
      return undefined;
    }
  };

  /** Answers an upgrade we will not take; the socket is gone after it either way. */
  const refuseUpgrade = (socket: Duplex, status: string): void => {
    // Node hands the socket over without an error listener: a reset client must not crash us.
    socket.on('error', () => socket.destroy());
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`, () => socket.destroy());
  };

  // Runs for anyone who can reach the port: it must never throw, or the collector exits.
  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    try {
      const path = pathOf(request);
      if (path === undefined) {
        logger.warn({ code: 'BAD_REQUEST', remote: request.socket.remoteAddress },
          'Refused a WebSocket upgrade whose address cannot be read.');
        refuseUpgrade(socket, '400 Bad Request');
        return;
      }
      if (path !== AGENT_PATH) {
        refuseUpgrade(socket, '404 Not Found');
        return;
      }
      const address = request.socket.remoteAddress ?? '?';
      const admission = guard.admit(address);
      if (typeof admission === 'string') {
        metrics.framesRejected.add(1, 'CONNECTION_LIMIT_REACHED');
        reclaimer.turnedAway('refused');
        if (refusals++ % LOG_EVERY_REFUSALS === 0) {
          logger.warn({ code: 'CONNECTION_LIMIT_REACHED', remote: address, limit: admission, refusals, ...guard.counts() },
            'Refused agent connections: too many have not identified themselves.');
        }
        refuseUpgrade(socket, '503 Service Unavailable');
        return;
      }
      // Released however the connection ends, even when the WebSocket handshake itself fails.
      request.socket.once('close', () => {
        admission.closed();
        reclaimer.closed(guard.counts().total);
      });
      wss.handleUpgrade(request, socket, head, (ws) => {
        guard.watchBytes(request.socket, admission, () => {
          metrics.framesRejected.add(1, 'FRAME_TOO_LARGE');
          reclaimer.turnedAway('cutOff');
          if (cutOffs++ % LOG_EVERY_REFUSALS === 0) {
            logger.warn({ code: 'FRAME_TOO_LARGE', remote: address, cutOffs },
              'A connection sent more than an enrolment or Hello before identifying itself; cut off.');
          }
          ws.terminate();
        });
        wss.emit('connection', ws, request, admission);
      });
    } catch (error) {
      logger.error({ code: 'INTERNAL', err: error }, 'A WebSocket upgrade failed; the connection was dropped.');
      socket.destroy();
    }
  };

  wss.on('connection', (ws: WebSocket, request: IncomingMessage, admission: Admission) => {
    const remote = `${request.socket.remoteAddress ?? '?'}:${request.socket.remotePort ?? '?'}`;
    metrics.connectedAgents.add(1);
    missedPings.set(ws, 0);
    ws.on('pong', () => missedPings.set(ws, 0));
    ws.on('close', () => metrics.connectedAgents.add(-1));
    serveConnection(ws, remote, { ...options, liveDevices }, admission.authenticated);
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
    disconnectDevice: (deviceId) => liveDevices.revoke(deviceId),
    start() {
      server.on('upgrade', onUpgrade);
      pingTimer = setInterval(pingAll, pingIntervalMs);
      pingTimer.unref();
    },
    async stop() {
      server.off('upgrade', onUpgrade);
      clearInterval(pingTimer);
      reclaimer.stop();
      for (const ws of wss.clients) ws.close(CLOSE.goingAway, 'collector stopping');
      const closed = new Promise<void>((resolve) => wss.close(() => resolve()));
      // An agent that does not answer the close handshake is cut off rather than waited for.
      const cutOff = setTimeout(() => { for (const ws of wss.clients) ws.terminate(); }, CLOSE_GRACE_MS);
      await closed;
      clearTimeout(cutOff);
    },
  };
};
