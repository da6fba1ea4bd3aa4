import { describe, expect, it } from 'vitest';
import { currentTerm, findTerm, parseDateRange, previousTerm, schoolDates, schoolSpans, validateTerm, type Term } from '../../src/terms/calendar.ts';
import { dateAt, startOfDate } from '../../src/terms/dates.ts';
import { easterSunday, englishAcademicYear } from '../../src/terms/default-calendar.ts';

const HOUR = 3_600_000;
const AUTUMN: Term = { name: 'Autumn 2026', start: '2026-09-03', end: '2026-12-18', holidays: [{ from: '2026-10-26', to: '2026-10-30' }] };

describe('school days', () => {
  it('start at local midnight in England, through the clock changes', () => {
    expect(new Date(startOfDate('2026-06-01')).toISOString()).toBe('2026-05-31T23:00:00.000Z');
    expect(new Date(startOfDate('2026-12-01')).toISOString()).toBe('2026-12-01T00:00:00.000Z');
    // 25 October 2026 has 25 hours in London.
    expect(startOfDate('2026-10-26') - startOfDate('2026-10-25')).toBe(25 * HOUR);
    expect(dateAt(Date.parse('2026-05-31T23:30:00Z'))).toBe('2026-06-01');
  });

  it('are Monday to Friday in term, holidays out, neighbours joined into one span', () => {
    const dates = schoolDates(AUTUMN);
    expect(dates).toHaveLength(72);
    expect(dates).not.toContain('2026-10-27');
    expect(dates).not.toContain('2026-09-05');
    const spans = schoolSpans({ name: 'One week', start: '2026-11-02', end: '2026-11-08', holidays: [{ from: '2026-11-04', to: '2026-11-04' }] });
    expect(spans.map((s) => [new Date(s.from).toISOString(), new Date(s.to).toISOString()])).toEqual([
      ['2026-11-02T00:00:00.000Z', '2026-11-04T00:00:00.000Z'], ['2026-11-05T00:00:00.000Z', '2026-11-07T00:00:00.000Z'],
    ]);
  });
});

describe('terms as typed', () => {
  it.each([
    [{ ...AUTUMN, start: '2026-02-30' }, /"2026-02-30" is not a date/],
    [{ ...AUTUMN, end: '2026-09-01' }, /ends \(2026-09-01\) before it starts/],
    [{ ...AUTUMN, holidays: [{ from: '2027-01-04', to: '2027-01-05' }] }, /not inside the term/],
    [{ ...AUTUMN, name: ' ' }, /needs a name/],
    [{ ...AUTUMN, name: 'current' }, /"current" names whichever term is running/],
    [{ ...AUTUMN, end: '2027-12-18' }, /longer than 200 days/],
  ])('refuses %j with TERM_INVALID', (term, sentence) => {
    expect(() => validateTerm(term)).toThrow(sentence);
    expect(() => validateTerm(term)).toThrow(expect.objectContaining({ code: 'TERM_INVALID' }));
  });

  it('reads a holiday as one date or FROM..TO', () => {
    expect(parseDateRange('2026-11-13')).toEqual({ from: '2026-11-13', to: '2026-11-13' });
    expect(parseDateRange('2026-10-26..2026-10-30')).toEqual({ from: '2026-10-26', to: '2026-10-30' });
    expect(() => parseDateRange('2026-10-30..2026-10-26')).toThrow(/ends before it starts/);
  });

  it('finds the current term, else the last ended; the previous one; a name in any case', () => {
    const terms = englishAcademicYear(2026);
    expect(currentTerm(terms, Date.parse('2026-11-30T12:00:00Z'))?.name).toBe('Autumn 2026');
    // In the Christmas holiday the last ended term is "current".
    expect(currentTerm(terms, Date.parse('2026-12-28T12:00:00Z'))?.name).toBe('Autumn 2026');
    expect(previousTerm(terms, terms[1] as Term)?.name).toBe('Autumn 2026');
    expect(findTerm(terms, 'spring 2027', 0).name).toBe('Spring 2027');
    expect(() => findTerm(terms, 'Winter 2027', 0)).toThrow(expect.objectContaining({ code: 'TERM_UNKNOWN' }));
  });
});

describe('the assumed English calendar', () => {
  it('places Easter by the Gregorian rule', () => {
    expect([2025, 2026, 2027, 2028].map(easterSunday)).toEqual(['2025-04-20', '2026-04-05', '2027-03-28', '2028-04-16']);
  });

  it('gives three terms with their half-terms and the May bank holidays', () => {
    expect(englishAcademicYear(2025)).toEqual([
      { name: 'Autumn 2025', start: '2025-09-03', end: '2025-12-19', holidays: [{ from: '2025-10-27', to: '2025-10-31' }] },
      { name: 'Spring 2026', start: '2026-01-05', end: '2026-03-27', holidays: [{ from: '2026-02-16', to: '2026-02-20' }] },
      { name: 'Summer 2026', start: '2026-04-13', end: '2026-07-22', holidays: [{ from: '2026-05-04', to: '2026-05-04' }, { from: '2026-05-25', to: '2026-05-29' }] },
    ]);
  });
});
