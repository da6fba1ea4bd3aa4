// The per-term evidence pack: the five controls, each judged the way the collector judges any
// observation (policy/evaluate.ts, with the school's current pack), turned into school-time figures.
import type { CheckName } from '@invigilator/shared/checks.ts';
import { clauseForCheck, type PolicyClause } from '@invigilator/shared/policy/types.ts';
import { MisuseKind, v1 } from '@invigilator/shared/wire.ts';
import { evaluateObservation } from '../policy/evaluate.ts';
import type { StoreOps } from '../store/types.ts';
import { schoolDates } from '../terms/calendar.ts';
import { addDays, startOfDate } from '../terms/dates.ts';
import { CONTROLS, type ControlInfo } from './controls.ts';
import { observationOf } from './firewall-facts.ts';
import { firewallReviewOf, type FirewallHeadline, type FirewallReview } from './firewall-review.ts';
import { isCovered, loadTermContext, type ReportStore, type TermContext, type TermWindow } from './term-context.ts';
import { overlapMs, segmentsOf, shareOf, timeByState, type Reading } from './timeline.ts';

type Judged = 'pass' | 'fail' | 'unknown';

export interface ControlFigures {
  /** The headline: a share (0..1) or, for removable media, a count; null when there was nothing to measure. */
  headline: number | null;
  devicesCovered: number;
  devicesReporting: number;
  /** Devices that fell short at some time in school time (or, for removable media, had media attached). */
  devicesFallingShort: number;
  /** Devices falling short at their last report in the term. */
  shortAtEnd: { hostname: string; reason: string }[];
  extra: { label: string; value: string }[];
}

export interface ControlPage {
  info: ControlInfo;
  clause: PolicyClause;
  /** The school's pack does not require this control. */
  notRequired: boolean;
  current: ControlFigures;
  previous: ControlFigures | null;
  status: 'met' | 'attention' | 'no data' | 'not required';
}

export interface EvidencePack {
  context: TermContext;
  firewall: FirewallReview;
  controls: ControlPage[];
}

type PackStore = ReportStore & Parameters<typeof firewallReviewOf>[0] & Pick<StoreOps, 'listEventsBetween'>;

interface DeviceJudged { hostname: string; readings: (Reading<Judged> & { reason: string })[]; inTerm: number }

const judgedReadings = async (store: PackStore, context: TermContext, window: TermWindow, check: CheckName): Promise<DeviceJudged[]> => {
  const devices: DeviceJudged[] = [];
  for (const device of window.devices) {
    const events = await store.listEventsBetween({
      deviceId: device.id, kind: 'observation', checkName: check, from: window.bounds.from - context.holdMs, to: window.bounds.to,
    });
    const readings = events.map((event) => {
      // Judged as of when it was observed, as ingest judged it, against today's pack.
      const verdict = evaluateObservation(observationOf(event.payload), context.pack, new Date(event.occurredAt));
      const state: Judged = verdict.status === 'pass' ? 'pass' : verdict.status === 'fail' ? 'fail' : 'unknown';
      return { at: event.occurredAt, state, reason: verdict.reason };
    });
    const inTerm = readings.filter((r) => r.at >= window.bounds.from).length;
    if (isCovered(device, window, inTerm)) devices.push({ hostname: device.hostname, readings, inTerm });
  }
  return devices;
};

const percent = (share: number | null): string => (share === null ? 'no data' : `${(share * 100).toFixed(1)}%`);

const judgedFigures = (devices: readonly DeviceJudged[], window: TermWindow, holdMs: number, check: CheckName): ControlFigures => {
  let [pass, fail, goodDays, knownDays] = [0, 0, 0, 0];
  const days = schoolDates(window.term).map((date) => [{ from: startOfDate(date), to: startOfDate(addDays(date, 1)) }]);
  const shortAtEnd: ControlFigures['shortAtEnd'] = [];
  let fallingShort = 0;
  let endPass = 0;
  let endKnown = 0;
  for (const device of devices) {
    const segments = segmentsOf(device.readings, holdMs, window.bounds);
    const totals = timeByState(segments, window.spans);
    pass += totals.get('pass') ?? 0;
    fail += totals.get('fail') ?? 0;
    if ((totals.get('fail') ?? 0) > 0) fallingShort += 1;
    for (const day of days) {
      const dayPass = segments.filter((s) => s.state === 'pass').reduce((sum, s) => sum + overlapMs(s.from, s.to, day), 0);
      const dayFail = segments.filter((s) => s.state === 'fail').reduce((sum, s) => sum + overlapMs(s.from, s.to, day), 0);
      if (dayPass + dayFail > 0) knownDays += 1;
      if (dayPass > 0 && dayFail === 0) goodDays += 1;
    }
    const last = device.readings.filter((r) => r.at < window.bounds.to && r.state !== 'unknown').at(-1);
    if (last && device.inTerm > 0) {
      endKnown += 1;
      if (last.state === 'pass') endPass += 1;
      else shortAtEnd.push({ hostname: device.hostname, reason: last.reason });
    }
  }
  const byDays = check === 'antivirus';
  return {
    headline: byDays ? (knownDays > 0 ? goodDays / knownDays : null) : (endKnown > 0 ? endPass / endKnown : null),
    devicesCovered: devices.length,
    devicesReporting: devices.filter((d) => d.inTerm > 0).length,
    devicesFallingShort: fallingShort,
    shortAtEnd,
    extra: [
      { label: 'Share of school time meeting the policy', value: percent(shareOf(pass, fail)) },
      ...(byDays ? [{ label: 'Device school days measured', value: String(knownDays) }] : []),
    ],
  };
};

const removableFigures = async (store: PackStore, window: TermWindow, reporting: FirewallHeadline | null): Promise<ControlFigures> => {
  let attached = 0;
  let filesWritten = 0;
  const involved = new Set<string>();
  for (const device of window.devices) {
    // Counts only: who plugged what in is the DSL's to see, never the governors'.
    const events = await store.listEventsBetween({ deviceId: device.id, kind: 'misuse', from: window.bounds.from, to: window.bounds.to });
    for (const event of events) {
      const kind = v1.MisuseEvent.fromObject(event.payload).kind;
      if (kind === MisuseKind.MEDIA_ATTACHED) attached += 1;
      if (kind === MisuseKind.FILE_WRITTEN) filesWritten += 1;
      if (kind === MisuseKind.MEDIA_ATTACHED || kind === MisuseKind.FILE_WRITTEN) involved.add(device.id);
    }
  }
  return {
    // Which devices were watching comes from the firewall review: every agent reports its firewall every few minutes.
    headline: reporting?.devicesReporting ? attached : null,
    devicesCovered: reporting?.devicesCovered ?? 0, devicesReporting: reporting?.devicesReporting ?? 0,
    devicesFallingShort: involved.size, shortAtEnd: [],
    extra: [{ label: 'Files copied onto removable media', value: String(filesWritten) }],
  };
};

const firewallFigures = (review: FirewallReview, previous: boolean): ControlFigures | null => {
  const headline = previous ? review.previousHeadline : review.headline;
  if (!headline) return null;
  const unexplained = review.exceptions.filter((e) => e.reason === null).length;
  return {
    headline: headline.onShare, devicesCovered: headline.devicesCovered, devicesReporting: headline.devicesReporting,
    devicesFallingShort: headline.everOff, shortAtEnd: [],
    extra: previous ? [] : [
      { label: 'Inbound exceptions seen', value: String(review.exceptions.length) },
      { label: 'Inbound exceptions without a recorded reason', value: String(unexplained) },
      { label: 'Devices whose rule list could not be read', value: String(review.unreadable.length) },
    ],
  };
};

const statusOf = (check: CheckName, figures: ControlFigures, notRequired: boolean): ControlPage['status'] => {
  if (notRequired) return 'not required';
  if (figures.headline === null) return 'no data';
  if (check === 'removable-media') return figures.headline === 0 ? 'met' : 'attention';
  return figures.headline === 1 && figures.devicesReporting === figures.devicesCovered ? 'met' : 'attention';
};

const isRequired = (context: TermContext, check: CheckName): boolean => {
  const { checks } = context.pack;
  switch (check) {
    case 'encryption': return checks.encryption.required;
    case 'antivirus': return checks.antivirus.required;
    case 'firewall': return checks.firewall.required;
    case 'password-policy': return true;
    case 'removable-media': return checks.removableMedia.banned;
    case 'screen-lock': return checks.screenLock.required;
  }
};

export const buildEvidencePack = async (store: PackStore, schoolId: string, termName: string, now: number): Promise<EvidencePack> => {
  const context = await loadTermContext(store, schoolId, termName, now);
  const firewall = await firewallReviewOf(store, context);
  const figuresFor = async (check: CheckName, window: TermWindow, previous: boolean): Promise<ControlFigures | null> => {
    if (check === 'firewall') return firewallFigures(firewall, previous);
    if (check === 'removable-media') return removableFigures(store, window, previous ? firewall.previousHeadline : firewall.headline);
    return judgedFigures(await judgedReadings(store, context, window, check), window, context.holdMs, check);
  };
  const controls: ControlPage[] = [];
  for (const info of CONTROLS) {
    const current = await figuresFor(info.check, context.current, false);
    if (!current) continue;
    const previous = context.previous ? await figuresFor(info.check, context.previous, true) : null;
    const notRequired = !isRequired(context, info.check);
    controls.push({ info, clause: clauseForCheck(context.pack, info.check), notRequired, current, previous, status: statusOf(info.check, current, notRequired) });
  }
  return { context, firewall, controls };
};
