// The network manager's overview: per school, devices and the share passing each check, failing and silent
// counts, unresolved alerts by category (safeguarding as a count only), and a weekly trend rebuilt from the
// verdict changes: walking back from today's verdicts, each change undone restores what was true before it.
// A device counts from when it was first known: enrolled, or judged (an observation its agent made before
// the enrolment finished, a clock a little behind the collector's) if that came first.
import { CHECK_NAMES } from '@invigilator/shared/checks.ts';
import { ALERT_CATEGORIES, type AlertCategory, type SchoolFilter, type Store, type VerdictStatus } from '../store/types.ts';
import type { ChangeSince, FailingDevice, VerdictCount } from '../store/dashboard-types.ts';

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

/**
 * One school's trend, newest point first built: today's counts, then each change after a point undone (its
 * device-check counted back under the status it had before), so no device's verdicts are read one by one.
 */
const schoolTrend = (
  points: readonly number[], counts: readonly VerdictCount[], failing: readonly FailingDevice[],
  changesNewestFirst: readonly ChangeSince[], knownSince: readonly number[],
): TrendPoint[] => {
  const passing = new Map<string, number>(CHECK_NAMES.map((check) => [check, 0]));
  for (const row of counts) if (row.status === 'pass' || row.status === 'not_applicable') passing.set(row.check, (passing.get(row.check) ?? 0) + row.count);
  const failingChecks = new Map(failing.map((f) => [f.deviceId, f.failing]));
  const isPassing = (status: VerdictStatus | null): boolean => status === 'pass' || status === 'not_applicable';
  const trend: TrendPoint[] = [];
  let next = 0;
  for (const at of [...points].reverse()) {
    for (; next < changesNewestFirst.length && changesNewestFirst[next]!.changedAt > at; next += 1) {
      const { check, deviceId, fromStatus, toStatus } = changesNewestFirst[next]!;
      const shift = Number(isPassing(fromStatus)) - Number(isPassing(toStatus));
      if (shift !== 0) passing.set(check, (passing.get(check) ?? 0) + shift);
      const fails = (failingChecks.get(deviceId) ?? 0) + Number(fromStatus === 'fail') - Number(toStatus === 'fail');
      failingChecks.set(deviceId, fails);
    }
    const devices = knownSince.filter((time) => time <= at).length;
    let failingDevices = 0;
    for (const fails of failingChecks.values()) if (fails > 0) failingDevices += 1;
    trend.unshift({
      weekEnding: new Date(at).toISOString(), devices, failing: failingDevices,
      passShare: Object.fromEntries(CHECK_NAMES.map((check) => [check, shareOf({ pass: passing.get(check) ?? 0, notApplicable: 0 }, devices)])),
    });
  }
  return trend;
};

const groupBy = <T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> => Map.groupBy(items, key);

export const buildOverview = async (store: Store, scope: SchoolFilter, now: number, weeks: number) => {
  const schools = (await store.listSchools()).filter((school) =>
    (scope.schoolIds === undefined || scope.schoolIds.includes(school.id)) && (scope.schoolId === undefined || scope.schoolId === school.id));
  const points = trendPoints(now, weeks);
  const [deviceCounts, alertCounts, verdictCounts, failing, enrolments, changes] = await Promise.all([
    store.deviceCountsBySchool(scope), store.unresolvedAlertCountsBySchool(scope), store.verdictCountsBySchool(scope),
    store.failingDevices(scope), store.enrolmentTimes(scope), store.verdictChangesSince(scope, points[0]!),
  ]);
  const known = enrolments.map((e) => ({ schoolId: e.schoolId, since: Math.min(e.enrolledAt, e.firstJudgedAt ?? e.enrolledAt) }));
  const [countsBySchool, failingBySchool, changesBySchool, knownBySchool] = [
    groupBy(verdictCounts, (c) => c.schoolId), groupBy(failing, (f) => f.schoolId),
    groupBy(changes.reverse(), (c) => c.schoolId), groupBy(known, (e) => e.schoolId),
  ];
  const totals = { devices: 0, failing: 0, silent: 0, openAlerts: Object.fromEntries(ALERT_CATEGORIES.map((c) => [c, 0])) as Record<AlertCategory, number> };

  const perSchool = schools.map((school) => {
    const counts = deviceCounts.find((c) => c.schoolId === school.id) ?? { devices: 0, failing: 0, silent: 0 };
    const tallies = new Map(CHECK_NAMES.map((check) => [check as string, emptyCounts()]));
    for (const row of countsBySchool.get(school.id) ?? []) {
      const tally = tallies.get(row.check);
      if (tally) tally[COUNT_KEY[row.status]] += row.count;
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
      trend: schoolTrend(points, countsBySchool.get(school.id) ?? [], failingBySchool.get(school.id) ?? [], changesBySchool.get(school.id) ?? [],
        (knownBySchool.get(school.id) ?? []).map((e) => e.since)),
    };
  });
  return { generatedAt: new Date(now).toISOString(), weeks, checks: [...CHECK_NAMES], schools: perSchool, totals };
};
