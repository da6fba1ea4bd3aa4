// Sends what the outbox holds: oldest first, each notification through its channel, retried with
// exponential backoff while the relay or receiver is down, given up (and shown as failed) only after
// days. Each carries a stable id (Message-ID, Idempotency-Key), so one sent again after a crash
// mid-send is recognisably the same message.
import { codeOf } from '@invigilator/shared/errors.ts';
import type { Logger } from '@invigilator/shared/logger.ts';
import type { NotificationRow } from '../store/delivery-types.ts';
import type { Store } from '../store/types.ts';
import { CHANNELS } from './channels/registry.ts';
import type { Message } from './message.ts';

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
}

export const DEFAULT_RETRY_MAX_MS = 300_000;
const DAY_MS = 86_400_000;
const BATCH = 20;

export const alertLink = (publicUrl: string | undefined, alertId: string | null): string | null =>
  (publicUrl && alertId ? `${publicUrl.replace(/\/+$/, '')}/?alert=${encodeURIComponent(alertId)}` : null);

export const createDispatcher = (options: DispatcherOptions) => {
  const { store, logger } = options;
  const now = options.now ?? Date.now;
  const pollMs = options.pollMs ?? 250;
  const retryBaseMs = options.retryBaseMs ?? 5_000;
  const retryMaxMs = options.retryMaxMs ?? DEFAULT_RETRY_MAX_MS;
  const giveUpAfterMs = options.giveUpAfterMs ?? 3 * DAY_MS;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = true;

  const sendOne = async (notification: NotificationRow): Promise<void> => {
    const channel = await store.getChannel(notification.channelId);
    const log = { notificationId: notification.id, channelId: notification.channelId, attempt: notification.attempts };
    if (!channel || channel.disabledAt !== null) {
      await store.markNotificationFailed(notification.id, 'The channel was removed or disabled before this could be sent.', null);
      return;
    }
    try {
      await CHANNELS[channel.kind].send(channel, {
        id: notification.id, recipient: notification.recipient, message: notification.message as unknown as Message,
        link: alertLink(options.publicUrl, notification.alertId),
      });
      await store.markNotificationSent(notification.id, now());
      logger.info({ ...log, kind: channel.kind }, 'Notification sent.');
    } catch (error) {
      const reason = (error as Error).message;
      const giveUp = now() - notification.createdAt >= giveUpAfterMs;
      const wait = Math.min(retryMaxMs, retryBaseMs * 2 ** Math.max(0, notification.attempts - 1));
      await store.markNotificationFailed(notification.id, reason, giveUp ? null : now() + wait);
      logger.warn({ ...log, code: codeOf(error), kind: channel.kind, reason, retryInMs: giveUp ? null : wait },
        giveUp ? 'Notification given up after days of failures.' : 'Notification not sent; it will be tried again.');
    }
  };

  const tick = async (): Promise<void> => {
    try {
      for (;;) {
        if (stopped) return;
        const due = await store.claimDueNotifications(now(), BATCH);
        for (const notification of due) {
          if (stopped) {
            // Stopping: leave the rest for the next start rather than half-send them.
            await store.requeueSendingNotifications(now());
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

  const schedule = (): void => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick().finally(schedule);
    }, pollMs);
  };

  return {
    /** Sends whatever is due now (tests and `channel test`); the loop does the same on its own. */
    runOnce: tick,
    async start() {
      stopped = false;
      // One collector owns a SQLite data folder: whatever it left "sending" when it was killed goes out again.
      const requeued = await store.requeueSendingNotifications(now());
      if (requeued > 0) logger.warn({ requeued }, 'Notifications interrupted by a stop mid-send are sent again (same Message-ID).');
      schedule();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
};
