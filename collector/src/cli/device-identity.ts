// `device confirm`: an admin says a device flagged as a possible duplicate is genuine.
import type { CommandSpec } from '@invigilator/shared/cli/dispatcher.ts';
import { requiredOption } from '@invigilator/shared/cli/dispatcher.ts';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { answer, DATA_DIR_OPTION, withStore, type CollectorCliContext } from './context.ts';

export const deviceIdentityCommands: CommandSpec<CollectorCliContext>[] = [
  {
    name: 'device confirm',
    summary: 'Clears the flag on a device that enrolled with the host name or serial of another: it is one of the school\'s.',
    options: {
      id: { type: 'string', required: true, placeholder: 'ID', description: 'the flagged device\'s id (in the alert and in GET /api/v1/devices)' },
      ...DATA_DIR_OPTION,
    },
    run: async (values, context) => {
      const id = requiredOption(values, 'id');
      const cleared = await withStore(values, async (store) => {
        const device = await store.getDevice(id);
        if (!device) throw new InvigilatorError('NOT_FOUND', `(no device ${id})`);
        return store.confirmDevice(id);
      });
      answer(context, cleared ? `Device ${id} is confirmed; its alerts are no longer marked as from a possible duplicate.`
        : `Device ${id} was not flagged; nothing changed.`);
    },
  },
];
