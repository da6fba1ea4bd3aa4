// `token create`.
import type { CommandSpec } from '@invigilator/shared/cli/dispatcher.ts';
import { requiredOption, stringOption } from '@invigilator/shared/cli/dispatcher.ts';
import { createApiToken } from '../tokens.ts';
import { ROLES } from '../store/types.ts';
import { answer, DATA_DIR_OPTION, withStore, type CollectorCliContext } from './context.ts';

export const tokenCommands: CommandSpec<CollectorCliContext>[] = [
  {
    name: 'token create',
    summary: 'Prints a new API token (shown once).',
    options: {
      role: { type: 'string', required: true, placeholder: 'ROLE', description: `one of ${ROLES.join(', ')}` },
      school: { type: 'string', placeholder: 'ID', description: 'limit the token to one school' },
      label: { type: 'string', placeholder: 'TEXT', description: 'who or what holds it, shown in the audit log' },
      ...DATA_DIR_OPTION,
    },
    run: async (values, context) => {
      const request = { role: requiredOption(values, 'role'), schoolId: stringOption(values, 'school'), label: stringOption(values, 'label') };
      answer(context, (await withStore(values, (store) => createApiToken(store, request, context.now()))).token);
    },
  },
];
