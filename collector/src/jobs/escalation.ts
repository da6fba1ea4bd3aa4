// Every minute: critical misuse alerts nobody acknowledged within the school's time go to the next
// people on the route.
import { cronTask } from './cron.ts';
import { codeOf } from '@invigilator/shared/errors.ts';
import type { Logger } from '@invigilator/shared/logger.ts';
import { escalateUnacknowledged } from '../alerts/lifecycle.ts';
import type { Store } from '../store/types.ts';

export const ESCALATION_SCHEDULE = '* * * * *';

export const createEscalationJob = (store: Store, logger: Logger, expression = ESCALATION_SCHEDULE) => {
  const runOnce = async (now = Date.now()): Promise<number> => {
    try {
      const escalated = await store.transaction((tx) => escalateUnacknowledged(tx, now));
      if (escalated > 0) logger.warn({ escalated }, 'Critical safeguarding alerts not acknowledged in time were escalated.');
      return escalated;
    } catch (error) {
      logger.error({ code: codeOf(error), err: error }, 'Could not escalate unacknowledged alerts; the next run tries again.');
      return 0;
    }
  };
  return {
    runOnce,
    ...cronTask('escalation', expression, () => runOnce()),
  };
};
