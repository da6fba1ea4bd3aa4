// `exception reason`, `exception list`: why each inbound firewall exception is permitted.
import type { CommandSpec } from '@invigilator/shared/cli/dispatcher.ts';
import { requiredOption } from '@invigilator/shared/cli/dispatcher.ts';
import { knownExceptions, recordExceptionReason } from '../reports/exception-reasons.ts';
import { answer, DATA_DIR_OPTION, withStore, type CollectorCliContext } from './context.ts';

const SCHOOL_OPTION = { school: { type: 'string', required: true, placeholder: 'ID', description: 'the school' } } as const;

export const exceptionCommands: CommandSpec<CollectorCliContext>[] = [
  {
    name: 'exception list',
    summary: 'Lists the inbound firewall rules the school\'s devices reported: key, devices, what it lets in, current reason.',
    options: { ...SCHOOL_OPTION, ...DATA_DIR_OPTION },
    run: async (values, context) => {
      const schoolId = requiredOption(values, 'school');
      const known = await withStore(values, (store) => knownExceptions(store, schoolId, context.now()));
      if (known.length === 0) context.io.stderr('No device of this school has reported an inbound allow rule.\n');
      for (const e of known) {
        answer(context, [e.rule.key, `${e.devices} device(s)`, e.description, e.reason ? `${e.reason.reason} (${e.reason.recordedBy})` : 'NO REASON'].join('\t'));
      }
    },
  },
  {
    name: 'exception reason',
    summary: 'Records why an inbound firewall rule is permitted (or confirms it for this term\'s review); every recording is kept.',
    options: {
      ...SCHOOL_OPTION,
      rule: { type: 'string', required: true, placeholder: 'KEY', description: 'the rule\'s key from the firewall review or `exception list`, e.g. r-3f9a0c12de' },
      reason: { type: 'string', required: true, placeholder: 'TEXT', description: 'why the school needs it' },
      by: { type: 'string', required: true, placeholder: 'EMAIL', description: 'who decided' },
      ...DATA_DIR_OPTION,
    },
    run: async (values, context) => {
      const input = {
        schoolId: requiredOption(values, 'school'), ruleKey: requiredOption(values, 'rule'),
        reason: requiredOption(values, 'reason'), by: requiredOption(values, 'by'),
      };
      const { rule } = await withStore(values, (store) => recordExceptionReason(store, input, context.now()));
      answer(context, `Recorded for ${rule.rule.key} (${rule.description}, on ${rule.devices} device(s)): "${input.reason.trim()}", by ${input.by}.`);
    },
  },
];
