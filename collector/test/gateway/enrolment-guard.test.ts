// A leaked enrolment secret: fake devices are capped per school and a device that takes the identity of
// an enrolled one is flagged beside every alert it raises. Real collector, real sockets, real SQLite.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MisuseKind } from '@invigilator/shared/wire.ts';
import { runCli } from '../../src/cli.ts';
import { createApiToken } from '../../src/tokens.ts';
import { connectAgent } from '../helpers/agent-client.ts';
import { enrolDevice, FACTS, helloAgent, startTestCollector, type TestCollector } from '../helpers/collector.ts';

let collector: TestCollector;
beforeEach(async () => { collector = await startTestCollector(); });
afterEach(async () => { await collector.cleanUp(); });

const tokenFor = async (role: 'admin' | 'dsl' | 'technician') =>
  (await createApiToken(collector.store, { role, label: `test ${role}` }, Date.now())).token;

const get = async <T>(role: 'admin' | 'dsl' | 'technician', path: string): Promise<T> => {
  const response = await fetch(`${collector.apiUrl}${path}`, { headers: { authorization: `Bearer ${await tokenFor(role)}` } });
  expect(response.status).toBe(200);
  return await response.json() as T;
};

const enrolAs = async (secret: string, facts: Record<string, unknown>) => {
  const agent = await connectAgent(collector.agentUrl);
  agent.send({ enrolRequest: { enrolmentSecret: secret, facts } });
  const reply = await agent.next();
  return { reply, closed: await agent.closed };
};

const fileCopied = (seq: number) => ({
  seq, occurredAtMs: Date.now(),
  misuse: { kind: MisuseKind.FILE_WRITTEN, user: 'innocent.pupil', device: { label: 'STICK', serial: 'S1' }, file: { name: 'exam.docx' } },
});

interface ListedAlert { deviceId: string | null; category: string; title: string; deviceSuspectDuplicate: { duplicateOf: string; reason: string } | null }

describe('a device with the identity of an enrolled one', () => {
  it('is enrolled but flagged, the admin is alerted, and its misuse alerts carry the flag to the DSL', async () => {
    const real = await enrolDevice(collector);
    const fake = await enrolAs(real.secret, { ...FACTS, hardwareSerial: 'OTHER' });
    const fakeId = fake.reply.enrolResponse?.deviceId as string;
    expect(fakeId).toBeTruthy();

    const device = await collector.store.getDevice(fakeId);
    expect(device).toMatchObject({ duplicateOf: real.deviceId, duplicateReason: 'gave the host name "lab-07"' });
    const { devices } = await get<{ devices: { id: string; suspectDuplicate: unknown }[] }>('technician', '/api/v1/devices');
    expect(devices.find((d) => d.id === fakeId)?.suspectDuplicate).toEqual({ duplicateOf: real.deviceId, reason: 'gave the host name "lab-07"' });
    expect(devices.find((d) => d.id === real.deviceId)?.suspectDuplicate).toBeNull();

    // Both raise the same misuse; the DSL can tell which one is unconfirmed.
    for (const enrolled of [real, { deviceId: fakeId, deviceCredential: fake.reply.enrolResponse?.deviceCredential as string }]) {
      const { agent } = await helloAgent(collector, enrolled);
      agent.send({ batch: { events: [fileCopied(1)] } });
      expect(Number((await agent.next()).ack?.upToSeq)).toBe(1);
      agent.socket.close();
    }
    const { alerts } = await get<{ alerts: ListedAlert[] }>('dsl', '/api/v1/alerts');
    expect(alerts.map((a) => [a.deviceId, a.category, a.deviceSuspectDuplicate?.duplicateOf ?? null]).sort()).toEqual([
      [fakeId, 'misuse', real.deviceId], [real.deviceId, 'misuse', null],
    ].sort());

    // The admin's alert about the enrolment; never shown to the DSL.
    const admin = await get<{ alerts: ListedAlert[] }>('admin', '/api/v1/alerts?category=availability');
    expect(admin.alerts).toEqual([expect.objectContaining({ deviceId: fakeId, title: 'A second device calls itself lab-07' })]);

    const io = { out: '', stdout(text: string) { this.out += text; }, stderr: () => undefined };
    await collector.stop();
    expect(await runCli(['device', 'confirm', '--data-dir', `${collector.dir}/data`, '--id', fakeId], io)).toBe(0);
    expect(io.out).toContain(`Device ${fakeId} is confirmed`);
  });

  it('flags a match on the hardware serial alone, whatever the host name', async () => {
    const real = await enrolDevice(collector);
    const serialFacts = { ...FACTS, hostname: 'lab-99', hardwareSerial: 'PF3ABC12' };
    const first = await enrolAs(real.secret, serialFacts);
    const second = await enrolAs(real.secret, { ...serialFacts, hostname: 'totally-new' });
    expect(await collector.store.getDevice(first.reply.enrolResponse?.deviceId as string)).toMatchObject({ duplicateOf: null });
    expect(await collector.store.getDevice(second.reply.enrolResponse?.deviceId as string)).toMatchObject({
      duplicateOf: first.reply.enrolResponse?.deviceId, duplicateReason: 'gave the hardware serial "PF3ABC12"',
    });
  });

  it('flags an enrolled device that takes another\'s host name in a later Hello', async () => {
    const real = await enrolDevice(collector);
    const other = await enrolAs(real.secret, { ...FACTS, hostname: 'lab-08' });
    const otherId = other.reply.enrolResponse?.deviceId as string;
    const agent = await connectAgent(collector.agentUrl);
    agent.send({ hello: { deviceId: otherId, deviceCredential: other.reply.enrolResponse?.deviceCredential, facts: FACTS } });
    expect((await agent.next()).welcome).toBeTruthy();
    agent.socket.close();
    expect(await collector.store.getDevice(otherId)).toMatchObject({ hostname: 'lab-07', duplicateOf: real.deviceId });
  });
});

describe('enrolment limits', () => {
  it('refuses enrolments over the school\'s hourly limit with ENROLMENT_LIMIT_REACHED and alerts the admin once, counting', async () => {
    const real = await enrolDevice(collector);
    await collector.store.setEnrolmentLimits('north', { perHour: 3, total: 100 });
    const outcomes = [];
    for (let index = 0; index < 5; index += 1) outcomes.push(await enrolAs(real.secret, { ...FACTS, hostname: `fake-${index}` }));
    expect(outcomes.map((o) => o.reply.enrolResponse ? 'enrolled' : o.reply.error?.code)).toEqual([
      'enrolled', 'enrolled', 'ENROLMENT_LIMIT_REACHED', 'ENROLMENT_LIMIT_REACHED', 'ENROLMENT_LIMIT_REACHED',
    ]);
    expect(outcomes[4]?.closed.code).toBe(4429);
    expect(await collector.store.listDevices({ schoolId: 'north' })).toHaveLength(3);
    const alerts = await collector.store.listAlerts({ categories: ['availability'], limit: 10 });
    expect(alerts).toEqual([expect.objectContaining({ deviceId: null, severity: 'critical', occurrences: 3,
      title: 'School north reached its limit of 3 enrolments an hour' })]);
    const dsl = await get<{ alerts: ListedAlert[] }>('dsl', '/api/v1/alerts');
    expect(dsl.alerts).toEqual([]);
  });

  it('refuses beyond the total of devices enrolled', async () => {
    const real = await enrolDevice(collector);
    await collector.store.setEnrolmentLimits('north', { perHour: 100, total: 2 });
    const second = await enrolAs(real.secret, { ...FACTS, hostname: 'lab-08' });
    const third = await enrolAs(real.secret, { ...FACTS, hostname: 'lab-09' });
    expect([second.reply.enrolResponse ? 'enrolled' : '', third.reply.error?.code]).toEqual(['enrolled', 'ENROLMENT_LIMIT_REACHED']);
    expect((await collector.store.listAlerts({ categories: ['availability'], limit: 10 }))[0]?.title)
      .toBe('School north reached its limit of 2 enrolled devices');
  });
});

describe('new devices held for approval', () => {
  it('stores a held device\'s events without alerts, tells the admin, and alerts once it is approved', async () => {
    const first = await enrolDevice(collector);
    await collector.store.setHoldNewDevices('north', true);
    const held = await enrolAs(first.secret, { ...FACTS, hostname: 'lab-12' });
    const heldDevice = { deviceId: held.reply.enrolResponse?.deviceId as string, deviceCredential: held.reply.enrolResponse?.deviceCredential as string };
    const admin = await get<{ alerts: ListedAlert[] }>('admin', '/api/v1/alerts?category=availability');
    expect(admin.alerts.map((a) => a.title)).toEqual(['lab-12 enrolled and waits for approval']);
    const { devices } = await get<{ devices: { id: string; awaitingApprovalSince: string | null }[] }>('technician', '/api/v1/devices');
    expect(devices.find((d) => d.id === heldDevice.deviceId)?.awaitingApprovalSince).toMatch(/^\d{4}-/);

    const { agent } = await helloAgent(collector, heldDevice);
    agent.send({ batch: { events: [fileCopied(1)] } });
    expect(Number((await agent.next()).ack?.upToSeq)).toBe(1);
    expect(await collector.store.listEvents({ deviceId: heldDevice.deviceId, kinds: ['misuse'], limit: 5 })).toHaveLength(1);
    expect(await collector.store.listAlerts({ categories: ['misuse'], limit: 5 })).toEqual([]);

    // Approved while connected: the next batch raises its alert.
    expect(await collector.store.approveDevice(heldDevice.deviceId)).toBe(true);
    agent.send({ batch: { events: [{ ...fileCopied(2), misuse: { ...fileCopied(2).misuse, device: { label: 'OTHER', serial: 'S2' } } }] } });
    expect(Number((await agent.next()).ack?.upToSeq)).toBe(2);
    expect((await collector.store.listAlerts({ categories: ['misuse'], limit: 5 })).map((a) => a.deviceId)).toEqual([heldDevice.deviceId]);
    agent.socket.close();
  });
});
