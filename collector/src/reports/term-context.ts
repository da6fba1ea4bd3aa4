// What every termly report starts from: the school, the term and the one before it, the devices the
// term covers, and the school time to count.
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import type { PolicyPack } from '@invigilator/shared/policy/types.ts';
import { policyPackFor } from '../school-policy.ts';
import type { Device, School, StoreOps } from '../store/types.ts';
import { findTerm, previousTerm, schoolDates, schoolSpans, termBounds, type CalendarTerm, type Span } from '../terms/calendar.ts';
import { addDays, startOfDate, weekdayOf } from '../terms/dates.ts';
import { calendarFor } from '../terms/terms.ts';

const HOUR_MS = 3_600_000;

export interface TermWindow {
  term: CalendarTerm;
  /** The whole term, local midnight to local midnight, cut at the report's time while the term runs. */
  bounds: Span;
  /** School days only, up to the report's time. */
  spans: Span[];
  schoolDays: number;
  /** School days begun by the report's time (all of them once the term is over). */
  schoolDaysSoFar: number;
  /** The term had not ended when the report was made. */
  running: boolean;
  /** Monday-based weeks with their school time; weeks without school days are kept (empty) so holidays show. */
  weeks: { monday: string; spans: Span[] }[];
  /** Devices not withdrawn before the term began; see isCovered. */
  devices: Device[];
}

export interface TermContext {
  school: School;
  pack: PolicyPack;
  /** A reading holds this long at most: the school's own "silent after" setting. */
  holdMs: number;
  current: TermWindow;
  previous: TermWindow | null;
  generatedAt: number;
}

export type ReportStore = Pick<StoreOps, 'getSchool' | 'listTerms' | 'listDevices' | 'getPolicyPack'>;

const weeksOf = (term: CalendarTerm, spans: Span[]): TermWindow['weeks'] => {
  const weeks: TermWindow['weeks'] = [];
  for (let monday = addDays(term.start, -((weekdayOf(term.start) + 6) % 7)); monday <= term.end; monday = addDays(monday, 7)) {
    const { from, to } = termBounds({ name: '', start: monday, end: addDays(monday, 6), holidays: [] });
    weeks.push({ monday, spans: spans.filter((span) => span.from < to && span.to > from)
      .map((span) => ({ from: Math.max(span.from, from), to: Math.min(span.to, to) })) });
  }
  return weeks;
};

const windowOf = (term: CalendarTerm, devices: readonly Device[], now: number): TermWindow => {
  const whole = termBounds(term);
  const bounds = { from: whole.from, to: Math.max(whole.from, Math.min(whole.to, now)) };
  // Time still to come is neither on nor off: a running term is counted up to now.
  const spans = schoolSpans(term).filter((span) => span.from < bounds.to).map((span) => ({ from: span.from, to: Math.min(span.to, bounds.to) }));
  return {
    term, bounds, spans, schoolDays: schoolDates(term).length, schoolDaysSoFar: schoolDates(term).filter((date) => startOfDate(date) < bounds.to).length,
    running: now < whole.to, weeks: weeksOf(term, spans),
    devices: devices.filter((d) => d.revokedAt === null || d.revokedAt >= bounds.from),
  };
};

/** A device counts for a term if it was enrolled before the term ended or reported during it. */
export const isCovered = (device: Device, window: TermWindow, reportsInTerm: number): boolean =>
  reportsInTerm > 0 || device.enrolledAt < window.bounds.to;

export const loadTermContext = async (store: ReportStore, schoolId: string, termName: string, now: number): Promise<TermContext> => {
  const school = await store.getSchool(schoolId);
  if (!school) throw new InvigilatorError('SCHOOL_UNKNOWN', `(${schoolId})`);
  const calendar = await calendarFor(store, schoolId, now);
  const term = findTerm(calendar, termName, now);
  const before = previousTerm(calendar, term);
  const devices = await store.listDevices({ schoolId });
  const pack = await policyPackFor(store, schoolId);
  return {
    school, pack, holdMs: pack.availability.silentAfterHours * HOUR_MS,
    current: windowOf(term, devices, now), previous: before ? windowOf(before, devices, now) : null, generatedAt: now,
  };
};
