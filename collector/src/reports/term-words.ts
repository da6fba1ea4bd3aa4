// The sentences every termly report opens with: which school, which term, and whether its dates were assumed.
import type { TermContext, TermWindow } from './term-context.ts';
import { dateInWords, instantInWords } from '../terms/dates.ts';
import type { Block } from './document.ts';

/** In a "previous term" column when the calendar has no earlier term. */
export const NO_PREVIOUS = '—';

export const termInWords = (window: TermWindow): string =>
  `${window.term.name} (${dateInWords(window.term.start)} to ${dateInWords(window.term.end)})`;

export const subtitleOf = (context: TermContext): string => `${context.school.name} · ${termInWords(context.current)}`;

export const generatedInWords = (context: TermContext): string => `Made by Invigilator on ${instantInWords(context.generatedAt)} (UK time)`;

const holidaysInWords = (window: TermWindow): string => {
  const { holidays } = window.term;
  if (holidays.length === 0) return 'no holidays inside it';
  return `holidays ${holidays.map((h) => (h.from === h.to ? dateInWords(h.from) : `${dateInWords(h.from)} to ${dateInWords(h.to)}`)).join('; ')}`;
};

/** Said first when the term dates were not set but assumed. */
export const assumedWarning = (context: TermContext): Block[] => (context.current.term.source !== 'assumed' ? [] : [{
  kind: 'paragraph', tone: 'warning',
  text: 'The term dates are ASSUMED: no calendar has been set for this school, so the usual English pattern was used. '
    + 'Set the real dates with "invigilator-collector term set" and make the report again.',
}]);

/** The calendar the figures were counted on. */
export const calendarNote = (context: TermContext): Block => {
  const { current } = context;
  const sofar = current.running
    ? ` The term is still running: the figures count its first ${current.schoolDaysSoFar} school days, up to ${instantInWords(context.generatedAt)}.` : '';
  return {
    kind: 'paragraph', tone: 'note',
    text: `Counted over the ${current.schoolDays} school days of ${termInWords(current)}: Monday to Friday, ${holidaysInWords(current)}. `
      + `Weekends and holidays do not count against a device.${sofar}`
      + (context.previous ? ` The previous term is ${termInWords(context.previous)}.` : ' The calendar has no earlier term to compare with (shown as —).'),
  };
};
