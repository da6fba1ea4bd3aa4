import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkSilentDevices } from '../../src/jobs/silence.ts';
import { enrolDevice, helloAgent, startTestCollector, type TestCollector } from '../helpers/collector.ts';

const HOUR = 3_600_000;
let collector: TestCollector;
beforeEach(async () => { collector = await startTestCollector(); });
afterEach(async () => { await collector.cleanUp(); });

const availabilityAlerts = () => collector.store.listAlerts({ categories: ['availability'], limit: 10 });

describe('silent devices', () => {
  it('opens one availability alert per silence, counts repeats, and resolves it when the device says hello', async () => {
    const device = await enrolDevice(collector);
    const lastSeen = (await collector.store.getDevice(device.deviceId))?.lastSeenAt ?? 0;

    expect(await checkSilentDevices(collector.store, new Date(lastSeen + 71 * HOUR))).toBe(0);
    expect(await availabilityAlerts()).toEqual([]);

    expect(await checkSilentDevices(collector.store, new Date(lastSeen + 73 * HOUR))).toBe(1);
    await checkSilentDevices(collector.store, new Date(lastSeen + 74 * HOUR));
    const [alert] = await availabilityAlerts();
    expect(alert).toMatchObject({ status: 'open', occurrences: 2, deviceId: device.deviceId, clauseId: 'monitoring' });

    const { agent } = await helloAgent(collector, device);
    agent.socket.close();
    expect((await availabilityAlerts())[0]).toMatchObject({ status: 'resolved' });
  });

  it('leaves revoked devices alone', async () => {
    const device = await enrolDevice(collector);
    await collector.store.revokeDevice(device.deviceId, Date.now());
    expect(await checkSilentDevices(collector.store, new Date(Date.now() + 1000 * HOUR))).toBe(0);
  });
});
