// The dashboard's API against a real collector over HTTP with its SQLite file: the technician's paged device
// list and device page, the network manager's overview, the DSL's incidents (every file, the timeline, notes,
// exports), what each role may not read, and audit rows only for what a person had not been shown before.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CollectionStatus, MisuseKind, Tri, type Event } from '@invigilator/shared/wire.ts';
import { DATABASE_FILE } from '../../src/main.ts';
import { addSchool } from '../../src/schools.ts';
import { createApiToken } from '../../src/tokens.ts';
import type { Role } from '../../src/store/types.ts';
import { connectAgent, type TestAgent } from '../helpers/agent-client.ts';
import { startTestCollector, type TestCollector } from '../helpers/collector.ts';
import { checkedCaller, openApiChecker, type AnyBody, type OpenApiChecker } from '../helpers/openapi.ts';

let collector: TestCollector;
let openApi: OpenApiChecker;
const tokens: Record<string, string> = {};
const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);

type Body = AnyBody;
const call = checkedCaller(() => ({ apiUrl: collector.apiUrl, openApi }), tokens);

const auditRows = async () => collector.store.listAudit({ limit: 10_000 });

interface Enrolled { deviceId: string; agent: TestAgent; seq: number }

/** Enrols a device with these facts and says Hello, as an agent does. */
const enrol = async (schoolId: string, secret: string, hostname: string, platform: number): Promise<Enrolled> => {
  const facts = { hostname, platform, osName: platform === 2 ? 'Windows 11 Pro' : 'Debian GNU/Linux', osVersion: '1', agentVersion: '0.1.0' };
  const enrolling = await connectAgent(collector.agentUrl);
  enrolling.send({ enrolRequest: { enrolmentSecret: secret, facts } });
  const { enrolResponse } = await enrolling.next();
  await enrolling.closed;
  const agent = await connectAgent(collector.agentUrl);
  agent.send({ hello: { deviceId: enrolResponse!.deviceId!, deviceCredential: enrolResponse!.deviceCredential!, facts } });
  await agent.next();
  return { deviceId: enrolResponse!.deviceId!, agent, seq: 0 };
};

/** Sends events as one batch and waits for its acknowledgement. */
const send = async (device: Enrolled, events: Array<Omit<Event, 'seq'>>): Promise<void> => {
  device.agent.send({ batch: { events: events.map((event) => ({ ...event, seq: (device.seq += 1) })) } });
  const reply = await device.agent.next();
  expect(reply.ack?.upToSeq).toBeDefined();
};

const firewall = (enabled: number, at: number): Omit<Event, 'seq'> => ({
  occurredAtMs: at, observation: { check: 'firewall', status: CollectionStatus.COLLECTED, firewall: { enabled, backend: 'nftables', inboundDefault: 2 } },
});
const STICK = { vendor: 'SanDisk', model: 'Cruzer Blade', serial: 'SN-4C5300', label: 'KEYS-7Q', bus: 'usb' };
const PUPIL = 'pupil-x7k2';
const FILES = ['essay-draft.docx', 'photo-0042.jpg', 'notes-secret.txt'];
const misuse = (kind: MisuseKind, at: number, file?: string): Omit<Event, 'seq'> => ({
  occurredAtMs: at, misuse: { kind, user: PUPIL, device: STICK, ...(file ? { file: { name: file, sizeBytes: 100 } } : {}) },
});

let north: { a: Enrolled; b: Enrolled };
let southDevice: Enrolled;

beforeAll(async () => {
  collector = await startTestCollector();
  openApi = await openApiChecker(collector.apiUrl);
  const [northSecret, southSecret] = [
    await addSchool(collector.store, { id: 'north', name: 'North Primary' }, T0),
    await addSchool(collector.store, { id: 'south', name: 'South Academy' }, T0),
  ];
  north = { a: await enrol('north', northSecret, 'NP-LAPTOP-001', 2), b: await enrol('north', northSecret, 'np-desk-002', 1) };
  southDevice = await enrol('south', southSecret, 'SA-LAPTOP-100', 2);
  await send(north.a, [firewall(Tri.TRI_YES, T0), firewall(Tri.TRI_NO, T0 + 60_000)]);
  await send(north.b, [firewall(Tri.TRI_YES, T0)]);
  await send(southDevice, [firewall(Tri.TRI_NO, T0)]);
  const make = async (name: string, role: Role, schoolId?: string) => {
    tokens[name] = (await createApiToken(collector.store, { role, label: name, ...(schoolId ? { schoolId } : {}) }, Date.now())).token;
  };
  await make('admin', 'admin');
  await make('manager', 'network-manager');
  await make('tech', 'technician');
  await make('south-tech', 'technician', 'south');
  await make('dsl', 'dsl');
  await make('dsl-2', 'dsl');
  await make('south-dsl', 'dsl', 'south');
  await make('governor', 'governor');
});
afterAll(async () => {
  for (const device of [north?.a, north?.b, southDevice]) device?.agent.socket.close();
  await collector?.cleanUp();
});

describe('the technician\'s device list', () => {
  it('pages by cursor in host-name order (case aside), with the total, platform and failing checks', async () => {
    const first = await call('/api/v1/devices?limit=2', 'tech');
    expect(first.status).toBe(200);
    expect(first.body.total).toBe(3);
    expect(first.body.devices.map((d: Body) => d.hostname)).toEqual(['np-desk-002', 'NP-LAPTOP-001']);
    expect(first.body.devices[1]).toMatchObject({ platform: 'windows', osName: 'Windows 11 Pro', failingChecks: ['firewall'], silent: false });
    expect(first.body.devices[1].checks.firewall).toMatchObject({ status: 'fail', reasonCode: 'FIREWALL_OFF' });
    const second = await call(`/api/v1/devices?limit=2&cursor=${first.body.nextCursor}`, 'tech');
    expect(second.body.devices.map((d: Body) => d.hostname)).toEqual(['SA-LAPTOP-100']);
    expect(second.body.nextCursor).toBeNull();
  });

  it.each([
    ['q=laptop', ['NP-LAPTOP-001', 'SA-LAPTOP-100']],
    ['school=north', ['np-desk-002', 'NP-LAPTOP-001']],
    ['platform=linux', ['np-desk-002']],
    ['platform=windows,linux&school=south', ['SA-LAPTOP-100']],
    ['failing=firewall', ['NP-LAPTOP-001', 'SA-LAPTOP-100']],
    ['failing=any&sort=failing&order=asc&school=south', ['SA-LAPTOP-100']],
    ['failing=encryption', []],
    ['silent=true', []],
    ['silent=false&sort=hostname&order=desc', ['SA-LAPTOP-100', 'NP-LAPTOP-001', 'np-desk-002']],
    ['seenBefore=2000-01-01T00:00:00Z', []],
    ['seenAfter=2000-01-01T00:00:00Z&q=desk', ['np-desk-002']],
  ])('filters with %s', async (query, hostnames) => {
    const { status, body } = await call(`/api/v1/devices?${query}`, 'tech');
    expect(status).toBe(200);
    expect(body.devices.map((d: Body) => d.hostname)).toEqual(hostnames);
    expect(body.total).toBe(hostnames.length);
  });

  it('sorts by last seen, newest first by default', async () => {
    const { body } = await call('/api/v1/devices?sort=lastSeen', 'tech');
    const times = body.devices.map((d: Body) => Date.parse(d.lastSeenAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('shows a school-scoped technician only its school, whatever school it asks for', async () => {
    expect((await call('/api/v1/devices', 'south-tech')).body.devices.map((d: Body) => d.hostname)).toEqual(['SA-LAPTOP-100']);
    expect((await call('/api/v1/devices?school=north', 'south-tech')).body).toMatchObject({ devices: [], total: 0 });
  });

  it.each([
    ['sort=colour', /sort/], ['platform=amiga', /platform/], ['failing=everything', /failing/], ['seenBefore=yesterday', /seenBefore/],
    ['limit=501', /limit/], ['cursor=not-ours', /cursor/], ['colour=red', /colour|additional/],
  ])('refuses %s as BAD_REQUEST', async (query, field) => {
    const { status, body } = await call(`/api/v1/devices?${query}`, 'tech');
    expect(status).toBe(400);
    expect(body.error.code).toBe('BAD_REQUEST');
    expect(body.error.message).toMatch(field);
  });
});

describe('a device\'s page', () => {
  it('shows each verdict with the observation behind it and its clause, the outbox backlog and how to get a bundle', async () => {
    north.a.agent.send({ heartbeat: { sentAtMs: Date.now(), outboxDepth: 37 } });
    await expect.poll(async () => (await call(`/api/v1/devices/${north.a.deviceId}`, 'tech')).body.device.outbox?.depth).toBe(37);
    const { body } = await call(`/api/v1/devices/${north.a.deviceId}`, 'tech');
    expect(body.device.checks.firewall).toMatchObject({
      status: 'fail', clause: { id: expect.any(String), text: expect.stringMatching(/\w/) },
      facts: { seq: 2, observation: { check: 'firewall', firewall: { enabled: 'TRI_NO' } } },
    });
    expect(body.diagnostics).toMatchObject({ platform: 'windows', command: expect.stringContaining('invigilator-agent.exe" diagnose --out') });
  });

  it('tells the history of verdict changes, newest first, paged', async () => {
    const first = await call(`/api/v1/devices/${north.a.deviceId}/timeline?limit=1`, 'tech');
    expect(first.body.changes).toEqual([expect.objectContaining({ check: 'firewall', from: 'pass', to: 'fail', reasonCode: 'FIREWALL_OFF' })]);
    const rest = await call(`/api/v1/devices/${north.a.deviceId}/timeline?cursor=${first.body.nextCursor}`, 'tech');
    expect(rest.body.changes).toEqual([expect.objectContaining({ check: 'firewall', from: null, to: 'pass' })]);
    expect(rest.body.nextCursor).toBeNull();
    expect((await call(`/api/v1/devices/${north.a.deviceId}/timeline`, 'south-tech')).status).toBe(404);
    expect((await call(`/api/v1/devices/${north.a.deviceId}/timeline`, 'dsl')).status).toBe(403);
  });
});

describe('a misuse incident', () => {
  let incidentId: string;

  beforeAll(async () => {
    const at = Date.now() - 60_000;
    await send(north.a, [
      misuse(MisuseKind.MEDIA_ATTACHED, at),
      ...FILES.map((name, index) => misuse(MisuseKind.FILE_WRITTEN, at + 1000 * (index + 1), name)),
      misuse(MisuseKind.MEDIA_DETACHED, at + 10_000),
    ]);
  });

  it('keeps the device\'s words once: no alert row holds the stick, the pupil or a file name', () => {
    const db = new DatabaseSync(join(collector.dir, 'data', DATABASE_FILE), { readOnly: true });
    try {
      const rows = JSON.stringify(db.prepare('SELECT * FROM alerts').all());
      for (const text of [STICK.label, STICK.serial, PUPIL, ...FILES]) expect(rows).not.toContain(text);
      const events = JSON.stringify(db.prepare(`SELECT payload FROM events WHERE kind = 'misuse'`).all());
      for (const text of [STICK.label, PUPIL, ...FILES]) expect(events).toContain(text);
    } finally {
      db.close();
    }
  });

  it('lists incidents for the DSL with the user, the stick and how many files', async () => {
    const { status, body } = await call('/api/v1/incidents', 'dsl');
    expect(status).toBe(200);
    const copied = body.incidents.find((i: Body) => i.kind === 'files-copied');
    expect(copied).toMatchObject({ hostname: 'NP-LAPTOP-001', user: PUPIL, stick: STICK, fileCount: 3, severity: 'critical', status: 'open' });
    expect(body.incidents.map((i: Body) => i.severity)).toEqual(['critical', 'warning']);
    incidentId = copied.id;
  });

  it('shows every file copied, the timeline from plugged in to removed, the clause and the steps', async () => {
    const { body } = await call(`/api/v1/incidents/${incidentId}`, 'dsl');
    expect(body.incident.files.map((f: Body) => f.name)).toEqual(FILES);
    expect(body.incident.timeline.map((t: Body) => t.kind)).toEqual(['plugged', 'file', 'file', 'file', 'removed']);
    expect(body.incident.timeline[1].file).toEqual({ name: FILES[0] });
    expect(body.incident.clause.text).toMatch(/\w/);
    expect(body.incident.steps.length).toBeGreaterThan(1);
    expect(body.incident.summary).toContain(STICK.label);
  });

  it('finds incidents by pupil, file name or stick, and by state once resolved', async () => {
    for (const text of [PUPIL, 'photo-0042', STICK.serial]) {
      const { body } = await call(`/api/v1/incidents?q=${encodeURIComponent(text)}`, 'dsl');
      expect(body.incidents.map((i: Body) => i.id), text).toContain(incidentId);
    }
    expect((await call('/api/v1/incidents?q=nobody-at-all', 'dsl')).body.incidents).toEqual([]);
  });

  it('records case notes, acknowledgement and resolution with who and when, and keeps resolved incidents findable', async () => {
    const note = await call(`/api/v1/incidents/${incidentId}/notes`, 'dsl', { method: 'POST', body: { text: 'Spoke to the form tutor.' } });
    expect(note.status).toBe(201);
    expect(note.body.note).toMatchObject({ by: expect.stringContaining('dsl'), text: 'Spoke to the form tutor.' });
    expect((await call(`/api/v1/alerts/${incidentId}/acknowledge`, 'dsl', { method: 'POST', body: { note: 'Looking into it.' } })).status).toBe(200);
    expect((await call(`/api/v1/alerts/${incidentId}/resolve`, 'dsl', { method: 'POST', body: { note: 'Referred.' } })).status).toBe(200);
    const { body } = await call(`/api/v1/incidents/${incidentId}`, 'dsl');
    expect(body.incident.notes.map((n: Body) => n.text)).toEqual(['Spoke to the form tutor.']);
    expect(body.incident.history.map((h: Body) => [h.action, h.note])).toEqual([['opened', null], ['acknowledged', 'Looking into it.'], ['resolved', 'Referred.']]);
    expect(body.incident).toMatchObject({ status: 'resolved', acknowledgedBy: expect.stringContaining('dsl'), resolvedBy: expect.stringContaining('dsl') });
    expect((await call('/api/v1/incidents?state=open', 'dsl')).body.incidents.map((i: Body) => i.id)).not.toContain(incidentId);
    expect((await call('/api/v1/incidents?state=resolved', 'dsl')).body.incidents.map((i: Body) => i.id)).toEqual([incidentId]);
  });

  it('exports one incident as CSV with every file, and as a PDF that renders', async () => {
    const before = (await auditRows()).length;
    const csv = await call(`/api/v1/incidents/${incidentId}/export?format=csv`, 'dsl');
    expect(csv.status).toBe(200);
    expect(csv.type).toContain('text/csv');
    for (const text of [...FILES, 'Spoke to the form tutor.', 'Referred.']) expect(csv.body).toContain(text);
    const pdf = await call(`/api/v1/incidents/${incidentId}/export?format=pdf`, 'dsl');
    expect(pdf.type).toBe('application/pdf');
    const file = join(collector.dir, 'incident.pdf');
    writeFileSync(file, pdf.bytes);
    expect(execFileSync('/usr/bin/pdftotext', [file, '-'], { encoding: 'utf8' })).toContain(FILES[2]);
    const written = (await auditRows()).slice(0, (await auditRows()).length - before);
    expect(written.map((row) => row.action)).toEqual(['export misuse incident', 'export misuse incident']);
  });

  it('is not for an administrator, the network manager, a technician or a governor, nor another school\'s DSL', async () => {
    for (const as of ['admin', 'manager', 'tech', 'governor']) {
      expect((await call('/api/v1/incidents', as)).status, as).toBe(403);
      expect((await call(`/api/v1/incidents/${incidentId}`, as)).status, as).toBe(403);
    }
    expect((await call('/api/v1/alerts?category=misuse', 'manager')).status).toBe(403);
    expect((await call(`/api/v1/alerts/${incidentId}`, 'manager')).status).toBe(403);
    expect((await call('/api/v1/alerts?category=misuse', 'admin')).status).toBe(403);
    expect((await call('/api/v1/alerts', 'admin')).body.alerts.some((a: Body) => a.category === 'misuse')).toBe(false);
    expect((await call(`/api/v1/devices/${north.a.deviceId}/events`, 'manager')).body.events.every((e: Body) => e.kind === 'observation')).toBe(true);
    expect((await call(`/api/v1/incidents/${incidentId}`, 'south-dsl')).status).toBe(404);
  });

  it('gives the network manager the count in the overview, and nothing that names the pupil, stick or file', async () => {
    const { body } = await call('/api/v1/overview', 'manager');
    expect(body.totals.openAlerts.misuse).toBeGreaterThan(0);
    for (const text of [STICK.label, PUPIL, ...FILES]) expect(JSON.stringify(body)).not.toContain(text);
  });
});

describe('auditing what a person is shown', () => {
  it('writes a row when a refresh shows something new, and none when it shows the same again', async () => {
    const rowsOf = async () => (await auditRows()).filter((row) => row.label === 'dsl-2').length;
    await call('/api/v1/incidents', 'dsl-2');
    expect(await rowsOf()).toBe(1);
    // An open tab refreshing every 30 seconds: the same incidents in the same state.
    for (let i = 0; i < 5; i += 1) {
      await call('/api/v1/incidents', 'dsl-2');
      await call('/api/v1/alerts?status=open,acknowledged,resolved', 'dsl-2');
    }
    expect(await rowsOf()).toBe(1);
    // Something happens: the next refresh shows it, once.
    await send(north.b, [{ occurredAtMs: Date.now(), misuse: { kind: MisuseKind.BYPASS_TOOL, user: PUPIL, detail: 'proxy tool', subject: 'C:\\p.exe' } }]);
    await call('/api/v1/incidents', 'dsl-2');
    await call('/api/v1/incidents', 'dsl-2');
    const rows = (await auditRows()).filter((row) => row.label === 'dsl-2');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.target).toMatch(/^1 not shown to them before: alert /);
  });
});

describe('the overview', () => {
  it('counts devices, failing and silent, the share passing each check, open alerts by category, per school', async () => {
    const { status, body } = await call('/api/v1/overview?weeks=4', 'manager');
    expect(status).toBe(200);
    const northRow = body.schools.find((s: Body) => s.id === 'north');
    expect(northRow).toMatchObject({ name: 'North Primary', devices: 2, failing: 1, silent: 0 });
    expect(northRow.checks.firewall).toMatchObject({ pass: 1, fail: 1, passShare: 0.5, noVerdict: 0 });
    expect(northRow.checks.encryption).toMatchObject({ pass: 0, noVerdict: 2, passShare: 0 });
    expect(northRow.openAlerts.posture).toBe(1);
    expect(northRow.trend).toHaveLength(4);
    expect(northRow.trend.at(-1)).toMatchObject({ devices: 2, failing: 1, passShare: { firewall: 0.5 } });
    // Before the devices enrolled there was nothing to count.
    expect(northRow.trend[0]).toMatchObject({ devices: 0, failing: 0 });
    expect(body.totals).toMatchObject({ devices: 3, failing: 2 });
  });

  it('is for the network manager and admin only', async () => {
    expect((await call('/api/v1/overview', 'admin')).status).toBe(200);
    for (const as of ['tech', 'dsl', 'governor']) expect((await call('/api/v1/overview', as)).status, as).toBe(403);
  });
});

describe('the OpenAPI document', () => {
  it('is served without a token, describes the dashboard\'s routes, and every answer above matched it', async () => {
    expect(openApi.document.openapi).toBe('3.1.0');
    for (const operation of [
      'GET /api/v1/devices', 'GET /api/v1/devices/{id}', 'GET /api/v1/devices/{id}/timeline', 'GET /api/v1/devices/{id}/events',
      'GET /api/v1/incidents', 'GET /api/v1/incidents/{id}', 'POST /api/v1/incidents/{id}/notes', 'POST /api/v1/alerts/{id}/acknowledge',
      'POST /api/v1/alerts/{id}/resolve', 'GET /api/v1/alerts', 'GET /api/v1/alerts/{id}', 'GET /api/v1/overview',
    ]) expect(openApi.checked, operation).toContain(operation);
    expect(Object.keys(openApi.document.paths).every((path) => path.startsWith('/api/v1/'))).toBe(true);
  });
});
