// Devices: the paged, filtered list a technician works through; one device's page (each check's verdict with
// the facts behind it and its clause, outbox backlog, how to get a diagnostic bundle); its verdict timeline;
// and its events (observations and misuse split by role).
import type { FastifyInstance } from 'fastify';
import { CHECK_NAMES } from '@invigilator/shared/checks.ts';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { DEVICE_SORTS, type DeviceCursor, type DeviceListRow, type DeviceSort } from '../../store/dashboard-types.ts';
import type { Device, Store } from '../../store/types.ts';
import {
  ALERT_ROLES, assertSameSchool, audit, DEVICE_ROLES, principalOf, schoolScope, visibleEventKinds, type Principal,
} from '../access.ts';
import { diagnosticSteps, platformFact, platformName, PLATFORMS, type PlatformName } from '../diagnostics.ts';
import { iso, presentDevice, presentEvent } from '../present.ts';
import { CURSOR_SCHEMA, decodeCursor, encodeCursor, LIMIT_SCHEMA, listPattern, splitList } from './paging.ts';
import { DEVICE_LIST_RESPONSE, DEVICE_PAGE_RESPONSE, TIMELINE_RESPONSE, EVENTS_RESPONSE } from './schemas.ts';

const DEVICE_EVENT_ROLES = [...ALERT_ROLES];
const ISO_TIME = { type: 'string', format: 'date-time' } as const;

interface DeviceListQuery {
  q?: string; school?: string; platform?: string; failing?: string; silent?: boolean; seenBefore?: string; seenAfter?: string;
  sort: DeviceSort; order?: 'asc' | 'desc'; cursor?: string; limit: number;
}

const DEVICE_LIST_SCHEMA = {
  querystring: {
    type: 'object', additionalProperties: false,
    properties: {
      q: { type: 'string', minLength: 1, maxLength: 64 },
      school: { type: 'string', minLength: 1, maxLength: 1000 },
      platform: { type: 'string', pattern: listPattern(PLATFORMS) },
      failing: { type: 'string', pattern: `${listPattern(CHECK_NAMES)}|^any$` },
      silent: { type: 'boolean' },
      seenBefore: ISO_TIME,
      seenAfter: ISO_TIME,
      sort: { type: 'string', enum: DEVICE_SORTS, default: 'hostname' },
      order: { type: 'string', enum: ['asc', 'desc'] },
      ...CURSOR_SCHEMA,
      ...LIMIT_SCHEMA,
    },
  },
  response: { 200: DEVICE_LIST_RESPONSE },
} as const;

const isDeviceCursor = (value: unknown): value is DeviceCursor => {
  const v = value as Partial<DeviceCursor> | null;
  return typeof v === 'object' && v !== null && typeof v.id === 'string'
    && (v.key === null || typeof v.key === 'string' || typeof v.key === 'number');
};

const sortKeyOf = (row: DeviceListRow, sort: DeviceSort): string | number => {
  if (sort === 'hostname') return row.device.hostname;
  if (sort === 'lastSeen') return row.device.lastSeenAt ?? 0;
  return row.failingCount;
};

const timeOf = (text: string | undefined): number | undefined => (text === undefined ? undefined : Date.parse(text));

/** A device as the list and the device page show it: its platform, whether it is silent, which checks fail. */
const presentListed = (device: Device, verdicts: Parameters<typeof presentDevice>[1], silent: boolean) => ({
  ...presentDevice(device, verdicts),
  platform: platformName(device.facts.platform),
  osName: typeof device.facts.osName === 'string' ? device.facts.osName : null,
  osVersion: typeof device.facts.osVersion === 'string' ? device.facts.osVersion : null,
  agentVersion: typeof device.facts.agentVersion === 'string' ? device.facts.agentVersion : null,
  silent,
  failingChecks: verdicts.filter((v) => v.status === 'fail').map((v) => v.check).sort(),
});

export const deviceRoutes = (app: FastifyInstance, store: Store): void => {
  const deviceFor = async (principal: Principal, id: string) => {
    const device = await store.getDevice(id);
    if (!device) throw new InvigilatorError('NOT_FOUND');
    assertSameSchool(principal, device.schoolId);
    return device;
  };

  app.get<{ Querystring: DeviceListQuery }>('/api/v1/devices', { config: { access: DEVICE_ROLES }, schema: DEVICE_LIST_SCHEMA }, async (request) => {
    const principal = principalOf(request);
    const { q, school, platform, failing, silent, seenBefore, seenAfter, sort, order, cursor, limit } = request.query;
    // Host names read A to Z; times and failure counts most recent and worst first.
    const descending = (order ?? (sort === 'hostname' ? 'asc' : 'desc')) === 'desc';
    const scope = schoolScope(principal);
    const asked = school ? splitList(school) : undefined;
    const schoolIds = asked && scope.schoolIds ? asked.filter((id) => scope.schoolIds?.includes(id)) : (asked ?? scope.schoolIds);
    const { rows, total } = await store.listDevicePage({
      ...(schoolIds ? { schoolIds } : {}),
      ...(q ? { hostnameContains: q } : {}),
      ...(platform ? { platforms: splitList<PlatformName>(platform).map(platformFact) } : {}),
      ...(failing ? { failing: failing === 'any' ? 'any' as const : splitList(failing) } : {}),
      ...(silent === undefined ? {} : { silent }),
      ...(seenBefore ? { seenBefore: timeOf(seenBefore) } : {}),
      ...(seenAfter ? { seenAfter: timeOf(seenAfter) } : {}),
      sort, descending, limit,
      ...(cursor ? { after: decodeCursor(cursor, isDeviceCursor) } : {}),
    });
    // One query for every listed device's verdicts.
    const verdicts = await store.listVerdictsOfDevices(rows.map((row) => row.device.id));
    const last = rows.at(-1);
    return {
      devices: rows.map((row) => presentListed(row.device, verdicts.get(row.device.id) ?? [], row.silent)),
      total,
      nextCursor: rows.length === limit && last ? encodeCursor({ key: sortKeyOf(last, sort), id: last.device.id } satisfies DeviceCursor) : null,
    };
  });

  app.get<{ Params: { id: string } }>('/api/v1/devices/:id', {
    config: { access: DEVICE_ROLES }, schema: { response: { 200: DEVICE_PAGE_RESPONSE } },
  }, async (request) => {
    const device = await deviceFor(principalOf(request), request.params.id);
    const [verdicts, observations, backlog, silent] = await Promise.all([
      store.listVerdicts(device.id), store.latestObservationsOfDevice(device.id), store.getOutboxBacklog(device.id), store.isDeviceSilent(device.id),
    ]);
    const factsOf = new Map(observations.map((event) => [event.checkName, event]));
    const listed = presentListed(device, verdicts, silent);
    return {
      device: {
        ...listed,
        outbox: backlog ? { depth: backlog.depth, reportedAt: iso(backlog.reportedAt) } : null,
        checks: Object.fromEntries(Object.entries(listed.checks).map(([check, verdict]) => {
          const event = factsOf.get(check);
          return [check, { ...verdict, facts: event ? { observedAt: iso(event.occurredAt), seq: event.seq, observation: event.payload } : null }];
        })),
      },
      diagnostics: diagnosticSteps(listed.platform),
    };
  });

  app.get<{ Params: { id: string }; Querystring: { check?: string; cursor?: string; limit: number } }>('/api/v1/devices/:id/timeline', {
    config: { access: DEVICE_ROLES },
    schema: {
      querystring: {
        type: 'object', additionalProperties: false,
        properties: { check: { type: 'string', enum: CHECK_NAMES }, ...CURSOR_SCHEMA, ...LIMIT_SCHEMA },
      },
      response: { 200: TIMELINE_RESPONSE },
    },
  }, async (request) => {
    const device = await deviceFor(principalOf(request), request.params.id);
    const { check, cursor, limit } = request.query;
    const before = cursor ? decodeCursor(cursor, (v): v is { id: number } => Number.isInteger((v as { id?: unknown } | null)?.id)) : undefined;
    const changes = await store.listVerdictChangePage(device.id, { limit, ...(check ? { check } : {}), ...(before ? { beforeId: before.id } : {}) });
    const last = changes.at(-1);
    return {
      changes: changes.map((c) => ({
        at: iso(c.changedAt), check: c.check, from: c.fromStatus, to: c.toStatus, reasonCode: c.reasonCode, reason: c.reason, clauseId: c.clauseId,
      })),
      nextCursor: changes.length === limit && last ? encodeCursor({ id: last.id }) : null,
    };
  });

  app.get<{ Params: { id: string }; Querystring: { limit: number; before?: number } }>('/api/v1/devices/:id/events', {
    config: { access: DEVICE_EVENT_ROLES },
    schema: {
      querystring: {
        type: 'object', additionalProperties: false,
        properties: { ...LIMIT_SCHEMA, before: { type: 'integer', minimum: 1 } },
      },
      response: { 200: EVENTS_RESPONSE },
    },
  }, async (request) => {
    const principal = principalOf(request);
    const device = await deviceFor(principal, request.params.id);
    const { limit, before } = request.query;
    const events = await store.listEvents({
      deviceId: device.id, kinds: visibleEventKinds(principal.roles), limit, ...(before ? { beforeSeq: before } : {}),
    });
    if (events.some((event) => event.kind === 'misuse')) {
      await audit(store, principal, 'view misuse events', `device ${device.id} (${request.url})`, device.schoolId);
    }
    const last = events.at(-1);
    return { events: events.map(presentEvent), nextBefore: events.length === limit && last ? last.seq : null };
  });
};
