// Delivery, for administrators: the notification log (status, attempts, last error), the school's
// channels (never their secrets), its routes and its escalation and flood settings.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { NOTIFICATION_STATUSES, type NotificationRow, type NotificationStatus } from '../../store/delivery-types.ts';
import type { Store } from '../../store/types.ts';
import { describeNotification } from '../../notify/message.ts';
import { addChannel, addRoute, channelById, listRoutesOf, presentChannel, removeRoute, setAlertSettings, testChannel } from '../../notify/setup.ts';
import { alertSettingsFor } from '../../alerts/settings.ts';
import { assertSameSchool, audit, principalOf, schoolScope } from '../access.ts';
import { iso } from '../present.ts';
import { CHANNEL_CREATED_RESPONSE, CHANNEL_TESTED_RESPONSE, CHANNELS_RESPONSE, NOTIFICATIONS_RESPONSE, REPORT_JSON, ROUTES_RESPONSE } from './schemas.ts';
import { CURSOR_SCHEMA, decodeCursor, encodeCursor, LIMIT_SCHEMA, listPattern, splitList } from './paging.ts';

interface NotificationCursor { createdAt: number; id: string }
const isNotificationCursor = (value: unknown): value is NotificationCursor => {
  const v = value as Partial<NotificationCursor> | null;
  return typeof v === 'object' && v !== null && Number.isInteger(v.createdAt) && typeof v.id === 'string';
};

/** A row as the log shows it: what it was about, never what it said (the message is composed when sent and not kept). */
const presentNotification = (n: NotificationRow) => ({
  id: n.id, schoolId: n.schoolId, alertId: n.alertId, channelId: n.channelId, personId: n.personId, recipient: n.recipient,
  reason: n.reason, subject: describeNotification(n), category: n.category ?? 'summary', status: n.status,
  attempts: n.attempts, nextAttemptAt: n.status === 'pending' ? iso(n.nextAttemptAt) : null, lastError: n.lastError,
  createdAt: iso(n.createdAt), sentAt: iso(n.sentAt),
});

const SCHOOL_PARAM = { type: 'object', properties: { id: { type: 'string', minLength: 1, maxLength: 64 } } } as const;
const str = { type: 'string', minLength: 1, maxLength: 2048 } as const;

export const deliveryRoutes = (app: FastifyInstance, store: Store, publicUrl: string | undefined): void => {
  const schoolFor = (request: FastifyRequest, schoolId: string): string => {
    assertSameSchool(principalOf(request), schoolId);
    return schoolId;
  };

  app.get<{ Querystring: { status?: string; cursor?: string; limit: number } }>('/api/v1/notifications', {
    config: { access: ['admin'] },
    schema: { querystring: { type: 'object', additionalProperties: false, properties: { status: { type: 'string', pattern: listPattern(NOTIFICATION_STATUSES) }, ...CURSOR_SCHEMA, ...LIMIT_SCHEMA } }, response: { 200: NOTIFICATIONS_RESPONSE } },
  }, async (request) => {
    const principal = principalOf(request);
    const { status, cursor, limit } = request.query;
    const rows = await store.listNotifications({
      limit, ...schoolScope(principal),
      ...(status ? { statuses: splitList<NotificationStatus>(status) } : {}),
      ...(cursor ? { before: decodeCursor(cursor, isNotificationCursor) } : {}),
    });
    const misuse = rows.filter((row) => row.category === 'misuse');
    for (const schoolId of new Set(misuse.map((row) => row.schoolId))) {
      await audit(store, principal, 'view misuse notifications', `${misuse.filter((r) => r.schoolId === schoolId).length} in the delivery log (${request.url})`, schoolId);
    }
    const last = rows.at(-1);
    return { notifications: rows.map(presentNotification), nextCursor: rows.length === limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null };
  });

  app.get('/api/v1/channels', { config: { access: ['admin'] }, schema: { response: { 200: CHANNELS_RESPONSE } } }, async (request) => {
    const { schools } = principalOf(request);
    const channels = await store.listChannels({});
    return { channels: channels.filter((c) => schools === 'all' || schools.includes(c.schoolId)).map(presentChannel) };
  });

  app.post<{ Body: { schoolId: string; kind: string; url?: string; from?: string; format?: string; signingKey?: string; ca?: string; audience?: string } }>('/api/v1/channels', {
    config: { access: ['admin'] },
    schema: { body: { type: 'object', additionalProperties: false, required: ['schoolId', 'kind'], properties: { schoolId: str, kind: str, url: str, from: str, format: str, signingKey: str, ca: { type: 'string', maxLength: 65_536 }, audience: str } }, response: { 201: CHANNEL_CREATED_RESPONSE } },
  }, async (request, reply) => {
    schoolFor(request, request.body.schoolId);
    const { channel, summaries } = await addChannel(store, request.body, Date.now());
    return reply.code(201).send({ channel: presentChannel(channel), summaries });
  });

  app.post<{ Params: { id: string } }>('/api/v1/channels/:id/test', { config: { access: ['admin'] }, schema: { response: { 200: CHANNEL_TESTED_RESPONSE } } }, async (request) => {
    const channel = await channelById(store, request.params.id);
    schoolFor(request, channel.schoolId);
    return { result: await testChannel(store, channel.id, Date.now()) };
  });

  app.get<{ Params: { id: string } }>('/api/v1/schools/:id/routes', { config: { access: ['admin'] }, schema: { params: SCHOOL_PARAM, response: { 200: ROUTES_RESPONSE } } }, async (request) => {
    const schoolId = schoolFor(request, request.params.id);
    return { routes: await listRoutesOf(store, schoolId), settings: await alertSettingsFor(store, schoolId), publicUrl: publicUrl ?? null };
  });

  app.post<{ Params: { id: string }; Body: { category: string; role: string; minSeverity?: string; step?: number } }>('/api/v1/schools/:id/routes', {
    config: { access: ['admin'] },
    schema: { params: SCHOOL_PARAM, body: { type: 'object', additionalProperties: false, required: ['category', 'role'], properties: { category: str, role: str, minSeverity: str, step: { type: 'integer' } } }, response: { 201: { type: 'object', properties: { route: REPORT_JSON }, required: ['route'] } } },
  }, async (request, reply) => {
    const schoolId = schoolFor(request, request.params.id);
    return reply.code(201).send({ route: await addRoute(store, { schoolId, ...request.body }, Date.now()) });
  });

  app.delete<{ Params: { id: string; routeId: string } }>('/api/v1/schools/:id/routes/:routeId', { config: { access: ['admin'] } }, async (request, reply) => {
    schoolFor(request, request.params.id);
    const route = (await store.listRoutes(request.params.id)).find((r) => r.id === request.params.routeId);
    if (!route || !(await removeRoute(store, route.id))) throw new InvigilatorError('NOT_FOUND');
    return reply.code(204).send();
  });

  app.put<{ Params: { id: string }; Body: { escalateAfterMinutes?: number; floodLimit?: number; floodWindowMinutes?: number } }>('/api/v1/schools/:id/alert-settings', {
    config: { access: ['admin'] },
    schema: { params: SCHOOL_PARAM, body: { type: 'object', additionalProperties: false, properties: { escalateAfterMinutes: { type: 'integer' }, floodLimit: { type: 'integer' }, floodWindowMinutes: { type: 'integer' } } }, response: { 200: { type: 'object', properties: { settings: REPORT_JSON }, required: ['settings'] } } },
  }, async (request) => {
    const schoolId = schoolFor(request, request.params.id);
    return { settings: await setAlertSettings(store, schoolId, request.body) };
  });
};
