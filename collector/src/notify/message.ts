// What a notification says, composed for its recipient's role when it is sent (compose.ts), never stored:
// which device, what happened and when, the school's own policy clause, what to do next, and a link. A
// "count" message, for a role that is not the school's DSL, names no device, pupil, stick or file.
import { ageInWords, timeInWords } from '../policy/facts.ts';
import type { MessageForm } from '../alerts/routing.ts';
import type { AlertRow } from '../store/alerts-types.ts';
import type { NotificationRow } from '../store/delivery-types.ts';
import type { AlertCategory, AlertStatus, JsonObject } from '../store/types.ts';

export interface Message {
  subject: string;
  severity: string;
  category: AlertCategory | 'summary' | 'test';
  form: MessageForm;
  school: { id: string; name: string };
  alertId: string | null;
  device: string | null;
  happened: string;
  /** ISO time of what happened. */
  at: string;
  clause: { id: string; text: string } | null;
  /** Label and value pairs: who was logged in, the stick, the file (misuse, full form only). */
  details: Array<[string, string]>;
  nextSteps: string[];
  /** What its link opens: the alert (for one who may see it), the dashboard, or nothing. */
  opens: 'alert' | 'dashboard' | null;
}

export type School = { id: string; name: string };

/** How the subject begins for each reason an alert is told of. */
export const HEADLINES: Record<string, string> = {
  opened: '', reopened: 'Reopened: ', 'severity-raised': 'Worse: ', escalated: 'Not yet acknowledged: ',
};

const CATEGORY_WORDS: Record<AlertCategory, string> = { misuse: 'safeguarding', posture: 'device health', availability: 'silent device' };

export const MISUSE_STEPS = [
  'Record the incident in the school\'s safeguarding record, with the time and the device.',
  'Do not open, copy, forward or delete any suspect content on the device or the stick; keep the device as it is.',
  'The designated safeguarding lead decides whether to refer, following the school\'s safeguarding procedures.',
];
const POSTURE_STEPS = [
  'Put the device right so that it meets the clause quoted above.',
  'The alert closes by itself when the device next reports the problem fixed; resolve it by hand only with a note of what was done.',
];
const AVAILABILITY_STEPS = [
  'Find the device: it may be switched off, away from school, or its agent may have stopped.',
  'The alert closes by itself when the device reports in again.',
];
const COUNT_STEPS = [
  'The designated safeguarding lead has the details and has been told; they are not shared with your role.',
  'The dashboard shows how many safeguarding alerts are open at each school you cover.',
];

const NEXT_STEPS: Record<AlertCategory, string[]> = { misuse: MISUSE_STEPS, posture: POSTURE_STEPS, availability: AVAILABILITY_STEPS };

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** The DSL's facts of a misuse alert: who was logged in, which stick, which file. */
const misuseDetails = (detail: JsonObject): Array<[string, string]> => {
  const details: Array<[string, string]> = [];
  const user = text(detail.user);
  if (user) details.push(['Logged-in user', user]);
  const media = detail.media as Record<string, unknown> | undefined;
  if (media) {
    const stick = [text(media.label) && `"${String(media.label)}"`, text(media.vendor), text(media.model), text(media.serial) && `serial ${String(media.serial)}`]
      .filter(Boolean).join(' ');
    if (stick) details.push(['Removable media', stick]);
  }
  const file = detail.file as Record<string, unknown> | undefined;
  if (file) details.push(['File', text(file.name) ?? `name hashed (SHA-256 ${String(file.nameSha256 ?? 'unknown')})`]);
  const what = text(detail.what);
  if (what) details.push(['What was reported', what]);
  return details;
};

export const severityWord = (severity: string): string => severity.toUpperCase();

/** "under a minute", "16 minutes", "3 hours", "2 days (50 hours)". */
export const waitedInWords = (ms: number): string => {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return 'under a minute';
  return minutes < 120 ? `${minutes} minute${minutes === 1 ? '' : 's'}` : ageInWords(ms);
};

const HELD_NO_LONGER = 'No longer held: the device\'s events behind this alert were deleted under the school\'s retention settings before this message was sent.';

/**
 * The full message: for a role that may see this category (misuse: the school's DSL alone). `eventsGone`: a
 * misuse alert whose events retention deleted before the send, so its user, stick and files cannot be told.
 */
export const fullMessage = (alert: AlertRow, school: School, headline: string, eventsGone = false): Message => ({
  subject: `[${severityWord(alert.severity)}] ${headline}${alert.title}`,
  severity: alert.severity, category: alert.category, form: 'full', school, alertId: alert.id,
  device: typeof alert.detail.hostname === 'string' ? alert.detail.hostname : null,
  happened: alert.summary,
  at: new Date(alert.lastSeenAt).toISOString(),
  clause: { id: alert.clauseId, text: alert.clauseText },
  details: [
    ...(alert.category === 'misuse' ? misuseDetails(alert.detail) : []),
    ...(eventsGone ? [['Detail', HELD_NO_LONGER] as [string, string]] : []),
    ...(alert.occurrences > 1 ? [['Occurrences', String(alert.occurrences)] as [string, string]] : []),
  ],
  nextSteps: NEXT_STEPS[alert.category],
  opens: 'alert',
});

/** What a notice says of a safeguarding alert: nothing a device supplied. */
export interface NoticeFacts {
  /** The kind of alert in a sentence (rules.ts, misuseKindSentence); null when the alert is not known. */
  kind: string | null;
  severity: string;
  raisedAt: number;
  /** The alert's status now; null when it is not known. */
  status: AlertStatus | null;
  /** Safeguarding alerts open at the school now. */
  openCount: number;
}

const WAITING: Record<AlertStatus, (waited: string) => string> = {
  open: (waited) => `${waited}, not yet acknowledged`,
  acknowledged: () => 'no longer: the DSL has acknowledged it',
  resolved: () => 'no longer: it has been resolved',
};

/**
 * A safeguarding alert told to one who is not the school's DSL (a network manager, an administrator it is
 * escalated to, a shared channel of theirs): what kind, which school, how long it has waited, that the DSL
 * has the detail, and the dashboard. No device, pupil, stick or file.
 */
export const noticeMessage = (school: School, reason: string, facts: NoticeFacts, now: number): Message => {
  const waited = waitedInWords(now - facts.raisedAt);
  // An escalation sent after the DSL acknowledged it (the relay was down meanwhile) says so rather than that it waits.
  const waiting = reason === 'escalated' && (facts.status ?? 'open') === 'open';
  return {
    subject: waiting ? `Not yet acknowledged: a safeguarding alert at ${school.name} has waited ${waited}`
      : `A safeguarding alert was raised at ${school.name}`,
    severity: facts.severity, category: 'misuse', form: 'count', school, alertId: null, device: null,
    happened: `A safeguarding alert was raised at ${school.name} at ${timeInWords(facts.raisedAt)}`
      + `${waiting ? ' and nobody has acknowledged it yet' : ''}. `
      + `${facts.openCount} safeguarding alert${facts.openCount === 1 ? ' is' : 's are'} open there now.`,
    at: new Date(facts.raisedAt).toISOString(), clause: null,
    details: [
      ...(facts.kind ? [['Kind of alert', facts.kind] as [string, string]] : []),
      ['Waiting', facts.status ? WAITING[facts.status](waited) : waited],
    ],
    nextSteps: COUNT_STEPS, opens: 'dashboard',
  };
};

/** An alert deleted under the school's retention settings before its message went: said in a few words, never an empty message. */
export const goneMessage = (school: School, reason: string, category: AlertCategory, queuedAt: number): Message => ({
  subject: `${HEADLINES[reason] ?? ''}A ${CATEGORY_WORDS[category]} alert at ${school.name}: its detail is no longer held`,
  severity: 'info', category, form: 'count', school, alertId: null, device: null,
  happened: `An alert raised at ${school.name} by ${timeInWords(queuedAt)} was deleted under the school's retention settings `
    + 'before this message could be sent, so what it said is no longer held.',
  at: new Date(queuedAt).toISOString(), clause: null, details: [],
  nextSteps: ['Open the dashboard to see what is open at the school now.'], opens: 'dashboard',
});

/** What the delivery log says a notification was about, from its row alone: no text of the message is kept. */
export const describeNotification = (row: Pick<NotificationRow, 'reason' | 'category' | 'about'>): string => {
  const alert = row.category ? `A ${CATEGORY_WORDS[row.category]} alert` : 'An alert';
  switch (row.reason) {
    case 'opened': return `${alert} raised`;
    case 'reopened': return `${alert} reopened`;
    case 'severity-raised': return `${alert} grew worse`;
    case 'escalated': return `${alert} not yet acknowledged`;
    case 'summary': return 'What is failing now';
    case 'digest': return `Daily digest${row.about ? ` of ${row.about}` : ''}`;
    case 'reports-ready': return `Termly reports${row.about ? ` for ${row.about}` : ''} are ready`;
    default: return row.reason;
  }
};

/** What is failing now, sent once when a channel or route is turned on while problems are already open. */
export const summaryMessage = (
  school: School, form: MessageForm, lines: string[], at: number, title = 'What is failing now',
  nextStep = 'From now on each new alert for your role comes here as it happens.',
): Message => ({
  subject: `${title} at ${school.name}: ${lines.length} open alert${lines.length === 1 ? '' : 's'}`,
  severity: 'info', category: 'summary', form, school, alertId: null, device: null,
  happened: lines.length === 0 ? 'Nothing is failing now.' : lines.join('\n'),
  at: new Date(at).toISOString(), clause: null, details: [],
  nextSteps: [nextStep], opens: null,
});

/** A term's reports are ready: for governors and network managers, who get reports rather than alerts. */
export const reportsReadyMessage = (school: School, termName: string, where: string[], at: number): Message => ({
  subject: `Termly reports for ${termName} at ${school.name} are ready`,
  severity: 'info', category: 'summary', form: 'full', school, alertId: null, device: null,
  happened: [`The termly firewall review and the evidence pack for ${termName} are ready.`, ...where].join('\n'),
  at: new Date(at).toISOString(), clause: null, details: [],
  nextSteps: ['Read the first page of each; the firewall review lists what to do before signing it off, as the school\'s policy asks.'],
  opens: null,
});

export const testMessage = (school: School, at: number): Message => ({
  subject: `Test message from Invigilator for ${school.name}`,
  severity: 'info', category: 'test', form: 'full', school, alertId: null, device: null,
  happened: 'This is a test of the channel: if you read it, alerts will reach you here.',
  at: new Date(at).toISOString(), clause: null, details: [], nextSteps: ['Nothing to do.'], opens: null,
});

/** The address the message's link opens, when the collector's public address is known. */
export const linkOf = (publicUrl: string | undefined, message: Pick<Message, 'opens' | 'alertId'>): string | null => {
  const base = publicUrl?.replace(/\/+$/, '');
  if (!base || message.opens === null) return null;
  return message.opens === 'alert' && message.alertId ? `${base}/?alert=${encodeURIComponent(message.alertId)}` : `${base}/`;
};

/** The message as plain text lines (email body, syslog message, chat fallbacks). */
export const messageLines = (message: Message, link: string | null): string[] => [
  ...(message.device ? [`Device: ${message.device}`] : []),
  `What happened: ${message.happened}`,
  `When: ${timeInWords(Date.parse(message.at))} (${message.at})`,
  ...(message.clause && message.clause.text ? [`The school's policy: "${message.clause.text}" (${message.clause.id})`] : []),
  ...message.details.map(([label, value]) => `${label}: ${value}`),
  'What to do next:',
  ...message.nextSteps.map((step) => `  - ${step}`),
  message.opens === null ? ''
    : link ? `The ${message.opens}: ${link}`
      : `No link to the ${message.opens}: the collector's public address is not set (serve --public-url).`,
].filter((line) => line !== '');
