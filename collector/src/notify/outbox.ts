// The transactional outbox: a notification row per recipient, written in the same transaction as the
// alert change that causes it, so a change is never committed without its notifications nor sent
// without its change. A row says who is told and what about, never what: the dispatcher composes the
// words when it sends (compose.ts), from the alert and its events as they are then.
import { randomUUID } from 'node:crypto';
import { recipientsFor, type Recipient, type RouteRule } from '../alerts/routing.ts';
import type { AlertRow } from '../store/alerts-types.ts';
import type { AlertCategory, Person, Role, StoreOps } from '../store/types.ts';

export type NotifyReason = 'opened' | 'reopened' | 'severity-raised' | 'escalated';

/** What a notification is about besides its reason: the alert, or the term or day of a report or digest. */
export interface NotificationSubject { alertId?: string; category?: AlertCategory; about?: string }

/**
 * Due at once by the collector's clock: an alert's time may come from a device whose clock runs ahead, and
 * a notification must not wait for it.
 */
export const enqueue = (
  tx: StoreOps, recipient: Pick<Recipient, 'channel' | 'person' | 'address'>, schoolId: string, reason: string, subject: NotificationSubject = {},
) => {
  const now = Date.now();
  return tx.enqueueNotification({
    id: randomUUID(), schoolId, alertId: subject.alertId ?? null, channelId: recipient.channel.id, personId: recipient.person?.id ?? null,
    recipient: recipient.address, reason, category: subject.category ?? null, about: subject.about ?? null, status: 'pending', attempts: 0,
    nextAttemptAt: now, lastError: null, createdAt: now, sentAt: null, claimedBy: null, claimUntil: null,
  });
};

/** Writes the notifications an alert change causes; returns how many. */
export const notifyAlertChange = async (tx: StoreOps, alert: AlertRow, reason: NotifyReason): Promise<number> => {
  const recipients = await recipientsFor(tx, alert, reason === 'escalated' ? 2 : 1);
  for (const recipient of recipients) await enqueue(tx, recipient, alert.schoolId, reason, { alertId: alert.id, category: alert.category });
  return recipients.length;
};

/**
 * When a channel or route is turned on while alerts are already open: one summary per new recipient of
 * what is failing now (as much as their role may see), instead of silence until the next change.
 */
export const notifyWhatIsFailing = async (
  tx: StoreOps, schoolId: string, only: (recipient: Recipient) => boolean, rules?: readonly RouteRule[],
): Promise<number> => {
  const open = await tx.listAlerts({ schoolId, categories: ['misuse', 'posture', 'availability'], statuses: ['open', 'acknowledged'], limit: 500 });
  const reached = new Map<string, Recipient>();
  for (const alert of open) {
    for (const recipient of (await recipientsFor(tx, alert, 1, rules)).filter(only)) reached.set(`${recipient.channel.id}\n${recipient.address}`, recipient);
  }
  for (const recipient of reached.values()) await enqueue(tx, recipient, schoolId, 'summary');
  return reached.size;
};

/** Who hears that a term's reports are ready: the school's governors and network managers, by email. */
export const REPORT_ROLES: readonly Role[] = ['governor', 'network-manager'];

/**
 * Tells the school's governors and network managers that a term's reports are ready; once each, in the
 * same transaction as nothing else (the reports are files). Returns how many.
 */
export const notifyReportsReady = async (tx: StoreOps, schoolId: string, termName: string): Promise<number> => {
  const channels = (await tx.listChannels({ schoolId })).filter((channel) => channel.kind === 'email' && channel.disabledAt === null);
  if (channels.length === 0) return 0;
  const people = new Map<string, Person>();
  for (const role of REPORT_ROLES) {
    for (const person of await tx.listPeople({ schoolId, role })) people.set(person.id, person);
  }
  for (const channel of channels) {
    for (const person of people.values()) await enqueue(tx, { channel, person, address: person.email }, schoolId, 'reports-ready', { about: termName });
  }
  return channels.length * people.size;
};
