// Every 30 minutes: sync each connected school's Chromebooks, one school after another (Google's quotas are per
// customer, and a trust may share one). A failure is logged with its code and kept in the school's sync state.
import { schedule, type ScheduledTask } from 'node-cron';
import { codeOf } from '@invigilator/shared/errors.ts';
import type { Logger } from '@invigilator/shared/logger.ts';
import type { Store } from '../../store/types.ts';
import type { GoogleHttpOptions } from './google-http.ts';
import { syncChromeos } from './sync.ts';

export const CHROMEOS_SYNC_SCHEDULE = '*/30 * * * *';

export const syncAllChromeos = async (store: Store, logger: Logger, http: GoogleHttpOptions): Promise<void> => {
  for (const connection of await store.listChromeosConnections()) {
    try {
      const outcome = await syncChromeos(store, connection.schoolId, { http, now: Date.now });
      logger.info({ schoolId: connection.schoolId, full: outcome.full, read: outcome.read.length, skipped: outcome.skipped, telemetry: outcome.telemetry },
        'Chromebooks read from Google Admin.');
    } catch (error) {
      logger.error({ schoolId: connection.schoolId, code: codeOf(error), err: error }, 'Could not read Chromebooks from Google Admin.');
    }
  }
};

export const createChromeosSyncJob = (store: Store, logger: Logger, options: { http?: GoogleHttpOptions; expression?: string } = {}) => {
  let task: ScheduledTask | undefined;
  return {
    start() {
      task = schedule(options.expression ?? CHROMEOS_SYNC_SCHEDULE, () => syncAllChromeos(store, logger, options.http ?? {}),
        { name: 'chromeos-sync', noOverlap: true });
    },
    async stop() {
      await task?.destroy();
    },
  };
};
