// `route add`, `route list`, `route remove`, `alerts settings`: which roles a school's alerts go to.
import type { CommandSpec, OptionValues } from '@invigilator/shared/cli/dispatcher.ts';
import { requiredOption, stringOption, usageError } from '@invigilator/shared/cli/dispatcher.ts';
import { addRoute, listRoutesOf, removeRoute, setAlertSettings } from '../notify/setup.ts';
import { answer, DATA_DIR_OPTION, withStore, type CollectorCliContext } from './context.ts';

const SCHOOL_OPTION = { school: { type: 'string', required: true, placeholder: 'ID', description: 'the school' } } as const;

const wholeNumber = (values: OptionValues, name: string): number | undefined => {
  const text = stringOption(values, name);
  if (text === undefined) return undefined;
  if (!/^\d{1,6}$/.test(text)) throw usageError(`--${name} is a whole number (it was "${text}").`);
  return Number(text);
};

export const routeCommands: CommandSpec<CollectorCliContext>[] = [
  {
    name: 'route add',
    summary: 'Sends a category of a school\'s alerts to a role (replacing that category\'s defaults, which are kept as routes).',
    options: {
      ...SCHOOL_OPTION,
      category: { type: 'string', required: true, placeholder: 'CATEGORY', description: 'misuse, posture or availability' },
      role: { type: 'string', required: true, placeholder: 'ROLE', description: 'dsl, network-manager, technician or admin' },
      'min-severity': { type: 'string', placeholder: 'SEVERITY', description: 'info, warning or critical (default info)' },
      step: { type: 'string', placeholder: '1|2', description: '1: when the alert opens (default); 2: when a critical alert stays unacknowledged' },
      ...DATA_DIR_OPTION,
    },
    notes: 'Without routes: misuse goes to DSLs (and a notice, without detail, to network managers), critical misuse not '
      + 'acknowledged in time to admins (a notice too: only a DSL is told the detail); posture and availability go to technicians '
      + 'and network managers. Governors get reports, not alerts.',
    run: async (values, context) => {
      const step = wholeNumber(values, 'step');
      const minSeverity = stringOption(values, 'min-severity');
      const route = await withStore(values, (store) => addRoute(store, {
        schoolId: requiredOption(values, 'school'), category: requiredOption(values, 'category'), role: requiredOption(values, 'role'),
        ...(minSeverity !== undefined ? { minSeverity } : {}), ...(step !== undefined ? { step } : {}),
      }, context.now()));
      answer(context, `Route ${route.id}: ${route.category} alerts of ${route.minSeverity} or worse go to ${route.role}`
        + `${route.step === 2 ? ' when a critical one stays unacknowledged' : ''}.`);
    },
  },
  {
    name: 'route list',
    summary: 'Lists a school\'s routes (id, category, role, lowest severity, step); "default" where the school set none.',
    options: { ...SCHOOL_OPTION, ...DATA_DIR_OPTION },
    run: async (values, context) => {
      const routes = await withStore(values, (store) => listRoutesOf(store, requiredOption(values, 'school')));
      for (const route of routes) answer(context, [route.id ?? 'default', route.category, route.role, route.minSeverity, `step ${route.step}`].join('\t'));
    },
  },
  {
    name: 'route remove',
    summary: 'Removes one of a school\'s routes.',
    options: { id: { type: 'string', required: true, placeholder: 'ID', description: 'the route (see route list)' }, ...DATA_DIR_OPTION },
    run: async (values, context) => {
      const id = requiredOption(values, 'id');
      const removed = await withStore(values, (store) => removeRoute(store, id));
      if (!removed) throw usageError(`No route has the id ${id}; \`route list --school ID\` shows them.`);
      answer(context, `Route ${id} removed.`);
    },
  },
  {
    name: 'alerts settings',
    summary: 'Sets a school\'s escalation time and flood limit, and prints them.',
    options: {
      ...SCHOOL_OPTION,
      'escalate-after': { type: 'string', placeholder: 'MINUTES', description: 'a critical misuse alert not acknowledged this long goes to step 2 (default 15)' },
      'flood-limit': { type: 'string', placeholder: 'N', description: 'misuse alerts one device may open in the window before the rest fold into one (default 10)' },
      'flood-window': { type: 'string', placeholder: 'MINUTES', description: 'the window of --flood-limit (default 10)' },
      ...DATA_DIR_OPTION,
    },
    run: async (values, context) => {
      const escalateAfterMinutes = wholeNumber(values, 'escalate-after');
      const floodLimit = wholeNumber(values, 'flood-limit');
      const floodWindowMinutes = wholeNumber(values, 'flood-window');
      const settings = await withStore(values, (store) => setAlertSettings(store, requiredOption(values, 'school'), {
        ...(escalateAfterMinutes !== undefined ? { escalateAfterMinutes } : {}),
        ...(floodLimit !== undefined ? { floodLimit } : {}),
        ...(floodWindowMinutes !== undefined ? { floodWindowMinutes } : {}),
      }));
      answer(context, `School ${settings.schoolId}: escalate after ${settings.escalateAfterMinutes} minutes; `
        + `more than ${settings.floodLimit} misuse alerts from one device in ${settings.floodWindowMinutes} minutes fold into one.`);
    },
  },
];
