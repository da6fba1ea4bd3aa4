// The overview's weekly trend on a real store: a device counts from when it was first known, enrolled or
// judged, so an observation made before its enrolment finished is not drawn as a week with no devices.
import { expect, it } from 'vitest';
import type { Store, StoredVerdict } from '../../src/store/types.ts';
import { buildOverview } from '../../src/web/overview.ts';
import { describeEachEngine } from '../store/contract/engines.ts';

const DAY = 86_400_000;
// A Wednesday: the trend's points are the Mondays before it and now.
const NOW = Date.UTC(2026, 10, 25, 12, 0);

const deviceWithFirewall = async (store: Store, id: string, enrolledAt: number, judgedAt: number): Promise<void> => {
  await store.createDevice({ id, schoolId: 'north', hostname: id, facts: {}, credentialHash: 'cd'.repeat(32), enrolledAt, lastSeenAt: NOW, revokedAt: null });
  const verdict: StoredVerdict = {
    deviceId: id, check: 'firewall', status: 'pass', reasonCode: 'OK', reason: 'on', clauseId: 'fw', clauseText: 'on', since: judgedAt, evaluatedAt: judgedAt, seq: 1,
  };
  await store.putVerdict(verdict);
  await store.recordVerdictChange({ deviceId: id, check: 'firewall', fromStatus: null, toStatus: 'pass', reasonCode: 'OK', reason: 'on', clauseId: 'fw', changedAt: judgedAt, seq: 1 });
};

describeEachEngine('the overview trend', [], (engine) => {
  it('counts a device from its enrolment, or from its first verdict when that came first', async () => {
    const store = engine.store();
    await store.createSchool({ id: 'north', name: 'North', enrolmentSecretHash: 'ab'.repeat(32), createdAt: 1 });
    // Enrolled today, but its agent's first observation is dated ten days back (made before enrolment finished).
    await deviceWithFirewall(store, 'judged-first', NOW - DAY, NOW - 10 * DAY);
    // Enrolled and judged today: nothing before.
    await deviceWithFirewall(store, 'new-today', NOW - DAY, NOW - DAY);
    const overview = await buildOverview(store, {}, NOW, 3);
    const trend = overview.schools[0]!.trend;
    expect(trend.map((point) => point.weekEnding)).toEqual(['2026-11-16T00:00:00.000Z', '2026-11-23T00:00:00.000Z', '2026-11-25T12:00:00.000Z']);
    expect(trend.map((point) => point.devices)).toEqual([1, 1, 2]);
    expect(trend.map((point) => point.passShare.firewall)).toEqual([1, 1, 1]);
  });
});
