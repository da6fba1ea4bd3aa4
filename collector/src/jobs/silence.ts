// Every 15 minutes: an availability alert for each device silent for longer than its school allows.
import { cronTask } from './cron.ts';
import { codeOf } from '@invigilator/shared/errors.ts';
import type { Logger } from '@invigilator/shared/logger.ts';
import { v1 } from '@invigilator/shared/wire.ts';
import { alertForSilence, type LastStop } from '../alerts/rules.ts';
import { raiseAlert } from '../alerts/lifecycle.ts';
import { silentTime } from '../alerts/school-time.ts';
import { calendarFor } from '../terms/terms.ts';
import { policyPackFor } from '../school-policy.ts';
import type { Device, Store, StoreOps } from '../store/types.ts';

export const SILENCE_SCHEDULE = '*/15 * * * *';

/** The device's newest event when it is its agent's stop and nothing was heard after it. */
export const lastStopOf = async (tx: Pick<StoreOps, 'listEvents'>, deviceId: string, lastSeenAt: number): Promise<LastStop | undefined> => {
  const [newest] = await tx.listEvents({ deviceId, kinds: ['observation', 'misuse', 'lifecycle'], limit: 1 });
  if (newest?.kind !== 'lifecycle' || newest.receivedAt < lastSeenAt) return undefined;
  return { at: newest.occurredAt, stopping: v1.AgentStopping.fromObject(newest.payload) };
};

/** One pass over every school's devices; returns how many silences were newly raised (a silence already alerted is not counted again). */
export const checkSilentDevices = async (store: Store, now: Date): Promise<number> =>
  store.transaction(async (tx) => {
    let raised = 0;
    for (const school of await tx.listSchools()) {
      const pack = await policyPackFor(tx, school.id);
      const calendar = await calendarFor(tx, school.id, now.getTime());
      const silence = (device: Device) => {
        if (device.revokedAt !== null) return undefined;
        const ref = { id: device.id, hostname: device.hostname, schoolId: device.schoolId };
        const lastSeenAt = device.lastSeenAt ?? device.enrolledAt;
        const clock = silentTime(calendar, lastSeenAt, now.getTime());
        const draft = alertForSilence(ref, new Date(lastSeenAt), pack, now, clock);
        return draft && { ref, lastSeenAt, clock, draft };
      };
      for (const listed of await tx.listDevices({ schoolId: school.id })) {
        if (!silence(listed)) continue;
        // Judged again with the device held: it may have reported in (to another collector) since the list was read.
        const device = await tx.lockDevice(listed.id);
        const found = device && silence(device);
        if (!found) continue;
        const { ref, lastSeenAt, clock } = found;
        // Worded by the agent's last event when that is what was heard last.
        const lastStop = await lastStopOf(tx, device.id, lastSeenAt);
        const draft = (lastStop && alertForSilence(ref, new Date(lastSeenAt), pack, now, clock, lastStop)) || found.draft;
        // The same silence, found again every 15 minutes, refreshes its alert; it is not a new occurrence.
        const { transition } = await raiseAlert(tx, ref, draft, now.getTime(),
          { countRepeat: false, reopenAfterManualResolve: false, ongoingSince: lastSeenAt });
        if (transition === 'opened') raised += 1;
      }
    }
    return raised;
  });

export const createSilenceJob = (store: Store, logger: Logger, expression = SILENCE_SCHEDULE) => {
  const run = async (): Promise<void> => {
    try {
      const raised = await checkSilentDevices(store, new Date());
      if (raised > 0) logger.info({ raised }, 'Silent devices found.');
    } catch (error) {
      logger.error({ code: codeOf(error), err: error }, 'Could not check for silent devices.');
    }
  };
  return cronTask('silence', expression, run);
};
