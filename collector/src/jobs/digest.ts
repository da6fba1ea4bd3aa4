// Every minute: queues each person's daily digest once their chosen local time has come.
import { cronTask } from './cron.ts';
import { codeOf } from '@invigilator/shared/errors.ts';
import type { Logger } from '@invigilator/shared/logger.ts';
import { isDigestDue, localClock, queueDigest } from '../notify/digest.ts';
import type { Store } from '../store/types.ts';

export const DIGEST_SCHEDULE = '* * * * *';

/** One pass: returns how many digests were queued. */
export const queueDueDigests = async (store: Store, at: number): Promise<number> => {
  let queued = 0;
  for (const subscription of (await store.listDigestSubscriptions()).filter((s) => isDigestDue(s, at))) {
    queued += await store.transaction(async (tx) => {
      const person = await tx.getPerson(subscription.personId);
      const { date } = localClock(at, subscription.timeZone);
      // Marked in the same transaction: a digest is queued once per local day, whatever restarts.
      if (!person || person.disabledAt !== null || !(await tx.markDigestSent(person.id, date))) return 0;
      return queueDigest(tx, person, date);
    });
  }
  return queued;
};

export const createDigestJob = (store: Store, logger: Logger, expression = DIGEST_SCHEDULE) => {
  const runOnce = async (at = Date.now()): Promise<void> => {
    try {
      const queued = await queueDueDigests(store, at);
      if (queued > 0) logger.info({ queued }, 'Daily digests queued.');
    } catch (error) {
      logger.error({ code: codeOf(error), err: error }, 'Could not queue the daily digests; the next run tries again.');
    }
  };
  return {
    runOnce,
    ...cronTask('digest', expression, () => runOnce()),
  };
};
