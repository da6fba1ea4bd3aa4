// The termly firewall review of one school: stored firewall observations → figures a governor files.
import { clauseForCheck, type PolicyClause } from '@invigilator/shared/policy/types.ts';
import type { StoreOps } from '../store/types.ts';
import { describeRule, readFirewall, type FirewallReading, type InboundRule, type OnOff } from './firewall-facts.ts';
import { isCovered, loadTermContext, type ReportStore, type TermContext, type TermWindow } from './term-context.ts';
import { overlapMs, segmentsOf, shareOf, timeByState, type Segment } from './timeline.ts';

export interface DeviceFirewall {
  deviceId: string;
  hostname: string;
  reports: number;
  onMs: number;
  offMs: number;
  /** School time with no report, or a report that could not say. */
  notKnownMs: number;
  onShare: number | null;
  profiles: { name: string; onShare: number | null; offMs: number }[];
  offPeriods: { from: number; to: number; schoolMs: number }[];
  lastReportAt: number | null;
}

export interface FirewallHeadline {
  devicesCovered: number;
  devicesReporting: number;
  neverReported: number;
  everOff: number;
  /** Share of known school time with the firewall on, across all devices; null when nothing was known. */
  onShare: number | null;
  /** Share of the covered devices' school time for which the state is known. */
  knownShare: number | null;
}

export interface ExceptionRow {
  rule: InboundRule;
  description: string;
  devices: number;
  firstSeen: number;
  lastSeen: number;
  reason: { text: string; by: string; at: number; changes: number } | null;
  reviewedThisTerm: boolean;
}

export interface UnreadableRules { deviceId: string; hostname: string; problem: string; since: number; readEarlierInTerm: boolean }
export interface RuleChange { rule: InboundRule; description: string; change: 'appeared' | 'disappeared'; devices: number; firstAt: number; lastAt: number }
export interface PackChange { at: number; text: string }

export interface FirewallReview {
  context: TermContext;
  clause: PolicyClause;
  headline: FirewallHeadline;
  previousHeadline: FirewallHeadline | null;
  devices: DeviceFirewall[];
  weekly: { monday: string; schoolDays: number; onShare: number | null }[];
  exceptions: ExceptionRow[];
  unreadable: UnreadableRules[];
  ruleChanges: RuleChange[];
  packChanges: PackChange[];
  /** False when no device sent a firewall report for the term. */
  hasData: boolean;
}

type FirewallStore = ReportStore & Pick<StoreOps, 'listEventsBetween' | 'listExceptionReasons' | 'listPolicyPackChanges'>;

interface DeviceTerm {
  summary: DeviceFirewall;
  /** Readings made during the term (not the ones before it that carry a state in). */
  inTerm: FirewallReading[];
  before: FirewallReading | undefined;
  weekly: { on: number; off: number }[];
}

const readingsOf = async (store: FirewallStore, deviceId: string, window: TermWindow, holdMs: number): Promise<FirewallReading[]> =>
  (await store.listEventsBetween({
    deviceId, kind: 'observation', checkName: 'firewall', from: window.bounds.from - holdMs, to: window.bounds.to,
  })).map((event) => readFirewall(event.payload, event.occurredAt));

const profileShares = (readings: readonly FirewallReading[], window: TermWindow, holdMs: number): DeviceFirewall['profiles'] => {
  const names = [...new Set(readings.flatMap((r) => r.profiles.map((p) => p.name)))].sort();
  return names.map((name) => {
    const states = readings.map((r) => ({ at: r.at, state: r.profiles.find((p) => p.name === name)?.state ?? 'unknown' as OnOff }));
    const totals = timeByState(segmentsOf(states, holdMs, window.bounds), window.spans);
    return { name, onShare: shareOf(totals.get('on') ?? 0, totals.get('off') ?? 0), offMs: totals.get('off') ?? 0 };
  });
};

const deviceTerm = (device: TermWindow['devices'][number], readings: FirewallReading[], window: TermWindow, holdMs: number): DeviceTerm => {
  const segments: Segment<OnOff>[] = segmentsOf(readings, holdMs, window.bounds);
  const totals = timeByState(segments, window.spans);
  const [onMs, offMs] = [totals.get('on') ?? 0, totals.get('off') ?? 0];
  const possible = window.spans.reduce((sum, span) => sum + span.to - span.from, 0);
  const inTerm = readings.filter((r) => r.at >= window.bounds.from);
  return {
    inTerm,
    before: readings.filter((r) => r.at < window.bounds.from).at(-1),
    weekly: window.weeks.map((week) => ({
      on: segments.filter((s) => s.state === 'on').reduce((sum, s) => sum + overlapMs(s.from, s.to, week.spans), 0),
      off: segments.filter((s) => s.state === 'off').reduce((sum, s) => sum + overlapMs(s.from, s.to, week.spans), 0),
    })),
    summary: {
      deviceId: device.id, hostname: device.hostname, reports: inTerm.length, onMs, offMs,
      notKnownMs: possible - onMs - offMs, onShare: shareOf(onMs, offMs),
      profiles: profileShares(readings, window, holdMs),
      offPeriods: segments.filter((s) => s.state === 'off').map((s) => ({ from: s.from, to: s.to, schoolMs: overlapMs(s.from, s.to, window.spans) })),
      lastReportAt: inTerm.at(-1)?.at ?? null,
    },
  };
};

const headlineOf = (terms: readonly DeviceTerm[], window: TermWindow): FirewallHeadline => {
  const possible = window.spans.reduce((sum, span) => sum + span.to - span.from, 0) * terms.length;
  const on = terms.reduce((sum, t) => sum + t.summary.onMs, 0);
  const off = terms.reduce((sum, t) => sum + t.summary.offMs, 0);
  const reporting = terms.filter((t) => t.summary.reports > 0).length;
  return {
    devicesCovered: terms.length, devicesReporting: reporting, neverReported: terms.length - reporting,
    everOff: terms.filter((t) => t.summary.offMs > 0).length, onShare: shareOf(on, off),
    knownShare: possible > 0 ? (on + off) / possible : null,
  };
};

const loadDeviceTerms = async (store: FirewallStore, window: TermWindow, holdMs: number): Promise<DeviceTerm[]> => {
  const terms: DeviceTerm[] = [];
  // One device at a time: a term of a large school's observations never sits in memory at once.
  for (const device of window.devices) {
    const term = deviceTerm(device, await readingsOf(store, device.id, window, holdMs), window, holdMs);
    if (isCovered(device, window, term.summary.reports)) terms.push(term);
  }
  return terms;
};

const exceptionRows = async (store: FirewallStore, context: TermContext, terms: readonly DeviceTerm[]): Promise<ExceptionRow[]> => {
  const seen = new Map<string, { rule: InboundRule; devices: Set<string>; first: number; last: number }>();
  for (const { summary, inTerm } of terms) {
    for (const reading of inTerm) {
      for (const rule of reading.rules) {
        const entry = seen.get(rule.key) ?? { rule, devices: new Set<string>(), first: reading.at, last: reading.at };
        entry.devices.add(summary.deviceId);
        entry.first = Math.min(entry.first, reading.at);
        entry.last = Math.max(entry.last, reading.at);
        seen.set(rule.key, entry);
      }
    }
  }
  const history = await store.listExceptionReasons(context.school.id);
  const { bounds } = context.current;
  return [...seen.values()].map(({ rule, devices, first, last }) => {
    const recordings = history.filter((r) => r.ruleKey === rule.key);
    const latest = recordings.at(-1);
    return {
      rule, description: describeRule(rule), devices: devices.size, firstSeen: first, lastSeen: last,
      reason: latest ? { text: latest.reason, by: latest.recordedBy, at: latest.recordedAt, changes: recordings.length } : null,
      reviewedThisTerm: recordings.some((r) => r.recordedAt >= bounds.from && r.recordedAt < bounds.to),
    };
  }).sort((a, b) => Number(a.reason !== null) - Number(b.reason !== null) || Number(a.reviewedThisTerm) - Number(b.reviewedThisTerm)
    || b.devices - a.devices || a.rule.key.localeCompare(b.rule.key));
};

/** Devices whose latest report in the term could not list their inbound rules: never "no exceptions". */
const unreadableRules = (terms: readonly DeviceTerm[]): UnreadableRules[] => terms.flatMap(({ summary, inTerm }) => {
  const last = inTerm.at(-1);
  if (!last || last.rulesListed === 'yes') return [];
  const lastRead = inTerm.findLastIndex((r) => r.rulesListed === 'yes');
  const since = inTerm[lastRead + 1]?.at ?? last.at;
  const problem = last.rulesProblem || (last.rulesListed === 'unknown'
    ? 'the device did not say whether its list of inbound rules was complete (an older agent, or the firewall could not be read)'
    : 'no reason given');
  return [{ deviceId: summary.deviceId, hostname: summary.hostname, problem, since, readEarlierInTerm: lastRead >= 0 }];
});

/** Rules that appeared on or disappeared from devices, compared only between two complete lists. */
const ruleChanges = (terms: readonly DeviceTerm[]): RuleChange[] => {
  const changes = new Map<string, RuleChange & { deviceIds: Set<string> }>();
  const note = (rule: InboundRule, change: RuleChange['change'], deviceId: string, at: number): void => {
    const id = `${change}:${rule.key}`;
    const entry = changes.get(id) ?? { rule, description: describeRule(rule), change, devices: 0, firstAt: at, lastAt: at, deviceIds: new Set() };
    entry.deviceIds.add(deviceId);
    entry.devices = entry.deviceIds.size;
    entry.firstAt = Math.min(entry.firstAt, at);
    entry.lastAt = Math.max(entry.lastAt, at);
    changes.set(id, entry);
  };
  for (const { summary, inTerm, before } of terms) {
    let previous = before?.rulesListed === 'yes' ? before : undefined;
    for (const reading of inTerm) {
      if (reading.rulesListed !== 'yes') continue;
      if (previous) {
        const had = new Set(previous.rules.map((r) => r.key));
        const has = new Set(reading.rules.map((r) => r.key));
        for (const rule of reading.rules) if (!had.has(rule.key)) note(rule, 'appeared', summary.deviceId, reading.at);
        for (const rule of previous.rules) if (!has.has(rule.key)) note(rule, 'disappeared', summary.deviceId, reading.at);
      }
      previous = reading;
    }
  }
  return [...changes.values()].map(({ deviceIds: _ids, ...change }) => change).sort((a, b) => a.firstAt - b.firstAt);
};

const byWorstFirst = (a: DeviceFirewall, b: DeviceFirewall): number =>
  (a.onShare ?? -1) - (b.onShare ?? -1) || b.offMs - a.offMs || a.hostname.localeCompare(b.hostname);

export const firewallReviewOf = async (store: FirewallStore, context: TermContext): Promise<FirewallReview> => {
  const { current, previous, holdMs } = context;
  const terms = await loadDeviceTerms(store, current, holdMs);
  const previousTerms = previous ? await loadDeviceTerms(store, previous, holdMs) : null;
  const packChanges = (await store.listPolicyPackChanges(context.school.id))
    .filter((c) => c.changedAt >= current.bounds.from && c.changedAt < current.bounds.to)
    .map((c) => ({ at: c.changedAt, text: `Policy pack "${c.name}" (${c.packId} version ${c.version}) made the school's policy` }));
  return {
    context,
    clause: clauseForCheck(context.pack, 'firewall'),
    headline: headlineOf(terms, current),
    previousHeadline: previous && previousTerms ? headlineOf(previousTerms, previous) : null,
    devices: terms.map((t) => t.summary).sort(byWorstFirst),
    weekly: current.weeks.map((week, index) => {
      const on = terms.reduce((sum, t) => sum + (t.weekly[index]?.on ?? 0), 0);
      const off = terms.reduce((sum, t) => sum + (t.weekly[index]?.off ?? 0), 0);
      return { monday: week.monday, schoolDays: Math.round(week.spans.reduce((s, span) => s + span.to - span.from, 0) / 86_400_000), onShare: shareOf(on, off) };
    }),
    exceptions: await exceptionRows(store, context, terms),
    unreadable: unreadableRules(terms),
    ruleChanges: ruleChanges(terms),
    packChanges,
    hasData: terms.some((t) => t.summary.reports > 0),
  };
};

export const buildFirewallReview = async (store: FirewallStore, schoolId: string, termName: string, now: number): Promise<FirewallReview> =>
  firewallReviewOf(store, await loadTermContext(store, schoolId, termName, now));
