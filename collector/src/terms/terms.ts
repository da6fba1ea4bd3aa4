// The calendar a school's reports use: its own terms, else the trust's, else the assumed English pattern.
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import type { StoredTerm } from '../store/report-types.ts';
import type { StoreOps } from '../store/types.ts';
import { validateTerm, type CalendarTerm, type Term } from './calendar.ts';
import { assumedTerms } from './default-calendar.ts';

/** Sets a term for one school, or for every school when schoolId is null; returns it as stored. */
export const setTerm = async (
  store: Pick<StoreOps, 'getSchool' | 'putTerm'>, schoolId: string | null, term: Term, by: string, now: number,
): Promise<StoredTerm> => {
  if (schoolId !== null && !(await store.getSchool(schoolId))) throw new InvigilatorError('SCHOOL_UNKNOWN', `(${schoolId})`);
  const stored: StoredTerm = { schoolId, ...validateTerm(term), updatedAt: now, updatedBy: by };
  await store.putTerm(stored);
  return stored;
};

/**
 * The school's terms by start date. A school's own term replaces the trust's of the same name; with
 * neither set, the assumed English calendar around `now` (each term marked so reports say so).
 */
export const calendarFor = async (
  store: Pick<StoreOps, 'listTerms'>, schoolId: string, now: number,
): Promise<CalendarTerm[]> => {
  const stored = await store.listTerms({ schoolId });
  if (stored.length === 0) return assumedTerms(now).map((term) => ({ ...term, source: 'assumed' }));
  const byName = new Map<string, CalendarTerm>();
  const plain = ({ name, start, end, holidays }: StoredTerm): Term => ({ name, start, end, holidays });
  for (const term of stored.filter((t) => t.schoolId === null)) byName.set(term.name.toLowerCase(), { ...plain(term), source: 'trust' });
  for (const term of stored.filter((t) => t.schoolId !== null)) byName.set(term.name.toLowerCase(), { ...plain(term), source: 'school' });
  return [...byName.values()].sort((a, b) => a.start.localeCompare(b.start));
};
