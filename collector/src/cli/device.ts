// `device list`, `device revoke`.
import type { CommandSpec } from '@invigilator/shared/cli/dispatcher.ts';
import { requiredOption, stringOption } from '@invigilator/shared/cli/dispatcher.ts';
import { revokeDevice } from '../devices.ts';
import { answer, DATA_DIR_OPTION, withStore, type CollectorCliContext } from './context.ts';

const iso = (ms: number | null): string => (ms === null ? 'never' : new Date(ms).toISOString());

export const deviceCommands: CommandSpec<CollectorCliContext>[] = [
  {
    name: 'device list',
    summary: 'Lists devices: id, school, hostname, last seen, revoked (tab-separated).',
    options: {
      school: { type: 'string', placeholder: 'ID', description: 'only this school\'s devices' },
      ...DATA_DIR_OPTION,
    },
    run: async (values, context) => {
      const schoolId = stringOption(values, 'school');
      const devices = await withStore(values, (store) => store.listDevices(schoolId ? { schoolId } : {}));
      if (devices.length === 0) context.io.stderr('No devices match. Enrol one with `invigilator-agent enroll`.\n');
      for (const d of devices) {
        answer(context, [d.id, d.schoolId, d.hostname, `last seen ${iso(d.lastSeenAt)}`, d.revokedAt === null ? '' : `revoked ${iso(d.revokedAt)}`].join('\t'));
      }
    },
  },
  {
    name: 'device revoke',
    summary: 'Revokes a lost or stolen device\'s credential: refused with AUTH_REVOKED from now on; its data is kept.',
    options: {
      id: { type: 'string', required: true, placeholder: 'ID', description: 'the device\'s id (`device list` shows it)' },
      ...DATA_DIR_OPTION,
    },
    notes: 'A running collector refuses the device at its next message (within a heartbeat); the API route closes its connection at once.',
    run: async (values, context) => {
      const { device, changed } = await withStore(values, (store) => revokeDevice(store, requiredOption(values, 'id'), context.now()));
      answer(context, `${device.hostname} (${device.id}, school ${device.schoolId}) ${changed ? 'is' : 'was already'} revoked; its data is kept.`);
    },
  },
];
