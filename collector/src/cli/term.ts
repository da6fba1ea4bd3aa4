// `term set`, `term list`: each school's calendar, or the trust's that every school inherits.
import type { CommandSpec } from '@invigilator/shared/cli/dispatcher.ts';
import { listOption, requiredOption, stringOption, usageError } from '@invigilator/shared/cli/dispatcher.ts';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { parseDateRange, schoolDates } from '../terms/calendar.ts';
import { calendarFor, setTerm } from '../terms/terms.ts';
import { answer, DATA_DIR_OPTION, withStore, type CollectorCliContext } from './context.ts';

const holidaysInText = (holidays: readonly { from: string; to: string }[]): string =>
  holidays.map((h) => (h.from === h.to ? h.from : `${h.from}..${h.to}`)).join(' ') || '-';

export const termCommands: CommandSpec<CollectorCliContext>[] = [
  {
    name: 'term set',
    summary: 'Adds or replaces a term (by name) in one school\'s calendar, or with --all in the trust\'s calendar every school inherits.',
    options: {
      school: { type: 'string', placeholder: 'ID', description: 'the school whose calendar this is' },
      all: { type: 'boolean', description: 'the trust-wide calendar, for every school without its own term of this name' },
      name: { type: 'string', required: true, placeholder: 'NAME', description: 'e.g. "Autumn 2026"' },
      start: { type: 'string', required: true, placeholder: 'YYYY-MM-DD', description: 'first day of term' },
      end: { type: 'string', required: true, placeholder: 'YYYY-MM-DD', description: 'last day of term' },
      holiday: { type: 'string', multiple: true, placeholder: 'FROM..TO', description: 'days without school inside the term: half-term, bank holiday, INSET day (one date or FROM..TO)' },
      by: { type: 'string', placeholder: 'EMAIL', description: 'who set it, kept with the term' },
      ...DATA_DIR_OPTION,
    },
    notes: 'Example: term set --school north --name "Autumn 2026" --start 2026-09-03 --end 2026-12-18 --holiday 2026-10-26..2026-10-30 --holiday 2026-11-13',
    run: async (values, context) => {
      const schoolId = stringOption(values, 'school');
      const all = values.all === true;
      if ((schoolId === undefined) === !all) throw usageError('Give either --school ID or --all (the trust-wide calendar), not both or neither.');
      const term = {
        name: requiredOption(values, 'name'), start: requiredOption(values, 'start'), end: requiredOption(values, 'end'),
        holidays: listOption(values, 'holiday').map(parseDateRange),
      };
      const stored = await withStore(values, (store) =>
        setTerm(store, schoolId ?? null, term, stringOption(values, 'by') ?? 'command line', context.now()));
      answer(context, `${stored.name}: ${stored.start} to ${stored.end}, ${schoolDates(stored).length} school days, `
        + `for ${schoolId === undefined ? 'every school (trust-wide)' : `school ${schoolId}`}.`);
    },
  },
  {
    name: 'term list',
    summary: 'Lists a school\'s terms (its own, the trust\'s, or the assumed English calendar): name, start, end, holidays, school days, source.',
    options: {
      school: { type: 'string', required: true, placeholder: 'ID', description: 'the school' },
      ...DATA_DIR_OPTION,
    },
    run: async (values, context) => {
      const schoolId = requiredOption(values, 'school');
      const terms = await withStore(values, async (store) => {
        if (!(await store.getSchool(schoolId))) throw new InvigilatorError('SCHOOL_UNKNOWN', `(${schoolId})`);
        return calendarFor(store, schoolId, context.now());
      });
      if (terms.every((t) => t.source === 'assumed')) {
        context.io.stderr('No calendar is set: these are the ASSUMED usual English terms. Set the real ones with `term set`.\n');
      }
      for (const term of terms) {
        answer(context, [term.name, term.start, term.end, holidaysInText(term.holidays), `${schoolDates(term).length} school days`, term.source].join('\t'));
      }
    },
  },
];
