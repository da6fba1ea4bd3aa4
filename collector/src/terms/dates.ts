// Calendar dates ("2026-09-03") as the school lives them, in England's time zone: a school day
// runs from local midnight to local midnight whatever the clocks do in March and October.
import { InvigilatorError } from '@invigilator/shared/errors.ts';

/** Schools the product serves keep English time; their days start at local midnight. */
export const SCHOOL_TIME_ZONE = 'Europe/London';
export const DAY_MS = 86_400_000;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real date written YYYY-MM-DD (no 2026-02-30). */
export const isDateText = (text: string): boolean => {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

export const assertDateText = (text: string, what: string): string => {
  if (!isDateText(text)) throw new InvigilatorError('TERM_INVALID', `${what} "${text}" is not a date written YYYY-MM-DD.`);
  return text;
};

/** Days since 1970-01-01 of a date text: arithmetic on dates without time zones. */
export const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
export const dateOfDayNumber = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
export const addDays = (date: string, days: number): string => dateOfDayNumber(dayNumber(date) + days);
/** 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (date: string): number => new Date(dayNumber(date) * DAY_MS).getUTCDay();

const offsetFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: SCHOOL_TIME_ZONE, hourCycle: 'h23',
  year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
});

/** How far the school's clock is ahead of UTC at this instant, in ms. */
const zoneOffsetAt = (instant: number): number => {
  const parts = Object.fromEntries(offsetFormat.formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day),
    Number(parts.hour), Number(parts.minute), Number(parts.second));
  return asUtc - Math.floor(instant / 1000) * 1000;
};

/** The instant the date begins at the school (local midnight). */
export const startOfDate = (date: string): number => {
  const naive = dayNumber(date) * DAY_MS;
  const first = naive - zoneOffsetAt(naive);
  return naive - zoneOffsetAt(first);
};

/** The school's date at an instant. */
export const dateAt = (instant: number): string => new Date(instant + zoneOffsetAt(instant)).toISOString().slice(0, 10);

/** "Thu 3 Sep 2026" for people. */
export const dateInWords = (date: string): string =>
  new Date(dayNumber(date) * DAY_MS).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "3 Sep 2026 14:05" at the school. */
export const instantInWords = (instant: number): string =>
  new Date(instant).toLocaleString('en-GB', {
    day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: SCHOOL_TIME_ZONE,
  }).replace(',', '');
