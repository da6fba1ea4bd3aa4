import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Platform, type AgentConfig, type DeviceFacts } from '@invigilator/shared/wire.ts';
import { Outbox } from '../src/outbox.ts';
import { agentEndpoint, backoffDelay, DEFAULT_BACKOFF, enrol, Transport, type TransportOptions } from '../src/transport.ts';
import { captureLogger, type CapturedLogger } from './helpers/capture-logger.ts';
import { misuseInput, observationInput } from './helpers/events.ts';
import { FakeCollector, waitFor } from './helpers/fake-collector.ts';

const facts: DeviceFacts = { hostname: 'test-host', platform: Platform.PLATFORM_LINUX, agentVersion: '0.1.0' };
const fastBackoff = { initialMs: 50, maxMs: 200, authFailureMs: 60_000 };

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => { for (const cleanup of cleanups.splice(0).reverse()) await cleanup(); });

const newOutbox = (logger = captureLogger().logger): Outbox => {
  const dir = mkdtempSync(path.join(tmpdir(), 'transport-test-'));
  const outbox = new Outbox({ file: path.join(dir, 'outbox.sqlite'), logger });
  cleanups.push(() => { outbox.close(); rmSync(dir, { recursive: true, force: true }); });
  return outbox;
};

const startCollector = async (collector: FakeCollector): Promise<FakeCollector> => {
  await collector.listen();
  cleanups.push(() => collector.close());
  return collector;
};

const startTransport = (outbox: Outbox, collector: FakeCollector, extra: Partial<TransportOptions> = {}): { transport: Transport; capture: CapturedLogger } => {
  const capture = captureLogger();
  const transport = new Transport({
    collectorUrl: collector.url, deviceId: 'dev-1', deviceCredential: 'cred-secret', facts: () => Promise.resolve(facts),
    outbox, logger: capture.logger, backoff: fastBackoff, ...extra,
  });
  transport.start();
  cleanups.push(() => transport.stop());
  return { transport, capture };
};

describe('Transport', () => {
  it('says Hello with the credential, sends batches of at most 500 in seq order, and empties the outbox on acks', async () => {
    const outbox = newOutbox();
    for (let index = 0; index < 1200; index += 1) outbox.append(observationInput(`e${index}`));
    const collector = await startCollector(new FakeCollector());
    const { transport } = startTransport(outbox, collector);
    await waitFor(() => outbox.depth() === 0, 10_000, 'outbox drained');
    expect(collector.hellos[0]).toMatchObject({ deviceId: 'dev-1', deviceCredential: 'cred-secret', facts: { hostname: 'test-host' } });
    expect(collector.batches.map((batch) => batch.length)).toEqual([500, 500, 200]);
    expect(collector.seqsSeen).toEqual(Array.from({ length: 1200 }, (_value, index) => index + 1));
    expect(transport.state).toMatchObject({ connected: true, lastAckSeq: 1200, lastError: null });
  });

  it('wakes on new events, and never sends what Welcome says is committed', async () => {
    const outbox = newOutbox();
    for (let index = 0; index < 10; index += 1) outbox.append(observationInput(`e${index}`));
    const collector = await startCollector(new FakeCollector({ committedSeq: 4 }));
    const { transport } = startTransport(outbox, collector);
    await waitFor(() => collector.seqsSeen.includes(10));
    expect(collector.seqsSeen).toEqual([5, 6, 7, 8, 9, 10]);
    outbox.append(misuseInput('late'));
    transport.wake();
    await waitFor(() => collector.seqsSeen.includes(11), 5_000, 'seq 11');
    await waitFor(() => outbox.depth() === 0);
  });

  it('renumbers a recreated outbox above the collector\'s committedSeq before acknowledging, so nothing is lost', async () => {
    const outboxLog = captureLogger();
    const outbox = newOutbox(outboxLog.logger);
    for (let index = 0; index < 3; index += 1) outbox.append(observationInput(`fresh-${index}`));
    const collector = await startCollector(new FakeCollector({ committedSeq: 70_000 }));
    const { transport } = startTransport(outbox, collector);
    await waitFor(() => collector.seqsSeen.length === 3, 5_000, 'three events');
    expect(collector.seqsSeen).toEqual([70_001, 70_002, 70_003]);
    expect(collector.events.map((event) => event.observation?.reason)).toEqual(['fresh-0', 'fresh-1', 'fresh-2']);
    expect(outboxLog.withCode('OUTBOX_RESET')).toEqual([expect.objectContaining({ level: 40, committedSeq: 70_000, renumbered: 3 })]);
    await waitFor(() => outbox.depth() === 0);
    outbox.append(misuseInput('after'));
    transport.wake();
    await waitFor(() => collector.seqsSeen.includes(70_004), 5_000, 'seq 70004');
  });

  it('keeps backing off while a collector welcomes but closes without acking, and resets on the first Ack', async () => {
    const outbox = newOutbox();
    outbox.append(observationInput('never stored'));
    const collector = await startCollector(new FakeCollector({ closeOnBatch: true }));
    const { capture } = startTransport(outbox, collector, { random: () => 1 });
    const delays = (): unknown[] => capture.lines().filter((line) => typeof line.delayMs === 'number').map((line) => line.delayMs);
    await waitFor(() => delays().length >= 4, 5_000, 'four reconnects');
    expect(delays().slice(0, 4)).toEqual([50, 100, 200, 200]);
    collector.options.closeOnBatch = false;
    await waitFor(() => outbox.depth() === 0, 5_000, 'acknowledged');
    const before = delays().length;
    collector.dropConnections();
    await waitFor(() => delays().length > before, 5_000, 'reconnect after the acknowledged connection');
    expect(delays()[before]).toBe(fastBackoff.initialMs);
  });

  it('hands the Welcome config on and sends heartbeats with the outbox depth at its interval', async () => {
    const outbox = newOutbox();
    const config: AgentConfig = { policyVersion: 'p7', checkSchedules: { firewall: '*/2 * * * *' }, heartbeatSeconds: 1 };
    const collector = await startCollector(new FakeCollector({ config, ack: false }));
    outbox.append(observationInput('unacked'));
    const received: AgentConfig[] = [];
    startTransport(outbox, collector, { onConfig: (value) => received.push(value), heartbeatSeconds: 60 });
    await waitFor(() => collector.heartbeats.length > 0, 5_000, 'heartbeat');
    expect(received[0]).toMatchObject({ policyVersion: 'p7', checkSchedules: { firewall: '*/2 * * * *' } });
    expect(collector.heartbeats[0]?.outboxDepth).toBe(1);
  });

  it('reconnects when the collector goes away and comes back, then sends what queued meanwhile', async () => {
    const outbox = newOutbox();
    const collector = await startCollector(new FakeCollector());
    const { transport } = startTransport(outbox, collector);
    outbox.append(observationInput('first'));
    transport.wake();
    await waitFor(() => outbox.depth() === 0);
    await collector.close();
    await waitFor(() => !transport.state.connected, 5_000, 'disconnect noticed');
    outbox.append(observationInput('while away'));
    outbox.append(misuseInput('while away'));
    transport.wake();
    const again = new FakeCollector({ port: collector.port });
    await startCollector(again);
    await waitFor(() => outbox.depth() === 0, 10_000, 'drained after reconnect');
    expect(again.hellos).toHaveLength(1);
    expect(again.seqsSeen).toEqual([2, 3]);
    expect(transport.state.connected).toBe(true);
  });

  it('sends the same seqs again when a batch is never acknowledged', async () => {
    const outbox = newOutbox();
    for (let index = 0; index < 3; index += 1) outbox.append(observationInput(`e${index}`));
    const collector = await startCollector(new FakeCollector({ ack: false }));
    const { capture } = startTransport(outbox, collector, { ackTimeoutMs: 300 });
    await waitFor(() => collector.batches.length >= 1);
    collector.options.ack = true;
    await waitFor(() => outbox.depth() === 0, 10_000, 'resend acknowledged');
    expect(collector.batches.slice(0, 2)).toEqual([[1, 2, 3], [1, 2, 3]]);
    expect(collector.hellos.length).toBeGreaterThanOrEqual(2);
    expect(capture.withCode('COLLECTOR_UNREACHABLE').length).toBeGreaterThan(0);
  });

  it('notices a peer that stops answering pings and reconnects', async () => {
    const outbox = newOutbox();
    const collector = await startCollector(new FakeCollector({ autoPong: false }));
    startTransport(outbox, collector, { pingIntervalMs: 100 });
    await waitFor(() => collector.hellos.length >= 2, 10_000, 'a second Hello after the dead connection was closed');
  });

  it('backs off long after AUTH_FAILED and reports it with its code', async () => {
    const outbox = newOutbox();
    const collector = await startCollector(new FakeCollector({ rejectHelloWith: 'AUTH_FAILED' }));
    const { transport, capture } = startTransport(outbox, collector, { random: () => 1 });
    await waitFor(() => transport.state.lastError?.code === 'AUTH_FAILED', 5_000, 'AUTH_FAILED');
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(collector.hellos).toHaveLength(1);
    expect(capture.withCode('AUTH_FAILED')[0]).toMatchObject({ level: 50 });
    const reconnect = capture.lines().find((line) => typeof line.delayMs === 'number');
    expect(reconnect?.delayMs).toBe(fastBackoff.authFailureMs);
    // The credential never reaches a log line.
    expect(JSON.stringify(capture.lines())).not.toContain('cred-secret');
  });

  it('reports an unreadable CA file with TLS_CA_UNREADABLE and keeps retrying', async () => {
    const outbox = newOutbox();
    const { transport } = startTransport(outbox, new FakeCollector(), { collectorUrl: 'wss://127.0.0.1:9', caFile: '/nonexistent/ca.pem' });
    await waitFor(() => transport.state.lastError?.code === 'TLS_CA_UNREADABLE', 2_000);
  });

  it('stop() closes the connection and does not reconnect', async () => {
    const outbox = newOutbox();
    const collector = await startCollector(new FakeCollector());
    const { transport } = startTransport(outbox, collector);
    await waitFor(() => transport.state.connected);
    await transport.stop();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(collector.hellos).toHaveLength(1);
  });
});

describe('enrol', () => {
  it('swaps a good secret for a device credential', async () => {
    const collector = await startCollector(new FakeCollector());
    await expect(enrol(collector.url, 'right-secret', facts)).resolves.toEqual({ deviceId: 'dev-1', deviceCredential: 'cred-1', schoolId: 'school-1' });
    expect(collector.enrolRequests[0]?.facts?.hostname).toBe('test-host');
  });

  it('rejects with the collector\'s code for a wrong secret', async () => {
    const collector = await startCollector(new FakeCollector());
    await expect(enrol(collector.url, 'wrong', facts)).rejects.toMatchObject({ code: 'ENROLMENT_SECRET_INVALID' });
  });

  it('rejects with ENROLMENT_FAILED when nothing listens, and TLS_CA_UNREADABLE for a bad CA file', async () => {
    const collector = await startCollector(new FakeCollector());
    const port = collector.port;
    await collector.close();
    cleanups.pop();
    await expect(enrol(`ws://127.0.0.1:${port}`, 'right-secret', facts)).rejects.toMatchObject({ code: 'ENROLMENT_FAILED' });
    await expect(enrol('wss://127.0.0.1:9', 'x', facts, { caFile: '/nonexistent/ca.pem' })).rejects.toMatchObject({ code: 'TLS_CA_UNREADABLE' });
  });
});

describe('backoff and endpoint', () => {
  it('grows exponentially from 1 s to a 5 min cap with full jitter', () => {
    expect([0, 1, 2, 3].map((attempt) => backoffDelay(attempt, DEFAULT_BACKOFF, () => 1))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffDelay(40, DEFAULT_BACKOFF, () => 1)).toBe(300_000);
    expect(backoffDelay(5, DEFAULT_BACKOFF, () => 0)).toBe(0);
    expect(backoffDelay(3, DEFAULT_BACKOFF, () => 0.5)).toBe(4000);
  });

  it('builds the /agent endpoint and refuses other schemes', () => {
    expect(agentEndpoint('wss://collector.school.example')).toBe('wss://collector.school.example/agent');
    expect(agentEndpoint('ws://10.0.0.5:8443/base/')).toBe('ws://10.0.0.5:8443/base/agent');
    // The address the collector prints works as it is: http(s) becomes ws(s) on the same host and port.
    expect(agentEndpoint('https://collector.school.example')).toBe('wss://collector.school.example/agent');
    expect(agentEndpoint('http://127.0.0.1:8470')).toBe('ws://127.0.0.1:8470/agent');
    expect(() => agentEndpoint('ftp://collector.school.example')).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
    expect(() => agentEndpoint('not a url')).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
  });
});
