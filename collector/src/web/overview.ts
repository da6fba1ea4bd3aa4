// The network manager's overview: per school, devices and the share passing each check, failing and silent
// counts, unresolved alerts by category (safeguarding as a count only), and a weekly trend rebuilt from the
// verdict changes: walking back from today's verdicts, each change undone restores what was true before it.
import { CHECK_NAMES } from '@invigilator/shared/checks.ts';
import { ALERT_CATEGORIES, type AlertCategory, type SchoolFilter, type Store, type VerdictStatus } from '../store/types.ts';
import type { ChangeSince, VerdictState } from '../store/dashboard-types.ts';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/** `weeks` points, oldest first: the ends of the last weeks (Mondays, 00:00 UTC) and now. */
export const trendPoints = (now: number, weeks: number): number[] => {
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  const sinceMonday = (new Date(today).getUTCDay() + 6) % 7;
  const monday = today - sinceMonday * DAY_MS;
  const points = [now];
  for (let k = 0; points.length < weeks; k += 1) points.unshift(monday - k * WEEK_MS);
  return points;
};

interface CheckCounts { pass: number; fail: number; unknown: number; notApplicable: number; noVerdict: number; passShare: number | null }

const emptyCounts = (): CheckCounts => ({ pass: 0, fail: 0, unknown: 0, notApplicable: 0, noVerdict: 0, passShare: null });
const COUNT_KEY: Record<VerdictStatus, keyof Omit<CheckCounts, 'passShare' | 'noVerdict'>> = {
  pass: 'pass', fail: 'fail', unknown: 'unknown', not_applicable: 'notApplicable',
};

/** Not applicable is not a failure: a device the school's policy does not ask it of passes. */
const shareOf = (counts: Pick<CheckCounts, 'pass' | 'notApplicable'>, devices: number): number | null =>
  (devices === 0 ? null : Math.round(((counts.pass + counts.notApplicable) / devices) * 10_000) / 10_000);

interface TrendPoint { weekEnding: string; devices: number; failing: number; passShare: Record<string, number | null> }

/** One school's trend from its current verdicts and the changes since the first point (newest first). */
const schoolTrend = (
  points: readonly number[], states: readonly VerdictState[], changesNewestFirst: readonly ChangeSince[], enrolled: readonly number[],
): TrendPoint[] => {
  // Each device-check once, its status as of the point being built (null: no verdict yet).
  const slot = new Map(states.map((s, index) => [`${s.deviceId}\n${s.check}`, index]));
  const status: Array<VerdictStatus | null> = states.map((s) => s.status);
  const trend: TrendPoint[] = [];
  let next = 0;
  for (const at of [...points].reverse()) {
    // Undo every change made after this point.
    for (; next < changesNewestFirst.length && changesNewestFirst[next]!.changedAt > at; next += 1) {
      const change = changesNewestFirst[next]!;
      const index = slot.get(`${change.deviceId}\n${change.check}`);
      if (index !== undefined) status[index] = change.fromStatus;
    }
    const devices = enrolled.filter((time) => time <= at).length;
    const passing = new Map<string, number>();
    const failing = new Set<string>();
    states.forEach((state, index) => {
      const value = status[index];
      if (value === 'pass' || value === 'not_applicable') passing.set(state.check, (passing.get(state.check) ?? 0) + 1);
      else if (value === 'fail') failing.add(state.deviceId);
    });
    trend.unshift({
      weekEnding: new Date(at).toISOString(), devices, failing: failing.size,
      passShare: Object.fromEntries(CHECK_NAMES.map((check) => [check, shareOf({ pass: passing.get(check) ?? 0, notApplicable: 0 }, devices)])),
    });
  }
  return trend;
};

const groupBy = <T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> => Map.groupBy(items, key);

export const buildOverview = async (store: Store, scope: SchoolFilter, now: number, weeks: number) => {
  const schools = (await store.listSchools()).filter((school) =>
    (scope.schoolIds === undefined || scope.schoolIds.includes(school.id)) && (scope.schoolId === undefined || scope.schoolId === school.id));
  const [deviceCounts, alertCounts, states, enrolments] = await Promise.all([
    store.deviceCountsBySchool(scope), store.unresolvedAlertCountsBySchool(scope), store.verdictStates(scope), store.enrolmentTimes(scope),
  ]);
  const points = trendPoints(now, weeks);
  const changes = (await store.verdictChangesSince(scope, points[0]!)).reverse();
  const schoolOfDevice = new Map(enrolments.map((e) => [e.deviceId, e.schoolId]));
  const [statesBySchool, changesBySchool, enrolledBySchool] = [
    groupBy(states, (s) => s.schoolId), groupBy(changes, (c) => schoolOfDevice.get(c.deviceId) ?? ''), groupBy(enrolments, (e) => e.schoolId),
  ];
  const totals = { devices: 0, failing: 0, silent: 0, openAlerts: Object.fromEntries(ALERT_CATEGORIES.map((c) => [c, 0])) as Record<AlertCategory, number> };

  const perSchool = schools.map((school) => {
    const counts = deviceCounts.find((c) => c.schoolId === school.id) ?? { devices: 0, failing: 0, silent: 0 };
    const tallies = new Map(CHECK_NAMES.map((check) => [check as string, emptyCounts()]));
    for (const state of statesBySchool.get(school.id) ?? []) {
      const tally = tallies.get(state.check);
      if (tally) tally[COUNT_KEY[state.status]] += 1;
    }
    const checks = Object.fromEntries(CHECK_NAMES.map((check) => {
      const tally = tallies.get(check)!;
      tally.noVerdict = Math.max(0, counts.devices - tally.pass - tally.fail - tally.unknown - tally.notApplicable);
      tally.passShare = shareOf(tally, counts.devices);
      return [check, tally];
    }));
    const openAlerts = Object.fromEntries(ALERT_CATEGORIES.map((category) =>
      [category, alertCounts.find((a) => a.schoolId === school.id && a.category === category)?.count ?? 0])) as Record<AlertCategory, number>;
    totals.devices += counts.devices;
    totals.failing += counts.failing;
    totals.silent += counts.silent;
    for (const category of ALERT_CATEGORIES) totals.openAlerts[category] += openAlerts[category];
    return {
      id: school.id, name: school.name, devices: counts.devices, failing: counts.failing, silent: counts.silent, checks, openAlerts,
      trend: schoolTrend(points, statesBySchool.get(school.id) ?? [], changesBySchool.get(school.id) ?? [],
        (enrolledBySchool.get(school.id) ?? []).map((e) => e.enrolledAt)),
    };
  });
  return { generatedAt: new Date(now).toISOString(), weeks, checks: [...CHECK_NAMES], schools: perSchool, totals };
};
