// A school's terms: validation of what a person typed, school days, and which term is which.
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { addDays, assertDateText, dateAt, dayNumber, startOfDate, weekdayOf } from './dates.ts';

export interface DateRange { from: string; to: string }

export interface Term {
  name: string;
  /** First and last day of term, inclusive. */
  start: string;
  end: string;
  /** Days inside the term without school: half-terms, bank holidays, INSET days. */
  holidays: DateRange[];
}

/** A term in a school's calendar, with where it came from. */
export interface CalendarTerm extends Term {
  source: 'school' | 'trust' | 'assumed';
}

/** An interval of school time [from, to) in epoch ms. */
export interface Span { from: number; to: number }

const MAX_TERM_DAYS = 200;
const MAX_NAME_LENGTH = 60;

/** "2026-10-26..2026-10-30" or a single "2026-11-13". */
export const parseDateRange = (text: string): DateRange => {
  const [from = '', to = from, extra] = text.split('..');
  if (extra !== undefined) throw new InvigilatorError('TERM_INVALID', `The holiday "${text}" must be one date or FROM..TO.`);
  assertDateText(from, 'The holiday date');
  assertDateText(to, 'The holiday date');
  if (to < from) throw new InvigilatorError('TERM_INVALID', `The holiday "${text}" ends before it starts.`);
  return { from, to };
};

/** Checks a term as typed: real dates in order, holidays inside it, a name people can read. */
export const validateTerm = (term: Term): Term => {
  const name = term.name.trim();
  if (name === '' || name.length > MAX_NAME_LENGTH) {
    throw new InvigilatorError('TERM_INVALID', `The term needs a name of 1 to ${MAX_NAME_LENGTH} characters, such as "Autumn 2026".`);
  }
  if (name.toLowerCase() === 'current') throw new InvigilatorError('TERM_INVALID', '"current" names whichever term is running; choose another name.');
  assertDateText(term.start, 'The start date');
  assertDateText(term.end, 'The end date');
  if (term.end < term.start) throw new InvigilatorError('TERM_INVALID', `The term "${name}" ends (${term.end}) before it starts (${term.start}).`);
  if (dayNumber(term.end) - dayNumber(term.start) > MAX_TERM_DAYS) {
    throw new InvigilatorError('TERM_INVALID', `The term "${name}" is longer than ${MAX_TERM_DAYS} days: are the dates right?`);
  }
  const holidays = [...term.holidays].sort((a, b) => a.from.localeCompare(b.from));
  for (const holiday of holidays) {
    if (holiday.from < term.start || holiday.to > term.end) {
      throw new InvigilatorError('TERM_INVALID',
        `The holiday ${holiday.from}..${holiday.to} is not inside the term (${term.start} to ${term.end}).`);
    }
  }
  return { name, start: term.start, end: term.end, holidays };
};

const isHoliday = (term: Term, date: string): boolean => term.holidays.some((h) => date >= h.from && date <= h.to);

/** Monday to Friday inside the term and outside its holidays. */
export const schoolDates = (term: Term): string[] => {
  const dates: string[] = [];
  for (let date = term.start; date <= term.end; date = addDays(date, 1)) {
    const weekday = weekdayOf(date);
    if (weekday !== 0 && weekday !== 6 && !isHoliday(term, date)) dates.push(date);
  }
  return dates;
};

/** School days as whole local days, neighbours joined: the only time the review counts. */
export const schoolSpans = (term: Term): Span[] => {
  const spans: Span[] = [];
  for (const date of schoolDates(term)) {
    const from = startOfDate(date);
    const to = startOfDate(addDays(date, 1));
    const last = spans.at(-1);
    if (last?.to === from) last.to = to;
    else spans.push({ from, to });
  }
  return spans;
};

/** The whole term, holidays and weekends included: [local midnight of start, local midnight after end). */
export const termBounds = (term: Term): Span => ({ from: startOfDate(term.start), to: startOfDate(addDays(term.end, 1)) });

/** The term running on the school's date at `now`, else the latest that has ended, else undefined. */
export const currentTerm = <T extends Term>(terms: readonly T[], now: number): T | undefined => {
  const today = dateAt(now);
  const sorted = [...terms].sort((a, b) => a.start.localeCompare(b.start));
  return sorted.find((term) => term.start <= today && today <= term.end)
    ?? sorted.filter((term) => term.end < today).at(-1);
};

/** The term that ended last before this one started. */
export const previousTerm = <T extends Term>(terms: readonly T[], term: Term): T | undefined =>
  [...terms].filter((other) => other.end < term.start).sort((a, b) => a.start.localeCompare(b.start)).at(-1);

export const findTerm = <T extends Term>(terms: readonly T[], name: string, now: number): T => {
  const found = name.toLowerCase() === 'current'
    ? currentTerm(terms, now)
    : terms.find((term) => term.name.toLowerCase() === name.trim().toLowerCase());
  if (!found) {
    const names = terms.map((term) => `"${term.name}"`).join(', ');
    throw new InvigilatorError('TERM_UNKNOWN', `("${name}"; the calendar has ${names || 'no terms'}).`);
  }
  return found;
};
