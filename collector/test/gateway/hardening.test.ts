// Defects found in review: each test sends what a hostile or broken client could send, over real sockets.
import { createHash } from 'node:crypto';
import { connect } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY_PACK } from '@invigilator/shared/policy/default-pack.ts';
import { MisuseKind, Tri, type Event } from '@invigilator/shared/wire.ts';
import { createApiToken } from '../../src/tokens.ts';
import {
  enrolDevice, firewallEvent, helloAgent, mediaAttachedEvent, startTestCollector, type TestCollector,
} from '../helpers/collector.ts';

let collector: TestCollector;
beforeEach(async () => { collector = await startTestCollector(); });
afterEach(async () => { await collector.cleanUp(); });

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

const adminGet = async (path: string, role: 'admin' | 'dsl' = 'admin') => {
  const { token } = await createApiToken(collector.store, { role, label: `test ${role}` }, Date.now());
  const response = await fetch(`${collector.apiUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: await response.json() as Record<string, unknown> };
};

const storedEvents = (deviceId: string) =>
  collector.store.listEvents({ deviceId, kinds: ['observation', 'misuse'], limit: 5000 });

/** Sends raw bytes on a plain TCP connection; resolves with all the collector wrote back before it closed. */
const rawRequest = (text: string): Promise<string> => new Promise((resolve) => {
  const { port } = new URL(collector.apiUrl);
  const socket = connect(Number(port), '127.0.0.1', () => socket.write(text));
  let answer = '';
  socket.on('data', (chunk) => { answer += chunk.toString('latin1'); });
  socket.on('error', () => undefined);
  socket.on('close', () => resolve(answer));
});

const goodAgentStillWorks = async (): Promise<void> => {
  const health = await fetch(`${collector.apiUrl}/healthz`);
  expect(health.status).toBe(200);
  const enrolled = await enrolDevice(collector);
  const { agent } = await helloAgent(collector, enrolled);
  agent.send({ batch: { events: [firewallEvent(1, Tri.TRI_YES)] } });
  expect(Number((await agent.next()).ack?.upToSeq)).toBe(1);
  agent.socket.close();
};

describe('upgrade requests', () => {
  it('answers 400 to an upgrade whose URL cannot be read, and keeps serving', async () => {
    const answer = await rawRequest([
      'GET http://[ HTTP/1.1', 'Host: 127.0.0.1', 'Connection: Upgrade', 'Upgrade: websocket',
      'Sec-WebSocket-Version: 13', 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==', '', '',
    ].join('\r\n'));
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(collector.logLines().some((line) => line.code === 'BAD_REQUEST' && line.level === 40)).toBe(true);
    await goodAgentStillWorks();
  });
});

describe('event times', () => {
  it('stores the receive time instead of an impossible device time, logs it once and keeps the API working', async () => {
    const enrolled = await enrolDevice(collector);
    const { agent } = await helloAgent(collector, enrolled);
    const good = firewallEvent(4, Tri.TRI_YES);
    const before = Date.now();
    agent.send({
      batch: {
        events: [
          { ...firewallEvent(1, Tri.TRI_NO), occurredAtMs: 9e15 }, // beyond the last date a Date can hold
          { ...mediaAttachedEvent(2), occurredAtMs: -5 },
          { ...firewallEvent(3, Tri.TRI_NO), occurredAtMs: Date.now() + 2 * 86_400_000 },
          good,
        ],
      },
    });
    expect(Number((await agent.next()).ack?.upToSeq)).toBe(4);
    const after = Date.now();
    const events = (await storedEvents(enrolled.deviceId)).sort((a, b) => a.seq - b.seq);
    expect(events.map((event) => event.seq)).toEqual([1, 2, 3, 4]);
    for (const event of events.slice(0, 3)) {
      expect(event.occurredAt).toBe(event.receivedAt);
      expect(event.occurredAt).toBeGreaterThanOrEqual(before);
      expect(event.occurredAt).toBeLessThanOrEqual(after);
    }
    expect(events[3]?.occurredAt).toBe(Number(good.occurredAtMs));
    const warnings = collector.logLines().filter((line) => line.code === 'EVENT_TIME_INVALID');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ level: 40, deviceId: enrolled.deviceId, events: 3 });

    expect((await adminGet(`/api/v1/devices/${enrolled.deviceId}/events`)).status).toBe(200);
    expect((await adminGet('/api/v1/devices')).status).toBe(200);
    const alerts = await adminGet('/api/v1/alerts', 'dsl');
    expect(alerts.status).toBe(200);
    expect((alerts.body.alerts as Array<{ category: string }>).map((alert) => alert.category)).toContain('misuse');
    agent.socket.close();
  });
});

describe('batch size', () => {
  const tinyEvents = (count: number): Event[] => Array.from({ length: count }, (_, index) => ({
    seq: index + 1, occurredAtMs: Date.now(), misuse: { kind: MisuseKind.MEDIA_DETACHED },
  }));

  it('refuses a batch of more than 1,000 events with BATCH_TOO_LARGE and 4400, writing nothing', async () => {
    const enrolled = await enrolDevice(collector);
    const { agent } = await helloAgent(collector, enrolled);
    agent.send({ batch: { events: tinyEvents(1001) } });
    expect((await agent.next()).error).toMatchObject({ code: 'BATCH_TOO_LARGE' });
    expect((await agent.closed).code).toBe(4400);
    expect(await storedEvents(enrolled.deviceId)).toHaveLength(0);
    expect(await collector.store.highestSeq(enrolled.deviceId)).toBe(0);
  });

  it('takes a batch of exactly 1,000 events', async () => {
    const enrolled = await enrolDevice(collector);
    const { agent } = await helloAgent(collector, enrolled);
    agent.send({ batch: { events: tinyEvents(1000) } });
    expect(Number((await agent.next()).ack?.upToSeq)).toBe(1000);
    expect(await storedEvents(enrolled.deviceId)).toHaveLength(1000);
    agent.socket.close();
  });
});

describe('hashed file names', () => {
  const fileWritten = (seq: number): Event => ({
    seq, occurredAtMs: Date.now(),
    misuse: {
      kind: MisuseKind.FILE_WRITTEN, user: 'pupil7',
      device: { vendor: 'SanDisk', model: 'Cruzer', serial: 'ABC123', bus: 'usb' },
      file: { name: 'exam-answers.docx', sizeBytes: 2048, relativeDir: 'Year 11/Maths' },
    },
  });
  const withHashing = (hashFileNames: boolean) => ({
    ...DEFAULT_POLICY_PACK,
    checks: { ...DEFAULT_POLICY_PACK.checks, removableMedia: { ...DEFAULT_POLICY_PACK.checks.removableMedia, hashFileNames } },
  });

  it('stores and serves names in clear until the school asks for hashing, then hashed from the next batch on', async () => {
    const enrolled = await enrolDevice(collector);
    await collector.store.putPolicyPack(enrolled.schoolId, withHashing(false), Date.now());
    const { agent } = await helloAgent(collector, enrolled);
    agent.send({ batch: { events: [fileWritten(1)] } });
    expect(Number((await agent.next()).ack?.upToSeq)).toBe(1);

    // The agent has not picked the new setting up: it still sends names in clear.
    await collector.store.putPolicyPack(enrolled.schoolId, withHashing(true), Date.now());
    agent.send({ batch: { events: [fileWritten(2)] } });
    expect(Number((await agent.next()).ack?.upToSeq)).toBe(2);
    agent.socket.close();

    const [clear, hashed] = (await storedEvents(enrolled.deviceId)).sort((a, b) => a.seq - b.seq);
    expect(clear?.payload.file).toMatchObject({ name: 'exam-answers.docx', relativeDir: 'Year 11/Maths' });
    expect(hashed?.payload.file).toEqual({ nameSha256: sha256('exam-answers.docx'), sizeBytes: 2048, relativeDir: sha256('Year 11/Maths') });

    const served = await adminGet(`/api/v1/devices/${enrolled.deviceId}/events`, 'dsl');
    expect(served.status).toBe(200);
    const hashedServed = JSON.stringify((served.body.events as Array<{ seq: number }>).find((event) => event.seq === 2));
    expect(hashedServed).toContain(sha256('exam-answers.docx'));
    expect(hashedServed).not.toContain('exam-answers');
    expect(hashedServed).not.toContain('Year 11');
  });

  it('leaves names the agent already hashed as they came', async () => {
    const enrolled = await enrolDevice(collector);
    await collector.store.putPolicyPack(enrolled.schoolId, withHashing(true), Date.now());
    const { agent } = await helloAgent(collector, enrolled);
    const file = { name: '', nameSha256: sha256('a.txt'), sizeBytes: 1, relativeDir: sha256('dir') };
    agent.send({ batch: { events: [{ ...fileWritten(1), misuse: { ...fileWritten(1).misuse, file } }] } });
    expect(Number((await agent.next()).ack?.upToSeq)).toBe(1);
    agent.socket.close();
    const [event] = await storedEvents(enrolled.deviceId);
    expect(event?.payload.file).toEqual({ nameSha256: sha256('a.txt'), sizeBytes: 1, relativeDir: sha256('dir') });
  });
});
