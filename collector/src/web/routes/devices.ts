// Devices with their latest verdicts, and each device's events (observations and misuse split by role).
import type { FastifyInstance } from 'fastify';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import type { Store } from '../../store/types.ts';
import { ALERT_ROLES, assertSameSchool, audit, DEVICE_ROLES, principalOf, schoolScope, visibleEventKinds, type Principal } from '../access.ts';
import { presentDevice, presentEvent } from '../present.ts';
import { LIMIT_SCHEMA } from './paging.ts';

const DEVICE_EVENT_ROLES = [...ALERT_ROLES];

export const deviceRoutes = (app: FastifyInstance, store: Store): void => {
  const deviceFor = async (principal: Principal, id: string) => {
    const device = await store.getDevice(id);
    if (!device) throw new InvigilatorError('NOT_FOUND');
    assertSameSchool(principal, device.schoolId);
    return device;
  };

  app.get('/api/v1/devices', { config: { access: DEVICE_ROLES } }, async (request) => {
    const principal = principalOf(request);
    const devices = await store.listDevices(schoolScope(principal));
    // One query for every device's verdicts: the dashboard asks for this list on each refresh.
    const verdicts = await store.listVerdictsOfDevices(devices.map((d) => d.id));
    return { devices: devices.map((d) => presentDevice(d, verdicts.get(d.id) ?? [])) };
  });

  app.get<{ Params: { id: string } }>('/api/v1/devices/:id', { config: { access: DEVICE_ROLES } }, async (request) => {
    const device = await deviceFor(principalOf(request), request.params.id);
    return { device: presentDevice(device, await store.listVerdicts(device.id)) };
  });

  app.get<{ Params: { id: string }; Querystring: { limit: number; before?: number } }>('/api/v1/devices/:id/events', {
    config: { access: DEVICE_EVENT_ROLES },
    schema: {
      querystring: {
        type: 'object', additionalProperties: false,
        properties: { ...LIMIT_SCHEMA, before: { type: 'integer', minimum: 1 } },
      },
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
