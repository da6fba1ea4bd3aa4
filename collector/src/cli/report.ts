// `report firewall-review`, `report evidence-pack`: a term's report for one school, written to a file.
import { writeFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { CommandSpec } from '@invigilator/shared/cli/dispatcher.ts';
import { requiredOption, stringOption } from '@invigilator/shared/cli/dispatcher.ts';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { assertFormat, buildReport, renderDocument, REPORT_KINDS, type ReportKind } from '../reports/render.ts';
import { answer, DATA_DIR_OPTION, withStore, type CollectorCliContext } from './context.ts';

const SUMMARIES: Record<ReportKind, string> = {
  'firewall-review': 'Writes the termly firewall review of a school: headline figures beside the previous term, each device, inbound exceptions with their reasons, changes, sign-off.',
  'evidence-pack': 'Writes the evidence pack of a school for a term: a summary page and one page per control, each set beside the policy clause, DfE standard and Cyber Essentials.',
};

const reportCommand = (kind: ReportKind): CommandSpec<CollectorCliContext> => ({
  name: `report ${kind}`,
  summary: SUMMARIES[kind],
  options: {
    school: { type: 'string', required: true, placeholder: 'ID', description: 'the school' },
    term: { type: 'string', placeholder: 'NAME', description: 'a term name from `term list`, or current (the default: the term running now, else the last one)' },
    format: { type: 'string', placeholder: 'pdf|html|csv', description: 'the default is the --out file\'s extension' },
    out: { type: 'string', required: true, placeholder: 'FILE', description: 'where to write it' },
    table: { type: 'string', placeholder: 'NAME', description: kind === 'firewall-review' ? 'with csv: devices (default) or exceptions' : 'with csv: summary (the only table)' },
    ...DATA_DIR_OPTION,
  },
  run: async (values, context) => {
    const out = resolve(requiredOption(values, 'out'));
    const format = assertFormat(stringOption(values, 'format') ?? extname(out).slice(1).toLowerCase());
    const table = stringOption(values, 'table');
    if (table !== undefined && format !== 'csv') throw new InvigilatorError('REPORT_FORMAT_UNKNOWN', '--table goes with --format csv only.');
    const request = { kind, schoolId: requiredOption(values, 'school'), term: stringOption(values, 'term') ?? 'current', now: context.now() };
    const { document } = await withStore(values, (store) => buildReport(store, request));
    const bytes = await renderDocument(document, format, table);
    try {
      writeFileSync(out, bytes);
    } catch (error) {
      throw new InvigilatorError('CONFIG_INVALID', `The report cannot be written to ${out} (${(error as NodeJS.ErrnoException).code}).`, { cause: error });
    }
    answer(context, `${document.title}, ${document.subtitle}: ${out}`);
  },
});

export const reportCommands: CommandSpec<CollectorCliContext>[] = REPORT_KINDS.map(reportCommand);
