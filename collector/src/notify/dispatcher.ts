// Sends what the outbox holds: oldest first, each notification composed now (compose.ts) and sent through
// its channel, retried with exponential backoff while the relay or receiver is down, given up (and shown as
// failed) only after days. Each carries a stable id (Message-ID, Idempotency-Key), so one sent again after a
// crash mid-send is recognisably the same message.
//
// Several collectors may share one database: each takes notifications under a claim with a lease (its own
// name, until when), renewed while its sends run and given up when each is sent or fails. A claim whose
// lease ran out (its collector died mid-send) is taken over; a collector starting puts back only its own
// claims from before it stopped, never a live collector's, so no message goes twice because of a restart.
import { randomUUID } from 'node:crypto';
import { codeOf } from '@invigilator/shared/errors.ts';
import type { Logger } from '@invigilator/shared/logger.ts';
import type { NotificationRow } from '../store/delivery-types.ts';
import type { Store } from '../store/types.ts';
import { CHANNELS } from './channels/registry.ts';
import { composeNotification } from './compose.ts';
import { linkOf } from './message.ts';

export interface DispatcherOptions {
  store: Store;
  logger: Logger;
  /** The address people open the collector at (serve --public-url), for links in messages. */
  publicUrl?: string;
  /** How often to look for due notifications. */
  pollMs?: number;
  /** First retry after this; doubling up to retryMaxMs. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** A notification still failing this long after it was written is given up. */
  giveUpAfterMs?: number;
  now?: () => number;
  /** This collector's name to the others sharing the database: the same across its restarts (main.ts keeps it in the data folder). */
  claimant?: string;
  /** How long a claim holds unless renewed; it is renewed every third of this while a batch is being sent. */
  leaseMs?: number;
}

export const DEFAULT_RETRY_MAX_MS = 300_000;
/** Longer than the slowest send (each channel gives up after 20 s per step) and than clocks drift apart. */
export const DEFAULT_LEASE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Small, so collectors sharing a database share the sending rather than one holding the whole queue. */
const BATCH = 5;

export const createDispatcher = (options: DispatcherOptions) => {
  const { store, logger } = options;
  const now = options.now ?? Date.now;
  const pollMs = options.pollMs ?? 250;
  const retryBaseMs = options.retryBaseMs ?? 5_000;
  const retryMaxMs = options.retryMaxMs ?? DEFAULT_RETRY_MAX_MS;
  const giveUpAfterMs = options.giveUpAfterMs ?? 3 * DAY_MS;
  const claimant = options.claimant ?? randomUUID();
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  let timer: NodeJS.Timeout | undefined;
  let renewer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = true;
  /** Claims taken and not yet settled: renewed while there are any. */
  let held = 0;

  /** Writes the outcome; says so when another collector took the notification over meanwhile (its lease ran out). */
  const settle = async (notification: NotificationRow, written: Promise<boolean>): Promise<void> => {
    held = Math.max(0, held - 1);
    if (!(await written)) {
      logger.warn({ notificationId: notification.id, claimant, code: 'DELIVERY_FAILED' },
        'This collector\'s claim on a notification ran out before it finished, and another collector took it over; its outcome is left to that one.');
    }
  };

  const sendOne = async (notification: NotificationRow): Promise<void> => {
    const channel = await store.getChannel(notification.channelId);
    const log = { notificationId: notification.id, channelId: notification.channelId, attempt: notification.attempts };
    if (!channel || channel.disabledAt !== null) {
      await settle(notification, store.markNotificationFailed(notification.id, claimant, 'The channel was removed or disabled before this could be sent.', null));
      return;
    }
    try {
      const composed = await composeNotification(store, notification, channel, now(), options.publicUrl);
      if ('refused' in composed) {
        await settle(notification, store.markNotificationFailed(notification.id, claimant, composed.refused, null));
        logger.info({ ...log, kind: channel.kind, reason: composed.refused }, 'Notification not sent: its recipient may no longer see what it is about.');
        return;
      }
      await CHANNELS[channel.kind].send(channel, {
        id: notification.id, recipient: notification.recipient, message: composed.message, link: linkOf(options.publicUrl, composed.message),
      });
      await settle(notification, store.markNotificationSent(notification.id, claimant, now()));
      logger.info({ ...log, kind: channel.kind }, 'Notification sent.');
    } catch (error) {
      const reason = (error as Error).message;
      const giveUp = now() - notification.createdAt >= giveUpAfterMs;
      const wait = Math.min(retryMaxMs, retryBaseMs * 2 ** Math.max(0, notification.attempts - 1));
      await settle(notification, store.markNotificationFailed(notification.id, claimant, reason, giveUp ? null : now() + wait));
      logger.warn({ ...log, code: codeOf(error), kind: channel.kind, reason, retryInMs: giveUp ? null : wait },
        giveUp ? 'Notification given up after days of failures.' : 'Notification not sent; it will be tried again.');
    }
  };

  /** Puts back what this collector claimed and has not sent, for whichever collector looks next. */
  const releaseOwn = async (): Promise<number> => {
    held = 0;
    return store.releaseNotificationClaims(claimant, now());
  };

  const tick = async (): Promise<void> => {
    try {
      for (;;) {
        if (stopped) return;
        const due = await store.claimDueNotifications({ claimant, now: now(), leaseMs, limit: BATCH });
        held = due.length;
        for (const notification of due) {
          if (stopped) {
            // Stopping: leave the rest for the next look rather than half-send them.
            await releaseOwn();
            return;
          }
          await sendOne(notification);
        }
        if (due.length < BATCH) return;
      }
    } catch (error) {
      logger.error({ code: codeOf(error), err: error }, 'Could not read the notification outbox; trying again shortly.');
    }
  };

  const renew = async (): Promise<void> => {
    if (held === 0) return;
    try {
      await store.renewNotificationClaims(claimant, now() + leaseMs);
    } catch (error) {
      logger.error({ code: codeOf(error), err: error, claimant },
        'Could not renew this collector\'s claim on the notifications it is sending; another collector may send them too once the claim runs out.');
    }
  };

  const schedule = (): void => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick().finally(schedule);
    }, pollMs);
  };

  return {
    /** This dispatcher's name in the claims it takes. */
    claimant,
    /** Sends whatever is due now (tests and `channel test`); the loop does the same on its own. */
    runOnce: tick,
    async start() {
      stopped = false;
      // Its own claims from before a restart (kill -9 mid-send) go out again at once; another collector's are
      // left to it, or taken over once their lease runs out.
      const released = await releaseOwn();
      if (released > 0) logger.warn({ requeued: released, claimant }, 'Notifications interrupted by a stop mid-send are sent again (same Message-ID).');
      renewer = setInterval(() => { void renew(); }, Math.max(1, Math.floor(leaseMs / 3)));
      renewer.unref();
      schedule();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      clearInterval(renewer);
      try {
        await releaseOwn();
      } catch (error) {
        logger.error({ code: codeOf(error), err: error, claimant }, 'Could not put back the notifications this collector held; another collector takes them once its claim runs out.');
      }
    },
  };
};
