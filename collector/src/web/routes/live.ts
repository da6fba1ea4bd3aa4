// Server-sent events: new and changed alerts and verdict changes, as they are committed, to each signed-in
// person, only of their schools and only of what their roles may see. A misuse alert pushed is audited when
// it shows the person something new, like any other view. The caller is checked again at every keep-alive,
// so a revoked token, an ended session or a lost role ends the stream.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { withMisuseTexts } from '../../alerts/misuse-text.ts';
import type { LiveBus, LiveChange } from '../../live/bus.ts';
import type { SignIn } from '../../sign-in/sign-in.ts';
import type { Device, Role, Store } from '../../store/types.ts';
import { coversSchool } from '../../people/people.ts';
import { auditShown, resolvePrincipal, seesDevices, visibleCategories, type Principal } from '../access.ts';
import { iso, presentAlert } from '../present.ts';
import { alertView } from './alerts.ts';

const LIVE_ROLES: readonly Role[] = ['admin', 'network-manager', 'technician', 'dsl'];
export const KEEP_ALIVE_MS = 25_000;

export interface LiveRouteDeps { store: Store; signIn: SignIn; bus: LiveBus; keepAliveMs?: number }

const frame = (event: string, data: unknown): string => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

export const liveRoutes = (app: FastifyInstance, { store, signIn, bus, keepAliveMs = KEEP_ALIVE_MS }: LiveRouteDeps): void => {
  // Streams end when the collector stops, or its server would wait for them for ever.
  const streams = new Set<() => void>();
  app.addHook('onClose', async () => { for (const end of [...streams]) end(); });

  /** What this person may be told of one change, or nothing. */
  const shownTo = async (principal: Principal, change: LiveChange, url: string): Promise<string | undefined> => {
    if (change.type === 'verdict') {
      if (!seesDevices(principal)) return undefined;
      const device: Device | undefined = await store.getDevice(change.deviceId);
      if (!device || !coversSchool(principal, device.schoolId)) return undefined;
      return frame('verdict', {
        deviceId: device.id, schoolId: device.schoolId, hostname: device.hostname, check: change.check, from: change.from, to: change.to, at: iso(change.at),
      });
    }
    const stored = await store.getAlert(change.alertId);
    if (!stored || !coversSchool(principal, stored.schoolId) || !visibleCategories(principal.roles).includes(stored.category)) return undefined;
    const [alert] = await withMisuseTexts(store, [stored]);
    if (stored.category === 'misuse') await auditShown(store, principal, 'view misuse alerts', [alertView(stored)], url);
    const device = stored.deviceId ? await store.getDevice(stored.deviceId) : undefined;
    return frame('alert', { alert: presentAlert(alert!, device) });
  };

  app.get('/api/v1/live', { config: { access: LIVE_ROLES } }, async (request: FastifyRequest, reply) => {
    let principal = request.principal as Principal;
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer', connection: 'keep-alive',
    });
    raw.write(frame('ready', { at: new Date().toISOString() }));
    // One change at a time, in order: a person never sees an alert's later state before its earlier one.
    let delivering: Promise<void> = Promise.resolve();
    let open = true;
    const end = (): void => {
      if (!open) return;
      open = false;
      streams.delete(end);
      unsubscribe();
      clearInterval(keepAlive);
      raw.end();
    };
    const unsubscribe = bus.subscribe((change) => {
      delivering = delivering.then(async () => {
        if (!open) return;
        const text = await shownTo(principal, change, request.url);
        if (text && open) raw.write(text);
      }).catch((error: unknown) => {
        request.log.error({ code: error instanceof InvigilatorError ? error.code : 'INTERNAL', err: error }, 'A live update could not be sent.');
      });
    });
    const keepAlive = setInterval(() => {
      void resolvePrincipal(store, signIn, request, 'background').then((current) => {
        if (!current.roles.some((role) => LIVE_ROLES.includes(role))) throw new InvigilatorError('API_FORBIDDEN');
        principal = current;
        if (open) raw.write(': keep-alive\n\n');
      }).catch(() => {
        if (open) raw.write(frame('signed-out', { at: new Date().toISOString() }));
        end();
      });
    }, keepAliveMs);
    streams.add(end);
    request.raw.on('close', end);
  });
};
