// The transactional outbox: a notification row per recipient, written in the same transaction as the
// alert change that causes it, so a change is never committed without its notifications nor sent
// without its change. The dispatcher sends them afterwards.
import { randomUUID } from 'node:crypto';
import { formFor, recipientsFor, type MessageForm, type Recipient, type RouteRule } from '../alerts/routing.ts';
import type { AlertRow } from '../store/alerts-types.ts';
import type { Person, StoreOps } from '../store/types.ts';
import { countMessage, fullMessage, reportsReadyMessage, summaryMessage, type Message } from './message.ts';

export type NotifyReason = 'opened' | 'reopened' | 'severity-raised' | 'escalated';

const HEADLINES: Record<NotifyReason, string> = {
  opened: '', reopened: 'Reopened: ', 'severity-raised': 'Worse: ', escalated: 'Not yet acknowledged: ',
};

const OPEN_COUNT_CAP = 1000;

const schoolOf = async (tx: StoreOps, schoolId: string) => {
  const school = await tx.getSchool(schoolId);
  return { id: schoolId, name: school?.name ?? schoolId };
};

/**
 * Due at once by the collector's clock: `at` (when it happened) may come from a device whose clock runs
 * ahead, and a notification must not wait for it.
 */
export const enqueue = (tx: StoreOps, recipient: Recipient, message: Message, reason: string, alertId: string | null) => {
  const now = Date.now();
  return tx.enqueueNotification({
    id: randomUUID(), schoolId: message.school.id, alertId, channelId: recipient.channel.id, personId: recipient.person?.id ?? null,
    recipient: recipient.address, reason, message: message as unknown as Record<string, unknown>, status: 'pending', attempts: 0,
    nextAttemptAt: now, lastError: null, createdAt: now, sentAt: null,
  });
};

/** Writes the notifications an alert change causes; returns how many. */
export const notifyAlertChange = async (tx: StoreOps, alert: AlertRow, reason: NotifyReason): Promise<number> => {
  const recipients = await recipientsFor(tx, alert, reason === 'escalated' ? 2 : 1);
  if (recipients.length === 0) return 0;
  const school = await schoolOf(tx, alert.schoolId);
  let openMisuse: number | undefined;
  for (const recipient of recipients) {
    let message: Message;
    if (recipient.form === 'full') {
      message = fullMessage(alert, school, HEADLINES[reason]);
    } else {
      openMisuse ??= (await tx.listAlerts({ schoolId: alert.schoolId, categories: ['misuse'], statuses: ['open', 'acknowledged'], limit: OPEN_COUNT_CAP })).length;
      message = countMessage(alert, school, openMisuse);
    }
    await enqueue(tx, recipient, message, reason, recipient.form === 'full' ? alert.id : null);
  }
  return recipients.length;
};

const summaryLine = (alert: AlertRow, form: MessageForm): string =>
  (form === 'full' ? `[${alert.severity}] ${alert.title} (since ${new Date(alert.openedAt).toISOString()})` : '');

/**
 * When a channel or route is turned on while alerts are already open: one summary per new recipient of
 * what is failing now (as much as their role may see), instead of silence until the next change.
 */
export const notifyWhatIsFailing = async (
  tx: StoreOps, schoolId: string, at: number, only: (recipient: Recipient) => boolean, rules?: readonly RouteRule[],
): Promise<number> => {
  const open = await tx.listAlerts({ schoolId, categories: ['misuse', 'posture', 'availability'], statuses: ['open', 'acknowledged'], limit: 500 });
  const school = await schoolOf(tx, schoolId);
  const byRecipient = new Map<string, { recipient: Recipient; lines: string[]; misuse: number }>();
  for (const alert of open) {
    for (const recipient of (await recipientsFor(tx, alert, 1, rules)).filter(only)) {
      const key = `${recipient.channel.id}\n${recipient.address}`;
      const entry = byRecipient.get(key) ?? { recipient, lines: [], misuse: 0 };
      byRecipient.set(key, entry);
      const form = formFor(recipient.role, alert.category) ?? 'count';
      if (alert.category === 'misuse' && recipient.form === 'count') entry.misuse += 1;
      else entry.lines.push(summaryLine(alert, form));
    }
  }
  for (const { recipient, lines, misuse } of byRecipient.values()) {
    const all = misuse > 0 ? [...lines, `${misuse} safeguarding alert${misuse === 1 ? ' is' : 's are'} open (the DSL has the details).`] : lines;
    await enqueue(tx, recipient, summaryMessage(school, recipient.form, all, at), 'summary', null);
  }
  return byRecipient.size;
};

/** Who hears that a term's reports are ready: the school's governors and network managers, by email. */
const REPORT_ROLES = ['governor', 'network-manager'] as const;

/**
 * Tells the school's governors and network managers that a term's reports are ready, with where to get
 * them; once each, in the same transaction as nothing else (the reports are files). Returns how many.
 */
export const notifyReportsReady = async (
  tx: StoreOps, schoolId: string, termName: string, at: number, where: { publicUrl?: string; folder: string },
): Promise<number> => {
  const channels = (await tx.listChannels({ schoolId })).filter((channel) => channel.kind === 'email' && channel.disabledAt === null);
  if (channels.length === 0) return 0;
  const school = await schoolOf(tx, schoolId);
  const people = new Map<string, { person: Person; role: (typeof REPORT_ROLES)[number] }>();
  for (const role of REPORT_ROLES) {
    for (const person of await tx.listPeople({ schoolId, role })) if (!people.has(person.id)) people.set(person.id, { person, role });
  }
  const query = `school=${encodeURIComponent(schoolId)}&term=${encodeURIComponent(termName)}&format=pdf`;
  const base = where.publicUrl?.replace(/\/+$/, '');
  const lines = base
    ? ['firewall-review', 'evidence-pack'].map((kind) => `${kind === 'firewall-review' ? 'Termly firewall review' : 'Evidence pack'}: `
      + `${base}/api/v1/reports/${kind}?${query}`)
    : [`The PDF, HTML and CSV files are in the collector's data folder: ${where.folder} (ask the network manager for them).`];
  const message = reportsReadyMessage(school, termName, lines, at);
  let count = 0;
  for (const channel of channels) {
    for (const { person, role } of people.values()) {
      await enqueue(tx, { channel, person, address: person.email, role, form: 'full' }, message, 'reports-ready', null);
      count += 1;
    }
  }
  return count;
};
