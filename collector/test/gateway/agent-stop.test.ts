// The agent's last event through a real collector's gateway: stored once as a lifecycle event, an
// alert only where a person must act, and the silence alert worded by it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StopReason, type Event } from '@invigilator/shared/wire.ts';
import { checkSilentDevices } from '../../src/jobs/silence.ts';
import { enrolDevice, firewallEvent, helloAgent, startTestCollector, type TestCollector } from '../helpers/collector.ts';

const HOUR = 3_600_000;
let collector: TestCollector;
beforeEach(async () => { collector = await startTestCollector(); });
afterEach(async () => { await collector.cleanUp(); });

const stopEvent = (seq: number, reason: StopReason, detail: string): Event => ({
  seq, occurredAtMs: Date.UTC(2026, 10, 20, 15, 32, 10), stopping: { reason, detail, signal: 'SIGTERM' },
});

/** Sends one batch on a greeted connection, waits for its ack, and closes. */
const sendBatch = async (device: Awaited<ReturnType<typeof enrolDevice>>, events: Event[]): Promise<number> => {
  const { agent } = await helloAgent(collector, device);
  agent.send({ batch: { events } });
  const ack = await agent.next();
  agent.socket.close();
  await agent.closed;
  return Number(ack.ack?.upToSeq);
};
const availability = () => collector.store.listAlerts({ categories: ['availability'], limit: 10 });

describe('the agent\'s last event', () => {
  it('stores a shutdown once as a lifecycle event, alerts nobody, and words the later silence by it', async () => {
    const device = await enrolDevice(collector);
    const shutdown = stopEvent(2, StopReason.STOP_REASON_SYSTEM_SHUTDOWN, 'The device is shutting down (systemd is starting poweroff.target).');
    expect(await sendBatch(device, [firewallEvent(1, 1), shutdown])).toBe(2);
    expect(await availability()).toEqual([]);

    const lastSeen = (await collector.store.getDevice(device.deviceId))?.lastSeenAt ?? 0;
    expect(await checkSilentDevices(collector.store, new Date(lastSeen + 73 * HOUR))).toBe(1);
    const [silence] = await availability();
    expect(silence?.title).toMatch(/^lab-07 was switched off at 2026-11-20 15:32 UTC, not seen for 3 days/);
    expect(silence?.summary).not.toContain('may have stopped');

    expect(await sendBatch(device, [shutdown])).toBe(2); // a resend is stored once
    const events = await collector.store.listEvents({ deviceId: device.deviceId, kinds: ['lifecycle'], limit: 10 });
    expect(events).toEqual([expect.objectContaining({ seq: 2, kind: 'lifecycle', checkName: null, payload: { reason: 'STOP_REASON_SYSTEM_SHUTDOWN', detail: shutdown.stopping?.detail, signal: 'SIGTERM' } })]);
  });

  it('keeps the plain silence wording when the device was heard from after its stop', async () => {
    const device = await enrolDevice(collector);
    await sendBatch(device, [stopEvent(1, StopReason.STOP_REASON_SYSTEM_REBOOT, 'The device is restarting.'), firewallEvent(2, 1)]);
    const lastSeen = (await collector.store.getDevice(device.deviceId))?.lastSeenAt ?? 0;
    await checkSilentDevices(collector.store, new Date(lastSeen + 73 * HOUR));
    expect((await availability())[0]?.title).toMatch(/^lab-07 not seen for/);
  });

  it('alerts the technicians at once when the service is stopped while the device stays on, until the agent runs again', async () => {
    const device = await enrolDevice(collector);
    await sendBatch(device, [stopEvent(1, StopReason.STOP_REASON_SERVICE_STOPPED, 'systemd stopped invigilator-agent.service while the device stays on.')]);
    const [alert] = await availability();
    expect(alert).toMatchObject({ status: 'open', severity: 'warning', title: 'The agent on lab-07 was stopped', deviceId: device.deviceId });
    expect(await collector.store.listAlerts({ categories: ['misuse'], limit: 10 })).toEqual([]);
    // Started again: its Hello ends the alert.
    const { agent } = await helloAgent(collector, device);
    agent.socket.close();
    await agent.closed;
    expect((await availability())[0]).toMatchObject({ status: 'resolved', resolvedBy: 'collector: the device reported in again' });
  });

  it('records a stop delivered late, at the next start, and resolves it with the new run\'s first events', async () => {
    const device = await enrolDevice(collector);
    await sendBatch(device, [stopEvent(1, StopReason.STOP_REASON_SERVICE_STOPPED, 'systemd stopped invigilator-agent.service while the device stays on.'), firewallEvent(2, 1)]);
    const [alert] = await availability();
    expect(alert).toMatchObject({ status: 'resolved', resolvedBy: 'collector: the agent is running again', title: 'The agent on lab-07 was stopped' });
  });

  it('reports an uninstall as such', async () => {
    const device = await enrolDevice(collector);
    await sendBatch(device, [stopEvent(1, StopReason.STOP_REASON_UNINSTALL, 'An installer is removing the agent (version 0.1.0).')]);
    expect((await availability())[0]).toMatchObject({ status: 'open', title: 'The agent was uninstalled from lab-07' });
  });
});
