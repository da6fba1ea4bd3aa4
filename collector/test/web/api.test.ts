import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ERRORS } from '@invigilator/shared/errors.ts';
import { Tri } from '@invigilator/shared/wire.ts';
import { createApiToken } from '../../src/tokens.ts';
import type { Role } from '../../src/store/types.ts';
import { acknowledgeTestAlert, raiseTestAlert, resolveTestAlert } from '../helpers/alerts.ts';
import {
  enrolDevice, firewallEvent, helloAgent, mediaAttachedEvent, startTestCollector, type TestCollector,
} from '../helpers/collector.ts';

let collector: TestCollector;
let north: Awaited<ReturnType<typeof enrolDevice>>;
let south: Awaited<ReturnType<typeof enrolDevice>>;
const tokens: Record<string, string> = {};

const token = async (name: string, role: Role, schoolId?: string): Promise<void> => {
  tokens[name] = (await createApiToken(collector.store, { role, schoolId, label: name }, Date.now())).token;
};

const call = async (path: string, as?: string, method = 'GET') => {
  const response = await fetch(`${collector.apiUrl}${path}`, {
    method, headers: as ? { authorization: `Bearer ${tokens[as] ?? as}` } : {},
  });
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  // Responses are read field by field in each test; their shapes are what is under test.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, body: (type.includes('json') ? JSON.parse(text) : text) as any };
};

const auditCount = async (): Promise<number> => (await collector.store.listAudit({ limit: 1000 })).length;

beforeAll(async () => {
  collector = await startTestCollector();
  north = await enrolDevice(collector, 'north');
  south = await enrolDevice(collector, 'south');
  const { agent } = await helloAgent(collector, north);
  agent.send({ batch: { events: [firewallEvent(1, Tri.TRI_NO), mediaAttachedEvent(2)] } });
  await agent.next();
  agent.socket.close();
  await token('admin', 'admin');
  await token('manager', 'network-manager');
  await token('tech', 'technician');
  await token('dsl', 'dsl');
  await token('governor', 'governor');
  await token('south-tech', 'technician', 'south');
  await token('south-admin', 'admin', 'south');
});
afterAll(async () => { await collector.cleanUp(); });

describe('who am I', () => {
  it.each([
    ['admin', { roles: ['admin'], schools: 'all', sees: { devices: true, alertCategories: ['posture', 'availability'] } }],
    ['tech', { roles: ['technician'], schools: 'all', sees: { devices: true, alertCategories: ['posture', 'availability'] } }],
    ['dsl', { roles: ['dsl'], schools: 'all', sees: { devices: false, alertCategories: ['misuse'] } }],
    ['governor', { roles: ['governor'], schools: 'all', sees: { devices: false, alertCategories: [] } }],
    ['south-tech', { roles: ['technician'], schools: ['south'], sees: { devices: true, alertCategories: ['posture', 'availability'] } }],
  ])('tells %s (a service token) its roles, schools and what it may see', async (as, expected) => {
    const { status, body } = await call('/api/v1/me', as);
    expect(status).toBe(200);
    expect(body).toEqual({ ...expected, label: as, personId: null, email: null, sessionId: null, tokenId: tokens[as]!.split('.')[0] });
  });

  it('serves the dashboard page without a token; the page itself holds no data', async () => {
    const { status, body } = await call('/');
    expect(status).toBe(200);
    expect(body).toContain('<title>Invigilator</title>');
    expect(body).not.toContain(north.deviceId);
  });
});

describe('without a token', () => {
  it('answers /healthz', async () => {
    expect(await call('/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
  });

  it('serves Prometheus metrics about ingest and open alerts', async () => {
    const { status, body } = await call('/metrics', 'admin');
    expect(status).toBe(200);
    expect(body).toContain('invigilator_events_ingested_total 2');
    expect(body).toContain('invigilator_frames_received_total{type="batch"} 1');
    expect(body).toContain('invigilator_alerts_open{category="misuse"} 1');
    expect(body).toMatch(/invigilator_ingest_commit_seconds_count 1/);
  });

  it.each([
    ['no token', undefined, 401, 'API_TOKEN_MISSING'],
    ['a made-up token', 'abc.def', 401, 'API_TOKEN_INVALID'],
    ['a token with a wrong secret', 'WRONG', 401, 'API_TOKEN_INVALID'],
    ['a governor', 'governor', 403, 'API_FORBIDDEN'],
  ] as const)('refuses /api/v1/devices with %s', async (_name, as, status, code) => {
    const who = as === 'WRONG' ? `${tokens.tech?.split('.')[0]}.wrong` : as;
    expect(await call('/api/v1/devices', who)).toEqual({ status, body: { error: { code, message: ERRORS[code] } } });
  });

  // The token is checked before the query is: a caller without one learns nothing about a route's parameters.
  it.each([
    ['no token', 401, 'API_TOKEN_MISSING', '/api/v1/alerts?status=closed', undefined],
    ['no token', 401, 'API_TOKEN_MISSING', '/api/v1/devices/x/events?limit=0', undefined],
    ['a made-up token', 401, 'API_TOKEN_INVALID', '/api/v1/audit?limit=9999', 'abc.def'],
    ['a governor', 403, 'API_FORBIDDEN', '/api/v1/alerts?limit=abc', 'governor'],
  ] as const)('answers %s with %s %s before looking at the query of %s', async (_name, status, code, path, as) => {
    expect(await call(path, as)).toEqual({ status, body: { error: { code, message: ERRORS[code] } } });
  });
});

describe('devices', () => {
  it('lists every device with facts and latest verdicts for a trust-wide technician', async () => {
    const { status, body } = await call('/api/v1/devices', 'tech');
    expect(status).toBe(200);
    expect(body.devices.map((d: { id: string }) => d.id).sort()).toEqual([north.deviceId, south.deviceId].sort());
    const device = body.devices.find((d: { id: string }) => d.id === north.deviceId);
    expect(device.facts.hostname).toBe('lab-07');
    expect(device.checks.firewall).toMatchObject({ status: 'fail', reasonCode: 'FIREWALL_OFF', clause: { id: 'firewall' } });
    expect(device.checks.firewall.since).toBe('2026-11-20T09:00:01.000Z');
    expect(JSON.stringify(body)).not.toContain('credential');
  });

  it('reads every listed device\'s verdicts in one store call, not one per device', async () => {
    const perDevice = vi.spyOn(collector.store, 'listVerdicts');
    const batched = vi.spyOn(collector.store, 'listVerdictsOfDevices');
    try {
      const { body } = await call('/api/v1/devices', 'tech');
      expect(body.devices).toHaveLength(2);
      expect(perDevice).not.toHaveBeenCalled();
      expect(batched).toHaveBeenCalledTimes(1);
    } finally {
      perDevice.mockRestore();
      batched.mockRestore();
    }
  });

  it('shows a school-scoped token only its school, and another school\'s device as not found', async () => {
    const list = await call('/api/v1/devices', 'south-tech');
    expect(list.body.devices.map((d: { id: string }) => d.id)).toEqual([south.deviceId]);
    expect((await call(`/api/v1/devices/${south.deviceId}`, 'south-tech')).status).toBe(200);
    const other = await call(`/api/v1/devices/${north.deviceId}`, 'south-tech');
    expect(other).toEqual({ status: 404, body: { error: { code: 'NOT_FOUND', message: ERRORS.NOT_FOUND } } });
    expect((await call(`/api/v1/devices/${north.deviceId}/events`, 'south-tech')).status).toBe(404);
  });
});

describe('events by role', () => {
  it.each([
    ['tech', ['observation'], false],
    ['dsl', ['misuse'], true],
    ['admin', ['observation'], false],
  ] as const)('%s sees %j, audited: %s', async (as, kinds, audited) => {
    const before = await auditCount();
    const { status, body } = await call(`/api/v1/devices/${north.deviceId}/events`, as);
    expect(status).toBe(200);
    expect(body.events.map((e: { kind: string }) => e.kind)).toEqual(kinds);
    expect(await auditCount()).toBe(before + (audited ? 1 : 0));
  });

  it('pages newest first by seq', async () => {
    const all = await call(`/api/v1/devices/${north.deviceId}/events?before=3`, 'dsl');
    expect(all.body.events.map((e: { seq: number }) => e.seq)).toEqual([2]);
    const first = await call(`/api/v1/devices/${north.deviceId}/events?limit=1`, 'tech');
    expect(first.body.events.map((e: { seq: number }) => e.seq)).toEqual([1]);
    expect(first.body.nextBefore).toBe(1);
    const second = await call(`/api/v1/devices/${north.deviceId}/events?limit=1&before=1`, 'tech');
    expect(second.body.events).toEqual([]);
  });

  it('refuses a bad page size as BAD_REQUEST, naming the field', async () => {
    const { status, body } = await call(`/api/v1/devices/${north.deviceId}/events?limit=0`, 'admin');
    expect(status).toBe(400);
    expect(body.error.code).toBe('BAD_REQUEST');
    expect(body.error.message).toMatch(new RegExp(`^${ERRORS.BAD_REQUEST.replace('.', '\\.')} .*limit`));
  });
});

describe('alerts by role', () => {
  it('refuses misuse alerts to a technician and all alerts to a governor', async () => {
    expect((await call('/api/v1/alerts?category=misuse', 'tech')).body.error.code).toBe('API_FORBIDDEN');
    expect((await call('/api/v1/alerts?category=misuse', 'tech')).status).toBe(403);
    expect((await call('/api/v1/alerts', 'governor')).status).toBe(403);
  });

  it('lists a technician only posture and availability alerts, unaudited', async () => {
    const before = await auditCount();
    const { body } = await call('/api/v1/alerts', 'tech');
    expect(body.alerts.map((a: { category: string }) => a.category)).toEqual(['posture']);
    expect(await auditCount()).toBe(before);
  });

  it('lists the DSL only misuse alerts and writes who looked', async () => {
    const { body } = await call('/api/v1/alerts?status=open', 'dsl');
    expect(body.alerts.map((a: { category: string }) => a.category)).toEqual(['misuse']);
    const [entry] = await collector.store.listAudit({ limit: 1 });
    expect(entry).toMatchObject({ roles: ['dsl'], label: 'dsl', personEmail: null, action: 'view misuse alerts', schoolId: 'north' });
    expect(entry?.target).toBe(`1 not shown to them before: alert ${body.alerts[0].id} (/api/v1/alerts?status=open)`);
  });

  it('writes no audit entry when a refresh shows the same misuse alerts in the same state', async () => {
    const before = await auditCount();
    await call('/api/v1/alerts?status=open', 'dsl');
    await call('/api/v1/alerts?status=open', 'dsl');
    expect(await auditCount()).toBe(before);
  });

  it('writes one audit entry per request however many misuse alerts it returns, naming each one new to the caller', async () => {
    const extra = [];
    for (const n of [1, 2]) {
      extra.push((await raiseTestAlert(collector.store, {
        schoolId: 'north', deviceId: north.deviceId, category: 'misuse', severity: 'critical', dedupKey: `audit-test-${n}`,
        title: 'Files copied', summary: 'Files copied to a memory stick.', check: null, clauseId: 'safeguards',
        clauseText: 'No bypassing.', detail: {}, at: Date.now(),
      })));
    }
    try {
      const before = await auditCount();
      const { body } = await call('/api/v1/alerts?category=misuse&limit=500', 'dsl');
      const ids: string[] = body.alerts.map((a: { id: string }) => a.id);
      expect(ids.length).toBe(3);
      expect(await auditCount()).toBe(before + 1);
      const [entry] = await collector.store.listAudit({ limit: 1 });
      expect(entry).toMatchObject({ roles: ['dsl'], action: 'view misuse alerts', schoolId: 'north' });
      // The DSL was shown the first alert by an earlier test: only the two new ones are named.
      expect(entry?.target).toMatch(/^2 not shown to them before: /);
      for (const id of extra) expect(entry?.target).toContain(id);
      expect(entry?.target).toContain('(/api/v1/alerts?category=misuse&limit=500)');
    } finally {
      for (const id of extra) await resolveTestAlert(collector.store, id, Date.now(), 'test');
    }
  });

  it('lists several statuses at once with status=open,acknowledged, and refuses an unknown one', async () => {
    const made = async (n: number) => (await raiseTestAlert(collector.store, {
      schoolId: 'north', deviceId: north.deviceId, category: 'availability', severity: 'warning', dedupKey: `status-test-${n}`,
      title: 'Silent', summary: 'Not seen.', check: null, clauseId: 'monitoring', clauseText: 'Stay in contact.', detail: {},
      at: Date.now(),
    }));
    const [open, acknowledged, resolved] = [await made(1), await made(2), await made(3)];
    await acknowledgeTestAlert(collector.store, acknowledged, Date.now(), 'test');
    await resolveTestAlert(collector.store, resolved, Date.now(), 'test');
    try {
      const { status, body } = await call('/api/v1/alerts?status=open,acknowledged&category=availability', 'tech');
      expect(status).toBe(200);
      expect(body.alerts.map((a: { id: string }) => a.id).sort()).toEqual([open, acknowledged].sort());
      for (const bad of ['closed', 'open,closed', 'open,', ',open']) {
        const refused = await call(`/api/v1/alerts?status=${bad}`, 'tech');
        expect(refused.status).toBe(400);
        expect(refused.body.error.message).toContain('status');
      }
    } finally {
      for (const id of [open, acknowledged]) await resolveTestAlert(collector.store, id, Date.now(), 'test');
    }
  });

  it('lets each role acknowledge and resolve only its own kind of alert, recording who', async () => {
    const misuse = (await call('/api/v1/alerts?category=misuse&status=open', 'dsl')).body.alerts[0];
    const posture = (await call('/api/v1/alerts?category=posture', 'tech')).body.alerts[0];
    expect((await call(`/api/v1/alerts/${misuse.id}/acknowledge`, 'tech', 'POST')).status).toBe(403);
    expect((await call(`/api/v1/alerts/${posture.id}/acknowledge`, 'dsl', 'POST')).status).toBe(403);
    expect((await call(`/api/v1/alerts/${posture.id}/resolve`, 'south-tech', 'POST')).status).toBe(404);

    const acknowledged = await call(`/api/v1/alerts/${misuse.id}/acknowledge`, 'dsl', 'POST');
    expect(acknowledged.body.alert).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'dsl (dsl)' });
    const [entry] = await collector.store.listAudit({ limit: 1 });
    expect(entry).toMatchObject({ action: 'acknowledge misuse alert', target: `alert ${misuse.id}` });

    const resolved = await call(`/api/v1/alerts/${posture.id}/resolve`, 'tech', 'POST');
    expect(resolved.body.alert).toMatchObject({ status: 'resolved', resolvedBy: 'tech (technician)' });
    expect((await call('/api/v1/alerts/no-such-alert/resolve', 'admin', 'POST')).status).toBe(404);
  });
});

describe('audit log', () => {
  it('is for administrators only', async () => {
    expect((await call('/api/v1/audit', 'manager')).status).toBe(403);
    const { status, body } = await call('/api/v1/audit', 'admin');
    expect(status).toBe(200);
    expect(body.entries.length).toBeGreaterThan(0);
    expect(body.entries[0].at).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('shows a school-scoped administrator only its school\'s entries', async () => {
    const { status, body } = await call('/api/v1/audit', 'south-admin');
    expect(status).toBe(200);
    expect(body.entries).toEqual([]);
  });
});
