import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkSilentDevices } from '../../src/jobs/silence.ts';
import { resolveTestAlert } from '../helpers/alerts.ts';
import { addSchool } from '../../src/schools.ts';
import { setTerm } from '../../src/terms/terms.ts';
import { enrolDevice, helloAgent, startTestCollector, type TestCollector } from '../helpers/collector.ts';

const HOUR = 3_600_000;
let collector: TestCollector;
beforeEach(async () => { collector = await startTestCollector(); });
afterEach(async () => { await collector.cleanUp(); });

const availabilityAlerts = () => collector.store.listAlerts({ categories: ['availability'], limit: 10 });

describe('silent devices', () => {
  it('opens one availability alert per silence, refreshes it (not a new occurrence) on later runs, and resolves it when the device says hello', async () => {
    const device = await enrolDevice(collector);
    const lastSeen = (await collector.store.getDevice(device.deviceId))?.lastSeenAt ?? 0;

    expect(await checkSilentDevices(collector.store, new Date(lastSeen + 71 * HOUR))).toBe(0);
    expect(await availabilityAlerts()).toEqual([]);

    expect(await checkSilentDevices(collector.store, new Date(lastSeen + 73 * HOUR))).toBe(1);
    // Every 15 minutes the job finds the same silence: the alert's age moves on, its count does not.
    for (const quarter of [1, 2, 3, 4]) expect(await checkSilentDevices(collector.store, new Date(lastSeen + 73 * HOUR + quarter * 15 * 60_000))).toBe(0);
    const [alert] = await availabilityAlerts();
    expect(alert).toMatchObject({ status: 'open', occurrences: 1, deviceId: device.deviceId, clauseId: 'monitoring', title: expect.stringContaining('74 hours') });
    expect(await collector.store.listAlertHistory(alert!.id)).toHaveLength(1);

    const { agent } = await helloAgent(collector, device);
    agent.socket.close();
    expect((await availabilityAlerts())[0]).toMatchObject({ status: 'resolved' });
  });

  it('holds a person\'s resolution for the rest of that silence, and alerts again for the next one', async () => {
    const device = await enrolDevice(collector);
    const lastSeen = (await collector.store.getDevice(device.deviceId))?.lastSeenAt ?? 0;
    expect(await checkSilentDevices(collector.store, new Date(lastSeen + 73 * HOUR))).toBe(1);
    const [alert] = await availabilityAlerts();
    await resolveTestAlert(collector.store, alert!.id, lastSeen + 1, 'tech (technician)');
    expect(await checkSilentDevices(collector.store, new Date(lastSeen + 80 * HOUR))).toBe(0);
    expect((await availabilityAlerts()).map((a) => a.status)).toEqual(['resolved']);

    const { agent } = await helloAgent(collector, device);
    agent.socket.close();
    const seenAgain = (await collector.store.getDevice(device.deviceId))?.lastSeenAt ?? 0;
    expect(await checkSilentDevices(collector.store, new Date(seenAgain + 73 * HOUR))).toBe(1);
  });

  it('counts silence in school time once the school has term dates: a half-term week is not an outage', async () => {
    // A device last heard from on the last school day before half-term ("last seen" never moves back, so
    // the device is stored as of then rather than enrolled now).
    const friday = Date.UTC(2026, 9, 23, 12);
    const device = { deviceId: 'half-term-laptop' };
    await addSchool(collector.store, { id: 'north', name: 'north school' }, friday - 60 * 24 * HOUR);
    await collector.store.createDevice({
      id: device.deviceId, schoolId: 'north', hostname: 'lab-07', facts: {}, credentialHash: 'ab'.repeat(32),
      enrolledAt: friday - 30 * 24 * HOUR, lastSeenAt: friday, revokedAt: null,
    });
    const mondayAfter = new Date(Date.UTC(2026, 10, 2, 10));
    // Without term dates, ten days of wall-clock silence.
    expect((await checkSilentDevices(collector.store, mondayAfter))).toBe(1);
    const [wallClock] = await availabilityAlerts();
    await resolveTestAlert(collector.store, wallClock!.id, friday - 1, 'test'); // as if never raised
    await setTerm(collector.store, 'north', { name: 'Autumn 2026', start: '2026-09-03', end: '2026-12-18', holidays: [{ from: '2026-10-26', to: '2026-10-30' }] }, 'test', Date.now());
    // Friday afternoon and Monday morning: under a day of school time.
    expect(await checkSilentDevices(collector.store, mondayAfter)).toBe(0);
    // Wednesday afternoon: over the 72 hours the school allows, counted in school days.
    expect(await checkSilentDevices(collector.store, new Date(Date.UTC(2026, 10, 4, 16)))).toBe(1);
    const open = (await availabilityAlerts()).find((a) => a.status === 'open')!;
    expect(open.title).toMatch(/not seen for .* of school time$/);
    expect(open.detail).toMatchObject({ schoolTime: true, hoursSilent: 75 });
  });

  it('leaves revoked devices alone', async () => {
    const device = await enrolDevice(collector);
    await collector.store.revokeDevice(device.deviceId, Date.now());
    expect(await checkSilentDevices(collector.store, new Date(Date.now() + 1000 * HOUR))).toBe(0);
  });
});
