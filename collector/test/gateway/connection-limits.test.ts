// Limits on what one connection can cost the collector: time to identify itself, and frames held in memory.
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { encodeFrame, Tri } from '@invigilator/shared/wire.ts';
import { connectAgent } from '../helpers/agent-client.ts';
import { enrolDevice, firewallEvent, helloAgent } from '../helpers/collector.ts';
import { startGateway, type GatewayHarness } from './gateway-harness.ts';

let gateway: GatewayHarness;
afterEach(async () => { await gateway.stop(); });

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the Hello deadline', () => {
  it('closes a connection that has not identified itself in time with AUTH_REQUIRED and 4401', async () => {
    gateway = await startGateway({ authTimeoutMs: 150 });
    const silent = await connectAgent(gateway.agentUrl);
    expect((await silent.next()).error?.code).toBe('AUTH_REQUIRED');
    expect((await silent.closed).code).toBe(4401);
  });

  it('leaves a device that said Hello in time connected after the deadline', async () => {
    gateway = await startGateway({ authTimeoutMs: 150 });
    const enrolled = await enrolDevice(gateway.collector);
    const { agent, welcome } = await helloAgent(gateway.collector, enrolled);
    expect(welcome.welcome).toBeTruthy();
    await pause(400);
    expect(agent.socket.readyState).toBe(WebSocket.OPEN);
    agent.send({ batch: { events: [firewallEvent(1, Tri.TRI_YES)] } });
    expect(Number((await agent.next()).ack?.upToSeq)).toBe(1);
    agent.socket.close();
  });
});

describe('frames waiting for the store', () => {
  it('stops reading from a connection while its frame is handled, then handles every frame in order', async () => {
    gateway = await startGateway();
    const enrolled = await enrolDevice(gateway.collector);
    const { agent } = await helloAgent(gateway.collector, enrolled);
    gateway.hold();
    const frameCount = 40;
    const event = firewallEvent(1, Tri.TRI_YES);
    // 700 KB within every field limit: 700 rules of 1,000-character program paths.
    const rules = Array.from({ length: 700 }, () => ({ application: 'x'.repeat(1000) }));
    const bulky = encodeFrame({ batch: { events: [{ ...event, observation: { ...event.observation, firewall: { inboundAllowRules: rules } } }] } });
    for (let index = 0; index < frameCount; index += 1) agent.send(bulky);
    await pause(500);
    // The collector read one frame and stopped: the rest wait on this side, not in its memory.
    const sentBytes = frameCount * bulky.length;
    expect(agent.socket.bufferedAmount).toBeGreaterThan(sentBytes / 2);
    expect(gateway.transactions()).toBe(0);

    gateway.release();
    for (let index = 0; index < frameCount; index += 1) expect(Number((await agent.next()).ack?.upToSeq)).toBe(1);
    expect(gateway.transactions()).toBe(frameCount);
    agent.socket.close();
  });
});
