// `device confirm`: an admin says a device flagged as a possible duplicate is genuine.
// `device approve`: an admin lets a device held at enrolment raise alerts.
import type { CommandSpec, OptionValues } from '@invigilator/shared/cli/dispatcher.ts';
import { requiredOption } from '@invigilator/shared/cli/dispatcher.ts';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import type { Store } from '../store/types.ts';
import { answer, DATA_DIR_OPTION, withStore, type CollectorCliContext } from './context.ts';

const ID_OPTION = { id: { type: 'string', required: true, placeholder: 'ID', description: 'the device\'s id (in the alert and in GET /api/v1/devices)' } } as const;

/** Runs `work` on the store once the device is known to exist. */
const withDevice = (values: OptionValues, id: string, work: (store: Store) => Promise<boolean>): Promise<boolean> =>
  withStore(values, async (store) => {
    if (!await store.getDevice(id)) throw new InvigilatorError('NOT_FOUND', `(no device ${id})`);
    return work(store);
  });

export const deviceIdentityCommands: CommandSpec<CollectorCliContext>[] = [
  {
    name: 'device confirm',
    summary: 'Clears the flag on a device that enrolled with the host name or serial of another: it is one of the school\'s.',
    options: { ...ID_OPTION, ...DATA_DIR_OPTION },
    run: async (values, context) => {
      const id = requiredOption(values, 'id');
      const cleared = await withDevice(values, id, (store) => store.confirmDevice(id));
      answer(context, cleared ? `Device ${id} is confirmed; its alerts are no longer marked as from a possible duplicate.`
        : `Device ${id} was not flagged; nothing changed.`);
    },
  },
  {
    name: 'device approve',
    summary: 'Lets a device held at enrolment (school hold-new-devices) raise alerts from its next report on.',
    options: { ...ID_OPTION, ...DATA_DIR_OPTION },
    run: async (values, context) => {
      const id = requiredOption(values, 'id');
      const approved = await withDevice(values, id, (store) => store.approveDevice(id));
      answer(context, approved ? `Device ${id} is approved; its reports raise alerts from now on.` : `Device ${id} was not waiting for approval; nothing changed.`);
    },
  },
];
