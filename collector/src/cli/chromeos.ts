// `chromeos connect`, `chromeos status`: a school's Google Admin connection for its Chromebooks.
import type { CommandSpec } from '@invigilator/shared/cli/dispatcher.ts';
import { requiredOption, stringOption } from '@invigilator/shared/cli/dispatcher.ts';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { connectChromeos, describeChromeosStatus, googleHttpFromEnv } from '../connectors/chromeos/connection.ts';
import { syncChromeos } from '../connectors/chromeos/sync.ts';
import { answer, DATA_DIR_OPTION, withStore, type CollectorCliContext } from './context.ts';

const SCHOOL_OPTION = { school: { type: 'string', required: true, placeholder: 'ID', description: 'the school' } } as const;

export const chromeosCommands: CommandSpec<CollectorCliContext>[] = [
  {
    name: 'chromeos connect',
    summary: 'Connects a school to Google Admin (read-only) so its Chromebooks appear as devices, and reads them once now.',
    options: {
      ...SCHOOL_OPTION,
      customer: { type: 'string', required: true, placeholder: 'CUSTOMER_ID', description: 'the Google customer id (Google Admin → Account settings), e.g. C01b2c3d4' },
      'service-account-file': { type: 'string', required: true, placeholder: 'FILE', description: 'the service account\'s JSON key, with domain-wide delegation of the read-only scopes' },
      'admin-email': { type: 'string', required: true, placeholder: 'EMAIL', description: 'a Google Admin administrator the service account acts for' },
      'org-unit': { type: 'string', placeholder: 'PATH', description: 'only this organisational unit and those below it, e.g. /North Primary' },
      'api-base': { type: 'string', placeholder: 'URL', description: 'another server than https://admin.googleapis.com (tests)' },
      ...DATA_DIR_OPTION,
    },
    notes: 'docs/chromeos.md lists the scopes to grant in Google Admin → Security → API controls → Domain-wide delegation.',
    run: async (values, context) => {
      const schoolId = requiredOption(values, 'school');
      const outcome = await withStore(values, async (store) => {
        const orgUnitPath = stringOption(values, 'org-unit');
        const apiBase = stringOption(values, 'api-base');
        await connectChromeos(store, {
          schoolId, customerId: requiredOption(values, 'customer'),
          serviceAccountFile: requiredOption(values, 'service-account-file'), adminEmail: requiredOption(values, 'admin-email'),
          ...(orgUnitPath === undefined ? {} : { orgUnitPath }), ...(apiBase === undefined ? {} : { apiBase }),
        }, context.now());
        return syncChromeos(store, schoolId, { http: googleHttpFromEnv(), now: context.now });
      });
      answer(context, `School ${schoolId} is connected to Google Admin: ${outcome.read.length} Chromebook(s) read; the collector reads them again every 30 minutes.`);
      answer(context, 'problem' in outcome.telemetry
        ? `USB telemetry was not read: ${outcome.telemetry.problem}`
        : `USB telemetry: ${outcome.telemetry.stored} memory-stick event(s) stored.`);
    },
  },
  {
    name: 'chromeos status',
    summary: 'Says when a school\'s Chromebooks were last read from Google Admin, how many there are, and the last error in words.',
    options: { ...SCHOOL_OPTION, ...DATA_DIR_OPTION },
    run: async (values, context) => {
      const schoolId = requiredOption(values, 'school');
      const connection = await withStore(values, (store) => store.getChromeosConnection(schoolId));
      if (!connection) throw new InvigilatorError('CHROMEOS_NOT_CONNECTED', `(school ${schoolId})`);
      for (const line of describeChromeosStatus(connection)) answer(context, line);
    },
  },
];
