import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import WebSocket from 'ws';
import { encodeFrame, MAX_FRAME_BYTES, Tri, v1 } from '@invigilator/shared/wire.ts';
import { connectAgent } from '../helpers/agent-client.ts';
import {
  enrolDevice, FACTS, firewallEvent, helloAgent, mediaAttachedEvent, startTestCollector, type TestCollector,
} from '../helpers/collector.ts';

let collector: TestCollector;
beforeEach(async () => { collector = await startTestCollector(); });
afterEach(async () => { await collector.cleanUp(); });

const eventCount = async (deviceId: string): Promise<number> =>
  (await collector.store.listEvents({ deviceId, kinds: ['observation', 'misuse'], limit: 1000 })).length;

describe('enrolment and hello', () => {
  it('swaps the school secret for a device credential, then welcomes the device with its config', async () => {
    const enrolled = await enrolDevice(collector);
    expect(enrolled.reply.enrolResponse?.schoolId).toBe('north');
    expect(enrolled.closed.code).toBe(1000);
    const device = await collector.store.getDevice(enrolled.deviceId);
    expect(device?.facts).toMatchObject({ hostname: 'lab-07', platform: 'PLATFORM_LINUX' });
    expect(device?.credentialHash).not.toContain(enrolled.deviceCredential);

    const { agent, welcome } = await helloAgent(collector, enrolled);
    expect(Number(welcome.welcome?.committedSeq)).toBe(0);
    expect(welcome.welcome?.config?.policyVersion).toBe('default@1.0.0');
    expect(welcome.welcome?.config?.checkSchedules?.firewall).toBe('*/15 * * * *');
    agent.socket.close();
    const log = JSON.stringify(collector.logLines());
    expect(log).toContain('Device enrolled.');
    expect(log).not.toContain(enrolled.deviceCredential);
    expect(log).not.toContain(enrolled.secret);
  });

  it.each([
    ['a wrong enrolment secret', { enrolRequest: { enrolmentSecret: 'guess', facts: FACTS } }, 'ENROLMENT_SECRET_INVALID', 4401],
    ['an empty enrolment secret', { enrolRequest: { enrolmentSecret: '', facts: FACTS } }, 'ENROLMENT_SECRET_INVALID', 4401],
    ['a batch before hello', { batch: { events: [firewallEvent(1, Tri.TRI_NO)] } }, 'AUTH_REQUIRED', 4401],
    ['a hello for an unknown device', { hello: { deviceId: 'nobody', deviceCredential: 'x' } }, 'AUTH_FAILED', 4401],
  ])('refuses %s with an Error frame and a close code', async (_name, frame, code, closeCode) => {
    await enrolDevice(collector);
    const agent = await connectAgent(collector.agentUrl);
    agent.send(frame);
    expect((await agent.next()).error?.code).toBe(code);
    expect((await agent.closed).code).toBe(closeCode);
    expect((await collector.store.listDevices({})).length).toBe(1);
  });
});

describe('event batches', () => {
  it('acks after commit, stores a resent batch once and acks it again', async () => {
    const enrolled = await enrolDevice(collector);
    const { agent } = await helloAgent(collector, enrolled);
    const batch = { batch: { events: [firewallEvent(1, Tri.TRI_NO), mediaAttachedEvent(2)] } };
    agent.send(batch);
    expect(Number((await agent.next()).ack?.upToSeq)).toBe(2);
    expect(await eventCount(enrolled.deviceId)).toBe(2);
    expect(await collector.store.getVerdict(enrolled.deviceId, 'firewall')).toMatchObject({ status: 'fail', seq: 1 });
    const alerts = await collector.store.listAlerts({ categories: ['posture', 'misuse', 'availability'], limit: 10 });
    expect(alerts.map((a) => a.category).sort()).toEqual(['misuse', 'posture']);

    agent.send(batch);
    expect(Number((await agent.next()).ack?.upToSeq)).toBe(2);
    expect(await eventCount(enrolled.deviceId)).toBe(2);
    const again = await collector.store.listAlerts({ categories: ['posture', 'misuse', 'availability'], limit: 10 });
    expect(again.map((a) => a.occurrences)).toEqual([1, 1]);

    agent.send({ batch: { events: [firewallEvent(3, Tri.TRI_YES)] } });
    expect(Number((await agent.next()).ack?.upToSeq)).toBe(3);
    expect(await collector.store.getVerdict(enrolled.deviceId, 'firewall')).toMatchObject({ status: 'pass' });
    const changes = await collector.store.listVerdictChanges(enrolled.deviceId);
    expect(changes.map((c) => [c.fromStatus, c.toStatus])).toEqual([[null, 'fail'], ['fail', 'pass']]);
    const posture = await collector.store.listAlerts({ categories: ['posture'], limit: 10 });
    expect(posture[0]?.status).toBe('resolved');
    agent.socket.close();

    const { agent: reconnected, welcome } = await helloAgent(collector, enrolled);
    expect(Number(welcome.welcome?.committedSeq)).toBe(3);
    reconnected.socket.close();
  });

  it('recognises a resend of events that retention has since deleted: acked, not stored again, no new alert', async () => {
    const enrolled = await enrolDevice(collector);
    const { agent } = await helloAgent(collector, enrolled);
    const batch = { batch: { events: [firewallEvent(1, Tri.TRI_NO), mediaAttachedEvent(2)] } };
    agent.send(batch);
    expect(Number((await agent.next()).ack?.upToSeq)).toBe(2);
    const device = (await collector.store.getDevice(enrolled.deviceId))!;
    for (const kind of ['observation', 'misuse'] as const) await collector.store.deleteEventsBefore(device.schoolId, kind, Number.MAX_SAFE_INTEGER);
    expect(await eventCount(enrolled.deviceId)).toBe(0);

    agent.send(batch);
    expect(Number((await agent.next()).ack?.upToSeq)).toBe(2);
    expect(await eventCount(enrolled.deviceId)).toBe(0);
    const alerts = await collector.store.listAlerts({ categories: ['posture', 'misuse', 'availability'], limit: 10 });
    expect(alerts.map((a) => a.occurrences)).toEqual([1, 1]);
    agent.socket.close();
  });

  it('stores an observation of a check it does not know, without a verdict, and says so in the log', async () => {
    const enrolled = await enrolDevice(collector);
    const { agent } = await helloAgent(collector, enrolled);
    agent.send({ batch: { events: [{ seq: 1, occurredAtMs: Date.now(), observation: { check: 'webcam-cover', status: 1 } }] } });
    expect(Number((await agent.next()).ack?.upToSeq)).toBe(1);
    expect(await eventCount(enrolled.deviceId)).toBe(1);
    expect(await collector.store.listVerdicts(enrolled.deviceId)).toEqual([]);
    expect(collector.logLines().find((line) => line.code === 'CHECK_UNKNOWN')).toMatchObject({ checks: ['webcam-cover'] });
    agent.socket.close();
  });

  it('refuses a batch whose events go backwards, writing none of it', async () => {
    const enrolled = await enrolDevice(collector);
    const { agent } = await helloAgent(collector, enrolled);
    agent.send({ batch: { events: [firewallEvent(2, Tri.TRI_NO), firewallEvent(1, Tri.TRI_NO)] } });
    expect((await agent.next()).error?.code).toBe('SEQUENCE_INVALID');
    expect((await agent.closed).code).toBe(4400);
    expect(await eventCount(enrolled.deviceId)).toBe(0);
  });

  it('records a heartbeat as the device being seen', async () => {
    const enrolled = await enrolDevice(collector);
    const { agent } = await helloAgent(collector, enrolled);
    const before = (await collector.store.getDevice(enrolled.deviceId))?.lastSeenAt ?? 0;
    await new Promise((resolve) => setTimeout(resolve, 5));
    agent.send({ heartbeat: { sentAtMs: Date.now(), outboxDepth: 3 } });
    agent.send({ batch: { events: [] } }); // its ack shows the heartbeat before it was handled
    await agent.next();
    expect((await collector.store.getDevice(enrolled.deviceId))?.lastSeenAt).toBeGreaterThan(before);
    agent.socket.close();
  });
});

describe('bad connections harm no other', () => {
  let good: Awaited<ReturnType<typeof helloAgent>>['agent'];
  let enrolled: Awaited<ReturnType<typeof enrolDevice>>;
  let nextSeq = 1;

  beforeEach(async () => {
    enrolled = await enrolDevice(collector);
    ({ agent: good } = await helloAgent(collector, enrolled));
    nextSeq = 1;
  });
  afterEach(() => { good.socket.close(); });

  /** The good connection still gets its batch stored and acked. */
  const goodStillWorks = async (): Promise<void> => {
    const seq = nextSeq++;
    good.send({ batch: { events: [firewallEvent(seq, Tri.TRI_YES)] } });
    expect(Number((await good.next()).ack?.upToSeq)).toBe(seq);
    expect(await eventCount(enrolled.deviceId)).toBe(seq);
  };

  it('closes on garbled bytes after hello with FRAME_UNDECODABLE, logged with the device id', async () => {
    const { agent } = await helloAgent(collector, enrolled);
    agent.send(Uint8Array.from([0x2a, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x01]));
    expect((await agent.next()).error?.code).toBe('FRAME_UNDECODABLE');
    expect((await agent.closed).code).toBe(4400);
    const warning = collector.logLines().find((line) => line.code === 'FRAME_UNDECODABLE');
    expect(warning).toMatchObject({ level: 40, deviceId: enrolled.deviceId });
    expect(warning?.remote).toMatch(/^127\.0\.0\.1:\d+$/);
    await goodStillWorks();
  });

  it('closes on a text frame and on an unexpected frame type', async () => {
    const text = await connectAgent(collector.agentUrl);
    text.socket.send('hello?');
    expect((await text.next()).error?.code).toBe('FRAME_UNDECODABLE');
    expect((await text.closed).code).toBe(4400);

    const { agent } = await helloAgent(collector, enrolled);
    agent.send({ welcome: { committedSeq: 9 } });
    expect((await agent.next()).error?.code).toBe('FRAME_UNEXPECTED');
    expect((await agent.closed).code).toBe(4400);
    await goodStillWorks();
  });

  it('closes an oversized frame with 1009 before reading it', async () => {
    const { agent } = await helloAgent(collector, enrolled);
    // A valid frame one byte over the limit: ws stops reading it and closes with "message too big".
    const event = firewallEvent(50, Tri.TRI_NO);
    const padding = MAX_FRAME_BYTES - 16;
    const frame = v1.Frame.encode({ batch: { events: [{ ...event, observation: { ...event.observation, reason: 'x'.repeat(padding) } }] } }).finish();
    expect(frame.length).toBeGreaterThan(MAX_FRAME_BYTES);
    agent.socket.send(frame);
    expect((await agent.closed).code).toBe(1009);
    expect(collector.logLines().some((line) => line.code === 'FRAME_TOO_LARGE' && line.level === 40)).toBe(true);
    expect(await eventCount(enrolled.deviceId)).toBe(0);
    await goodStillWorks();
  });

  it('refuses a wrong credential (4401) and a revoked device (4403)', async () => {
    const wrong = await connectAgent(collector.agentUrl);
    wrong.send({ hello: { deviceId: enrolled.deviceId, deviceCredential: randomBytes(32).toString('base64url') } });
    expect((await wrong.next()).error?.code).toBe('AUTH_FAILED');
    expect((await wrong.closed).code).toBe(4401);

    const other = await enrolDevice(collector, 'south');
    await collector.store.revokeDevice(other.deviceId, Date.now());
    const revoked = await connectAgent(collector.agentUrl);
    revoked.send({ hello: { deviceId: other.deviceId, deviceCredential: other.deviceCredential } });
    expect((await revoked.next()).error?.code).toBe('AUTH_REVOKED');
    expect((await revoked.closed).code).toBe(4403);
    expect(await eventCount(other.deviceId)).toBe(0);
    await goodStillWorks();
  });

  it('closes with 1011 and no ack when the store fails, so the agent sends again', async () => {
    // The database itself refuses every new event (as a full disk would), whichever connection writes it.
    const db = new DatabaseSync(join(collector.dir, 'data', 'collector.sqlite'));
    db.exec(`CREATE TRIGGER refuse_events BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'no room'); END`);
    db.close();
    good.send({ batch: { events: [firewallEvent(1, Tri.TRI_NO)] } });
    await expect(good.next()).rejects.toThrow(/closed \(1011\)/);
    expect(collector.logLines().some((line) => line.code === 'STORE_FAILED' && line.level === 50)).toBe(true);
    expect(await eventCount(enrolled.deviceId)).toBe(0);
  });
});

describe('upgrades', () => {
  it('takes WebSocket upgrades on /agent only', async () => {
    const elsewhere = new WebSocket(collector.agentUrl.replace('/agent', '/api/v1/devices'));
    const status = await new Promise<number | undefined>((resolve) => {
      elsewhere.once('unexpected-response', (_request, response) => resolve(response.statusCode));
      elsewhere.once('error', () => resolve(undefined));
    });
    expect(status).toBe(404);
  });
});

describe('liveness', () => {
  it('cuts off a connection that misses two pings', async () => {
    await collector.cleanUp();
    collector = await startTestCollector({ pingIntervalMs: 50 });
    const enrolled = await enrolDevice(collector);
    const silent = new WebSocket(collector.agentUrl, { autoPong: false });
    await new Promise((resolve) => silent.once('open', resolve));
    silent.send(encodeFrame({ hello: { deviceId: enrolled.deviceId, deviceCredential: enrolled.deviceCredential } }));
    const code = await new Promise<number>((resolve) => silent.once('close', resolve));
    expect(code).toBe(1006);
    const { agent } = await helloAgent(collector, enrolled); // a connection that answers stays up
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(agent.socket.readyState).toBe(WebSocket.OPEN);
    agent.socket.close();
  });
});
