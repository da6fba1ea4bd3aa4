// What a hostile device may send: over-long fields, control characters, impossible sequence numbers.
// Each is sent over a real socket to a real collector with its SQLite file.
import { withMisuseTexts } from '../../src/alerts/misuse-text.ts';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_SEQ, MisuseKind, Tri } from '@invigilator/shared/wire.ts';
import { DATABASE_FILE } from '../../src/main.ts';
import { connectAgent } from '../helpers/agent-client.ts';
import { enrolDevice, FACTS, firewallEvent, helloAgent, startTestCollector, type TestCollector } from '../helpers/collector.ts';
import { addSchool } from '../../src/schools.ts';

let collector: TestCollector;
beforeEach(async () => { collector = await startTestCollector(); });
afterEach(async () => { await collector.cleanUp(); });

const safeguardEvent = (seq: number, detail: string) => ({
  seq, occurredAtMs: Date.UTC(2026, 10, 20, 9, 0, seq), misuse: { kind: MisuseKind.SAFEGUARD_DISABLED, user: 'pupil7', detail },
});

const databaseBytes = (): number => ['', '-wal'].reduce((total, suffix) => {
  try {
    return total + statSync(join(collector.dir, 'data', `${DATABASE_FILE}${suffix}`)).size;
  } catch {
    return total;
  }
}, 0);

describe('field limits', () => {
  it('refuses a 1 MB detail with FIELD_TOO_LARGE, stores nothing of it and keeps serving the device', async () => {
    const enrolled = await enrolDevice(collector);
    const { agent } = await helloAgent(collector, enrolled);
    const before = databaseBytes();
    agent.send({ batch: { events: [safeguardEvent(1, 'x'.repeat(1_000_000 - 200))] } });
    const answer = await agent.next();
    expect(answer.error?.code).toBe('FIELD_TOO_LARGE');
    expect((await agent.closed).code).toBe(4400);
    expect(await collector.store.listEvents({ deviceId: enrolled.deviceId, kinds: ['misuse'], limit: 10 })).toEqual([]);
    expect(await collector.store.listAlerts({ categories: ['misuse'], limit: 10 })).toEqual([]);
    expect(databaseBytes() - before).toBeLessThan(100_000);
    expect(collector.logLines().some((line) => line.code === 'FIELD_TOO_LARGE' && String(line.detail).includes('frame.batch.events[0].misuse.detail'))).toBe(true);

    const again = await helloAgent(collector, enrolled);
    again.agent.send({ batch: { events: [firewallEvent(1, Tri.TRI_YES)] } });
    expect(Number((await again.agent.next()).ack?.upToSeq)).toBe(1);
    again.agent.socket.close();
  });

  it('cuts off a 900 KB host name at enrolment before reading it whole, and creates no device', async () => {
    const secret = await addSchool(collector.store, { id: 'north', name: 'North' }, Date.now());
    const agent = await connectAgent(collector.agentUrl);
    agent.send({ enrolRequest: { enrolmentSecret: secret, facts: { ...FACTS, hostname: 'h'.repeat(900_000) } } });
    expect((await agent.closed).code).toBe(1006);
    expect(await collector.store.listDevices({})).toEqual([]);
    expect(collector.logLines().some((line) => line.code === 'FRAME_TOO_LARGE')).toBe(true);
  });

  it('refuses a host name of 300 characters at enrolment with FIELD_TOO_LARGE', async () => {
    const secret = await addSchool(collector.store, { id: 'north', name: 'North' }, Date.now());
    const agent = await connectAgent(collector.agentUrl);
    agent.send({ enrolRequest: { enrolmentSecret: secret, facts: { ...FACTS, hostname: 'h'.repeat(300) } } });
    expect((await agent.next()).error?.code).toBe('FIELD_TOO_LARGE');
    expect(await collector.store.listDevices({})).toEqual([]);
  });

  it('refuses a host name of 254 characters in a Hello', async () => {
    const enrolled = await enrolDevice(collector);
    const agent = await connectAgent(collector.agentUrl);
    agent.send({ hello: { deviceId: enrolled.deviceId, deviceCredential: enrolled.deviceCredential, facts: { ...FACTS, hostname: 'a'.repeat(254) } } });
    expect((await agent.next()).error?.code).toBe('FIELD_TOO_LARGE');
    expect((await collector.store.getDevice(enrolled.deviceId))?.hostname).toBe(FACTS.hostname);
  });

  it('removes bidirectional overrides and control characters before storing or alerting', async () => {
    const enrolled = await enrolDevice(collector);
    const { agent } = await helloAgent(collector, enrolled);
    // Shown raw, U+202E makes "gpj.exe" read as "exe.jpg".
    agent.send({ batch: { events: [safeguardEvent(1, 'started holiday\u202Egpj.exe\u0007\u0000 from\u2066 a stick\u2069')] } });
    expect(Number((await agent.next()).ack?.upToSeq)).toBe(1);
    const [event] = await collector.store.listEvents({ deviceId: enrolled.deviceId, kinds: ['misuse'], limit: 1 });
    expect(event?.payload.detail).toBe('started holidaygpj.exe from a stick');
    const [alert] = await collector.store.listAlerts({ categories: ['misuse'], limit: 1 });
    // The alert keeps none of the device's words; read with its event, it says them cleaned.
    expect(alert?.detail.what).toBeUndefined();
    const [read] = await withMisuseTexts(collector.store, [alert!]);
    expect(read?.detail.what).toBe('started holidaygpj.exe from a stick');
    expect(JSON.stringify(read)).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u0000-\u0008]/);
    agent.socket.close();
  });
});

describe('sequence numbers', () => {
  it('refuses a batch numbered 2^53-1 and goes on storing the device\'s real events', async () => {
    const enrolled = await enrolDevice(collector);
    const { agent } = await helloAgent(collector, enrolled);
    agent.send({ batch: { events: [firewallEvent(Number.MAX_SAFE_INTEGER, Tri.TRI_NO)] } });
    expect((await agent.next()).error?.code).toBe('SEQUENCE_OUT_OF_RANGE');
    expect(await collector.store.highestSeq(enrolled.deviceId)).toBe(0);

    const again = await helloAgent(collector, enrolled);
    expect(Number(again.welcome.welcome?.committedSeq)).toBe(0);
    again.agent.send({ batch: { events: [firewallEvent(1, Tri.TRI_YES)] } });
    expect(Number((await again.agent.next()).ack?.upToSeq)).toBe(1);
    expect(await collector.store.listEvents({ deviceId: enrolled.deviceId, kinds: ['observation'], limit: 5 })).toHaveLength(1);
    again.agent.socket.close();
  });

  it('starts a new series for another outbox and refuses, unacknowledged, a batch on the older one', async () => {
    const enrolled = await enrolDevice(collector);
    const hello = (outboxId: string, highestSeq: number) => ({ hello: { deviceId: enrolled.deviceId, deviceCredential: enrolled.deviceCredential, outboxId, highestSeq } });
    const first = await connectAgent(collector.agentUrl);
    first.send(hello('outbox-a', 3));
    const firstWelcome = (await first.next()).welcome;
    expect([Number(firstWelcome?.committedSeq), firstWelcome?.newSeries]).toEqual([0, false]);
    first.send({ batch: { events: [firewallEvent(1, Tri.TRI_YES), firewallEvent(2, Tri.TRI_YES), firewallEvent(3, Tri.TRI_YES)] } });
    expect(Number((await first.next()).ack?.upToSeq)).toBe(3);

    // A second outbox for the same device (a reinstall, or something else with its credential) numbers from 1 again.
    const second = await connectAgent(collector.agentUrl);
    second.send(hello('outbox-b', 1));
    const secondWelcome = (await second.next()).welcome;
    expect([Number(secondWelcome?.committedSeq), secondWelcome?.newSeries]).toEqual([0, true]);
    second.send({ batch: { events: [firewallEvent(1, Tri.TRI_NO)] } });
    expect(Number((await second.next()).ack?.upToSeq)).toBe(1);

    first.send({ batch: { events: [firewallEvent(4, Tri.TRI_YES)] } });
    expect((await first.next()).error?.code).toBe('SEQUENCE_SERIES_CHANGED');
    const stored = await collector.store.listEvents({ deviceId: enrolled.deviceId, kinds: ['observation'], limit: 10 });
    expect(stored.map((event) => event.seq).sort((a, b) => a - b)).toEqual([1, 2, 3, 4]); // the second outbox's 1 is stored as 4
    expect(collector.logLines().some((line) => line.code === 'SEQUENCE_SERIES_RESTARTED')).toBe(true);
    second.socket.close();
  });

  it('accepts the highest number an agent may use', async () => {
    const enrolled = await enrolDevice(collector);
    const { agent } = await helloAgent(collector, enrolled);
    agent.send({ batch: { events: [firewallEvent(MAX_SEQ, Tri.TRI_YES)] } });
    expect(Number((await agent.next()).ack?.upToSeq)).toBe(MAX_SEQ);
    agent.socket.close();
  });
});
