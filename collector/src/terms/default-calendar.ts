// The usual English term pattern, used when neither the school nor the trust has set its calendar.
// Reports built on it say the dates are assumed: local authorities and academies move them by days.
import { addDays, dateAt, weekdayOf } from './dates.ts';
import type { Term } from './calendar.ts';

const MONDAY = 1;
const FRIDAY = 5;

const pad = (n: number): string => String(n).padStart(2, '0');
const dateOf = (year: number, month: number, day: number): string => `${year}-${pad(month)}-${pad(day)}`;

const onOrAfter = (date: string, weekday: number): string => addDays(date, (weekday - weekdayOf(date) + 7) % 7);
const onOrBefore = (date: string, weekday: number): string => addDays(date, -((weekdayOf(date) - weekday + 7) % 7));
const firstWeekday = (date: string): string => (weekdayOf(date) === 0 ? addDays(date, 1) : weekdayOf(date) === 6 ? addDays(date, 2) : date);
const lastWeekday = (date: string): string => (weekdayOf(date) === 0 || weekdayOf(date) === 6 ? onOrBefore(date, FRIDAY) : date);
const lastMonday = (year: number, month: number): string => onOrBefore(addDays(dateOf(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1), -1), 1);
const weekFrom = (monday: string) => ({ from: monday, to: addDays(monday, 4) });


/** Easter Sunday (Gregorian), by the anonymous algorithm. */
export const easterSunday = (year: number): string => {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dateOf(year, month, day);
};

/** Autumn (September–December) of `year`, then Spring and Summer of the next calendar year. */
export const englishAcademicYear = (year: number): Term[] => {
  const next = year + 1;
  const easter = easterSunday(next);
  // Two weeks off around Easter: the week of Good Friday and the week of Easter Monday.
  const easterBreakStart = addDays(easter, -6);
  return [
    {
      name: `Autumn ${year}`,
      start: firstWeekday(dateOf(year, 9, 3)),
      end: onOrBefore(dateOf(year, 12, 19), FRIDAY),
      holidays: [weekFrom(lastMonday(year, 10))],
    },
    {
      name: `Spring ${next}`,
      start: firstWeekday(dateOf(next, 1, 5)),
      end: addDays(easterBreakStart, -3),
      holidays: [weekFrom(addDays(onOrAfter(dateOf(next, 2, 1), MONDAY), 14))],
    },
    {
      name: `Summer ${next}`,
      start: addDays(easterBreakStart, 14),
      end: lastWeekday(dateOf(next, 7, 22)),
      holidays: [
        { from: onOrAfter(dateOf(next, 5, 1), MONDAY), to: onOrAfter(dateOf(next, 5, 1), MONDAY) }, // early May bank holiday
        weekFrom(lastMonday(next, 5)),
      ],
    },
  ];
};

/** The assumed terms around `now`: last academic year, this one and the next. */
export const assumedTerms = (now: number): Term[] => {
  const today = dateAt(now);
  const year = Number(today.slice(0, 4)) - (today.slice(5) < '08-01' ? 1 : 0);
  return [year - 1, year, year + 1].flatMap(englishAcademicYear);
};
