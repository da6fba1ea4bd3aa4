// What a queued notification says, composed when it is sent: the row holds only who is told through which
// channel and what about (store/delivery-types.ts), so the words come from the alert and its events as they
// are now, and a safeguarding detail is stored once, in its event. Misuse detail goes to a DSL of the school
// alone; anyone else gets a notice (the kind of alert, the school, how long it has waited, that the DSL has
// the detail, the dashboard). A recipient who may no longer see what it is about (disabled, no longer
// covering the school, their role changed) is told nothing. Retention may delete an alert or its events
// before the send: the message then says its detail is no longer held, never nothing.
import { formForRoles, recipientsFor } from '../alerts/routing.ts';
import { incidentKind } from '../alerts/incident.ts';
import { withMisuseText } from '../alerts/misuse-text.ts';
import { misuseKindSentence } from '../alerts/rules.ts';
import { coversSchool } from '../people/people.ts';
import type { AlertRow } from '../store/alerts-types.ts';
import type { ChannelRow, NotificationRow } from '../store/delivery-types.ts';
import { ALERT_CATEGORIES, type AlertCategory, type Role, type StoreOps } from '../store/types.ts';
import {
  fullMessage, goneMessage, HEADLINES, noticeMessage, reportsReadyMessage, summaryMessage, type Message, type School,
} from './message.ts';
import { REPORT_ROLES } from './outbox.ts';

/** The message to send, or why nothing is sent (recorded as the notification's last error). */
export type Composed = { message: Message } | { refused: string };

type ComposeStore = Pick<StoreOps, 'getSchool' | 'getPerson' | 'getAlert' | 'alertEventEnds' | 'listAlerts' | 'listRoutes' | 'listChannels' | 'listPeople'>;

const OPEN = ['open', 'acknowledged'] as const;
const OPEN_COUNT_CAP = 1000;
const OVERVIEW_CAP = 500;

export const schoolOf = async (store: Pick<StoreOps, 'getSchool'>, schoolId: string): Promise<School> => {
  const school = await store.getSchool(schoolId);
  return { id: schoolId, name: school?.name ?? schoolId };
};

/** The roles the recipient holds at the notification's school now, or why they are told nothing. */
const rolesNow = async (store: ComposeStore, row: NotificationRow, channel: ChannelRow): Promise<Role[] | string> => {
  if (channel.kind !== 'email') return channel.audience ? [channel.audience] : [];
  const person = row.personId === null ? undefined : await store.getPerson(row.personId);
  if (!person || person.disabledAt !== null) return 'Not sent: the person was removed or disabled before it could be sent.';
  if (!coversSchool(person, row.schoolId)) return 'Not sent: the person no longer covers this school.';
  return person.roles;
};

const notSeen = (category: AlertCategory): string =>
  `Not sent: the recipient's roles no longer let them see ${category} alerts.`;

/** One line per open alert told in full, then how many safeguarding alerts are open that the recipient is not told of. */
const overviewLines = (full: readonly AlertRow[], counted: number): string[] => [
  ...full.map((alert) => `[${alert.severity}] ${alert.title} (${alert.status}, since ${new Date(alert.openedAt).toISOString()})`),
  ...(counted > 0 ? [`${counted} safeguarding alert${counted === 1 ? ' is' : 's are'} open (the DSL has the details).`] : []),
];

const alertMessage = async (store: ComposeStore, row: NotificationRow, roles: Role[], school: School, now: number): Promise<Composed> => {
  const alert = row.alertId === null ? undefined : await store.getAlert(row.alertId);
  const category = alert?.category ?? row.category;
  if (!category) return { refused: 'Not sent: it names no alert.' };
  const form = formForRoles(roles, category);
  if (!form) return { refused: notSeen(category) };
  if (row.alertId !== null && !alert) return { message: goneMessage(school, row.reason, category, row.createdAt) };
  if (form === 'count' || !alert) {
    const openCount = (await store.listAlerts({ schoolId: row.schoolId, categories: ['misuse'], statuses: [...OPEN], limit: OPEN_COUNT_CAP })).length;
    return {
      message: noticeMessage(school, row.reason, {
        kind: alert ? misuseKindSentence(incidentKind(alert)) : null, severity: alert?.severity ?? 'warning',
        raisedAt: alert?.openedAt ?? row.createdAt, status: alert?.status ?? null, openCount,
      }, now),
    };
  }
  const headline = HEADLINES[row.reason] ?? '';
  if (alert.category !== 'misuse') return { message: fullMessage(alert, school, headline) };
  const ends = (await store.alertEventEnds([alert.id])).get(alert.id);
  // An alert linked to its events (since they were kept apart from it) whose events are gone: retention took them.
  const eventsGone = !ends && alert.lastEvent?.seq !== undefined;
  return { message: fullMessage(withMisuseText(alert, ends), school, headline, eventsGone) };
};

/** What is failing now for this recipient: each open alert that reaches them when it opens, as their route tells it. */
const summaryNow = async (store: ComposeStore, row: NotificationRow, school: School, now: number): Promise<Composed> => {
  const open = await store.listAlerts({ schoolId: row.schoolId, categories: [...ALERT_CATEGORIES], statuses: [...OPEN], limit: OVERVIEW_CAP });
  const full: AlertRow[] = [];
  let counted = 0;
  for (const alert of open) {
    const recipient = (await recipientsFor(store, alert, 1)).find((r) => r.channel.id === row.channelId && r.address === row.recipient);
    if (recipient?.form === 'full') full.push(alert);
    else if (recipient) counted += 1;
  }
  return { message: summaryMessage(school, full.length > 0 || counted === 0 ? 'full' : 'count', overviewLines(full, counted), now) };
};

/** The day's overview of what is open at the school, as much as the person's roles may see. */
const digestNow = async (store: ComposeStore, row: NotificationRow, roles: Role[], school: School, now: number): Promise<Composed> => {
  const forms = new Map(ALERT_CATEGORIES.map((category) => [category, formForRoles(roles, category)]));
  const categories = ALERT_CATEGORIES.filter((category) => forms.get(category) !== undefined);
  if (categories.length === 0) return { refused: 'Not sent: the person\'s roles no longer let them see any alerts.' };
  const open = await store.listAlerts({ schoolId: row.schoolId, categories, statuses: [...OPEN], limit: OVERVIEW_CAP });
  const full = open.filter((alert) => forms.get(alert.category) === 'full');
  const counted = open.length - full.length;
  return {
    message: summaryMessage(school, full.length > 0 || counted === 0 ? 'full' : 'count', overviewLines(full, counted), now, 'Daily digest',
      'Each alert still comes to you as it happens; this is the day\'s overview.'),
  };
};

/** Where a term's reports are: links when the collector's public address is known, else the data folder. */
const reportsNow = (row: NotificationRow, roles: Role[], school: School, publicUrl: string | undefined): Composed => {
  if (!roles.some((role) => REPORT_ROLES.includes(role))) return { refused: 'Not sent: the person is no longer a governor or network manager.' };
  const term = row.about ?? 'the term';
  const query = `school=${encodeURIComponent(school.id)}&term=${encodeURIComponent(term)}&format=pdf`;
  const base = publicUrl?.replace(/\/+$/, '');
  const where = base
    ? [['firewall-review', 'Termly firewall review'], ['evidence-pack', 'Evidence pack']].map(([kind, name]) => `${name}: ${base}/api/v1/reports/${kind}?${query}`)
    : [`The PDF, HTML and CSV files are in the collector's data folder, under reports/${school.id}/ (ask the network manager for them).`];
  return { message: reportsReadyMessage(school, term, where, row.createdAt) };
};

/** The message this notification sends now, for its recipient as they are now. */
export const composeNotification = async (
  store: ComposeStore, row: NotificationRow, channel: ChannelRow, now: number, publicUrl?: string,
): Promise<Composed> => {
  const roles = await rolesNow(store, row, channel);
  if (typeof roles === 'string') return { refused: roles };
  const school = await schoolOf(store, row.schoolId);
  switch (row.reason) {
    case 'summary': return summaryNow(store, row, school, now);
    case 'digest': return digestNow(store, row, roles, school, now);
    case 'reports-ready': return reportsNow(row, roles, school, publicUrl);
    default: return alertMessage(store, row, roles, school, now);
  }
};
