// Administrators' settings over HTTP (people, schools, policy packs with the field at fault, audit log filters)
// and the live stream: each person is pushed only what their roles and schools may see, as it is committed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY_PACK } from '@invigilator/shared/policy/default-pack.ts';
import { CollectionStatus, MisuseKind, Tri } from '@invigilator/shared/wire.ts';
import { addPerson } from '../../src/people/people.ts';
import { createApiToken, createPersonToken } from '../../src/tokens.ts';
import type { Role } from '../../src/store/types.ts';
import { enrolDevice, helloAgent, startTestCollector, type TestCollector } from '../helpers/collector.ts';
import { checkedCaller, openApiChecker, type AnyBody, type OpenApiChecker } from '../helpers/openapi.ts';

let collector: TestCollector;
let openApi: OpenApiChecker;
let device: Awaited<ReturnType<typeof enrolDevice>>;
const tokens: Record<string, string> = {};

type Body = AnyBody;
const call = checkedCaller(() => ({ apiUrl: collector.apiUrl, openApi }), tokens);

beforeAll(async () => {
  collector = await startTestCollector();
  openApi = await openApiChecker(collector.apiUrl);
  device = await enrolDevice(collector, 'north');
  await enrolDevice(collector, 'south');
  const service = async (name: string, role: Role, schoolId?: string) => {
    tokens[name] = (await createApiToken(collector.store, { role, label: name, ...(schoolId ? { schoolId } : {}) }, Date.now())).token;
  };
  await service('admin', 'admin');
  await service('south-admin', 'admin', 'south');
  await service('tech', 'technician');
  await service('south-tech', 'technician', 'south');
  await service('manager', 'network-manager');
  await service('dsl', 'dsl');
  await service('governor', 'governor');
  const khan = await addPerson(collector.store, { email: 'khan@north.sch.uk', name: 'Ms Khan', roles: ['admin'], schools: [], allSchools: true }, Date.now());
  tokens.khan = (await createPersonToken(collector.store, { email: khan.email, label: 'khan' }, Date.now())).token;
});
afterAll(async () => { await collector?.cleanUp(); });

describe('people and roles', () => {
  let personId: string;

  it('adds a person, lists them, changes their roles and schools, disables them', async () => {
    const added = await call('/api/v1/people', 'khan', { method: 'POST', body: { email: 'Lee@North.sch.uk', name: 'Mr Lee', roles: ['technician'], schools: ['north'] } });
    expect(added.status).toBe(201);
    expect(added.body.person).toMatchObject({ email: 'lee@north.sch.uk', roles: ['technician'], schools: ['north'], disabledAt: null });
    personId = added.body.person.id;
    expect((await call('/api/v1/people?role=technician', 'khan')).body.people.map((p: Body) => p.email)).toEqual(['lee@north.sch.uk']);
    const changed = await call(`/api/v1/people/${personId}`, 'khan', { method: 'PATCH', body: { roles: ['technician', 'dsl'], schools: 'all' } });
    expect(changed.body.person).toMatchObject({ roles: expect.arrayContaining(['technician', 'dsl']), schools: 'all' });
    const disabled = await call(`/api/v1/people/${personId}`, 'khan', { method: 'PATCH', body: { disabled: true } });
    expect(disabled.body.person.disabledAt).not.toBeNull();
    expect((await call('/api/v1/people?disabled=false', 'khan')).body.people.map((p: Body) => p.email)).toEqual(['khan@north.sch.uk']);
    const audit = await call('/api/v1/audit?person=khan@north.sch.uk&action=change%20person', 'admin');
    expect(audit.body.entries).toHaveLength(2);
  });

  it.each([
    ['an email already taken', { email: 'khan@north.sch.uk', name: 'Again', roles: ['dsl'], schools: ['north'] }, 409, 'PERSON_EXISTS'],
    ['an unknown school', { email: 'x@north.sch.uk', name: 'X', roles: ['dsl'], schools: ['west'] }, 404, 'SCHOOL_UNKNOWN'],
    ['an unknown role', { email: 'x@north.sch.uk', name: 'X', roles: ['caretaker'], schools: ['north'] }, 400, 'BAD_REQUEST'],
    ['no role', { email: 'x@north.sch.uk', name: 'X', roles: [], schools: ['north'] }, 400, 'BAD_REQUEST'],
    ['not an email', { email: 'nobody', name: 'X', roles: ['dsl'], schools: ['north'] }, 400, 'CONFIG_INVALID'],
  ])('refuses %s', async (_case, body, status, code) => {
    const { status: got, body: answer } = await call('/api/v1/people', 'khan', { method: 'POST', body });
    expect([got, answer.error.code]).toEqual([status, code]);
  });

  it('keeps a school-scoped admin to people and schools within theirs, and an admin from locking themself out', async () => {
    expect((await call('/api/v1/people', 'south-admin')).body.people).toEqual([]);
    expect((await call(`/api/v1/people/${personId}`, 'south-admin', { method: 'PATCH', body: { disabled: false } })).status).toBe(404);
    expect((await call('/api/v1/people', 'south-admin', { method: 'POST', body: { email: 'y@south.sch.uk', name: 'Y', roles: ['dsl'], schools: ['north'] } })).status).toBe(403);
    expect((await call('/api/v1/schools', 'south-admin', { method: 'POST', body: { id: 'east', name: 'East' } })).status).toBe(403);
    const khan = (await call('/api/v1/people?role=admin', 'khan')).body.people[0];
    expect((await call(`/api/v1/people/${khan.id}`, 'khan', { method: 'PATCH', body: { disabled: true } })).status).toBe(400);
    for (const as of ['manager', 'tech', 'dsl', 'governor']) expect((await call('/api/v1/people', as)).status, as).toBe(403);
  });
});

describe('schools and policy packs', () => {
  it('adds a school and shows its enrolment secret once', async () => {
    const { status, body } = await call('/api/v1/schools', 'admin', { method: 'POST', body: { id: 'east', name: 'East Academy' } });
    expect(status).toBe(201);
    expect(body).toMatchObject({ school: { id: 'east', name: 'East Academy' }, enrolmentSecret: expect.stringMatching(/^s/) });
    expect((await call('/api/v1/schools', 'south-tech')).body.schools).toEqual([{ id: 'south', name: 'south school' }]);
    expect((await call('/api/v1/schools', 'admin', { method: 'POST', body: { id: 'east', name: 'Again' } })).body.error.code).toBe('SCHOOL_EXISTS');
  });

  it('uploads a policy pack, judges the school\'s devices again, and shows it', async () => {
    const pack = { ...DEFAULT_POLICY_PACK, id: 'north-pack', version: '2026.2' };
    const { status, body } = await call('/api/v1/schools/north/policy', 'admin', { method: 'PUT', body: pack });
    expect(status).toBe(200);
    expect(body).toMatchObject({ schoolId: 'north', pack: { id: 'north-pack', version: '2026.2' }, rejudged: { devices: 1 } });
    expect((await call('/api/v1/schools/north/policy', 'admin')).body).toMatchObject({ default: false, pack: { id: 'north-pack' } });
    expect((await call('/api/v1/schools/south/policy', 'admin')).body.default).toBe(true);
  });

  it('refuses an invalid pack, pointing at each field at fault, and keeps the one before', async () => {
    const pack = { ...DEFAULT_POLICY_PACK, checks: { ...DEFAULT_POLICY_PACK.checks, antivirus: { ...DEFAULT_POLICY_PACK.checks.antivirus, maxSignatureAgeHours: -3 } }, colour: 'red' };
    const { status, body } = await call('/api/v1/schools/north/policy', 'admin', { method: 'PUT', body: pack });
    expect(status).toBe(400);
    expect(body.error.code).toBe('POLICY_INVALID');
    expect(body.error.fields.map((f: Body) => f.field)).toEqual(expect.arrayContaining(['checks.antivirus.maxSignatureAgeHours']));
    expect(body.error.message).toContain('checks.antivirus.maxSignatureAgeHours');
    expect((await call('/api/v1/schools/north/policy', 'admin')).body.pack.id).toBe('north-pack');
    expect((await call('/api/v1/schools/north/policy', 'south-admin')).status).toBe(404);
  });
});

describe('the audit log', () => {
  it('filters by action, school and time, and pages by cursor', async () => {
    const all = await call('/api/v1/audit?limit=500', 'admin');
    expect(all.body.entries.length).toBeGreaterThan(3);
    const bySchool = await call('/api/v1/audit?school=north', 'admin');
    expect(bySchool.body.entries.every((e: Body) => e.schoolId === 'north')).toBe(true);
    const byAction = await call('/api/v1/audit?action=add%20school', 'admin');
    expect(byAction.body.entries.map((e: Body) => e.target)).toEqual(['school east']);
    expect((await call('/api/v1/audit?until=2000-01-01T00:00:00Z', 'admin')).body.entries).toEqual([]);
    const first = await call('/api/v1/audit?limit=2', 'admin');
    const next = await call(`/api/v1/audit?limit=2&cursor=${first.body.nextCursor}`, 'admin');
    expect(next.body.entries[0].id).toBeLessThan(first.body.entries[1].id);
    expect((await call('/api/v1/audit?school=north', 'south-admin')).status).toBe(404);
  });
});

/** Reads a live stream's frames as they come; `stop` ends the request. */
const listen = async (as: string) => {
  const controller = new AbortController();
  const response = await fetch(`${collector.apiUrl}/api/v1/live`, { headers: { authorization: `Bearer ${tokens[as]}` }, signal: controller.signal });
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const frames: Array<{ event: string; data: Body }> = [];
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  void (async () => {
    let text = '';
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      text += decoder.decode(value, { stream: true });
      for (let end = text.indexOf('\n\n'); end >= 0; end = text.indexOf('\n\n')) {
        const block = text.slice(0, end);
        text = text.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event && data) frames.push({ event, data: JSON.parse(data) });
      }
    }
  })();
  await expect.poll(() => frames.some((f) => f.event === 'ready')).toBe(true);
  return { frames, stop: () => controller.abort() };
};

describe('the live stream', () => {
  it('pushes each person what their roles and schools may see, as it is committed, and audits only the DSL\'s new view', async () => {
    const [dsl, tech, southTech, manager] = [await listen('dsl'), await listen('tech'), await listen('south-tech'), await listen('manager')];
    try {
      const { agent } = await helloAgent(collector, device);
      agent.send({ batch: { events: [
        { seq: 1, occurredAtMs: Date.now(), observation: { check: 'firewall', status: CollectionStatus.COLLECTED, firewall: { enabled: Tri.TRI_NO, backend: 'nftables', inboundDefault: 2 } } },
        { seq: 2, occurredAtMs: Date.now(), misuse: { kind: MisuseKind.BYPASS_TOOL, user: 'pupil-live', detail: 'a proxy', subject: 'proxy.exe' } },
      ] } });
      await agent.next();
      agent.socket.close();
      await expect.poll(() => dsl.frames.some((f) => f.event === 'alert')).toBe(true);
      await expect.poll(() => tech.frames.filter((f) => f.event !== 'ready').length).toBe(2);
      const techSaw = tech.frames.filter((f) => f.event !== 'ready');
      expect(techSaw.map((f) => f.event).sort()).toEqual(['alert', 'verdict']);
      expect(techSaw.find((f) => f.event === 'verdict')!.data).toMatchObject({ deviceId: device.deviceId, check: 'firewall', to: 'fail', schoolId: 'north' });
      expect(techSaw.find((f) => f.event === 'alert')!.data.alert).toMatchObject({ category: 'posture', hostname: 'lab-07' });
      const dslSaw = dsl.frames.filter((f) => f.event !== 'ready');
      expect(dslSaw.map((f) => [f.event, f.data.alert?.category])).toEqual([['alert', 'misuse']]);
      expect(dslSaw[0]!.data.alert.summary).toContain('pupil-live');
      // Give the others time to have been told anything they should not have been.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(southTech.frames.filter((f) => f.event !== 'ready')).toEqual([]);
      expect(JSON.stringify(manager.frames)).not.toContain('pupil-live');
      expect(manager.frames.filter((f) => f.event === 'alert').map((f) => f.data.alert.category)).toEqual(['posture']);
      const audited = (await collector.store.listAudit({ limit: 100 })).filter((row) => row.label === 'dsl');
      expect(audited).toHaveLength(1);
      // The DSL's page then lists the same alert in the same state: nothing new shown, nothing audited.
      await call('/api/v1/alerts', 'dsl');
      expect((await collector.store.listAudit({ limit: 100 })).filter((row) => row.label === 'dsl')).toHaveLength(1);
    } finally {
      for (const stream of [dsl, tech, southTech, manager]) stream.stop();
    }
  });

  it('is not for a governor', async () => {
    const response = await fetch(`${collector.apiUrl}/api/v1/live`, { headers: { authorization: `Bearer ${tokens.governor}` } });
    expect(response.status).toBe(403);
  });
});
