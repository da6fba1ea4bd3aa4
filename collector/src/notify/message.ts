// What a notification says, composed once for its recipient's role and stored with it: which device,
// what happened and when, the school's own policy clause, what to do next, and (added when sent) a
// link to the alert. A "count" message names no device, pupil, stick or file.
import { timeInWords } from '../policy/facts.ts';
import type { MessageForm } from '../alerts/routing.ts';
import type { AlertRow } from '../store/alerts-types.ts';
import type { AlertCategory, JsonObject } from '../store/types.ts';

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
}

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
const COUNT_STEPS = ['The designated safeguarding lead has the details and has been told; they are not shared with your role.'];

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

/** The full message: for a role that may see this category. */
export const fullMessage = (alert: AlertRow, school: { id: string; name: string }, headline: string): Message => ({
  subject: `[${severityWord(alert.severity)}] ${headline}${alert.title}`,
  severity: alert.severity, category: alert.category, form: 'full', school, alertId: alert.id,
  device: typeof alert.detail.hostname === 'string' ? alert.detail.hostname : null,
  happened: alert.summary,
  at: new Date(alert.lastSeenAt).toISOString(),
  clause: { id: alert.clauseId, text: alert.clauseText },
  details: [
    ...(alert.category === 'misuse' ? misuseDetails(alert.detail) : []),
    ...(alert.occurrences > 1 ? [['Occurrences', String(alert.occurrences)] as [string, string]] : []),
  ],
  nextSteps: NEXT_STEPS[alert.category],
});

/** The count a network manager gets of safeguarding alerts: nothing about the device, pupil or content. */
export const countMessage = (alert: AlertRow, school: { id: string; name: string }, openCount: number): Message => ({
  subject: `A safeguarding alert was raised at ${school.name}`,
  severity: alert.severity, category: 'misuse', form: 'count', school, alertId: null, device: null,
  happened: `A safeguarding alert was raised at ${school.name} at ${timeInWords(alert.lastSeenAt)}. `
    + `${openCount} safeguarding alert${openCount === 1 ? ' is' : 's are'} open there now.`,
  at: new Date(alert.lastSeenAt).toISOString(), clause: null, details: [], nextSteps: COUNT_STEPS,
});

/** What is failing now, sent once when a channel or route is turned on while problems are already open. */
export const summaryMessage = (
  school: { id: string; name: string }, form: MessageForm, lines: string[], at: number, title = 'What is failing now',
  nextStep = 'From now on each new alert for your role comes here as it happens.',
): Message => ({
  subject: `${title} at ${school.name}: ${lines.length} open alert${lines.length === 1 ? '' : 's'}`,
  severity: 'info', category: 'summary', form, school, alertId: null, device: null,
  happened: lines.length === 0 ? 'Nothing is failing now.' : lines.join('\n'),
  at: new Date(at).toISOString(), clause: null, details: [],
  nextSteps: [nextStep],
});

/** A term's reports are ready: for governors and network managers, who get reports rather than alerts. */
export const reportsReadyMessage = (school: { id: string; name: string }, termName: string, where: string[], at: number): Message => ({
  subject: `Termly reports for ${termName} at ${school.name} are ready`,
  severity: 'info', category: 'summary', form: 'full', school, alertId: null, device: null,
  happened: [`The termly firewall review and the evidence pack for ${termName} are ready.`, ...where].join('\n'),
  at: new Date(at).toISOString(), clause: null, details: [],
  nextSteps: ['Read the first page of each; the firewall review lists what to do before signing it off, as the school\'s policy asks.'],
});

export const testMessage = (school: { id: string; name: string }, at: number): Message => ({
  subject: `Test message from Invigilator for ${school.name}`,
  severity: 'info', category: 'test', form: 'full', school, alertId: null, device: null,
  happened: 'This is a test of the channel: if you read it, alerts will reach you here.',
  at: new Date(at).toISOString(), clause: null, details: [], nextSteps: ['Nothing to do.'],
});

/** The message as plain text lines (email body, syslog message, chat fallbacks). */
export const messageLines = (message: Message, link: string | null): string[] => [
  ...(message.device ? [`Device: ${message.device}`] : []),
  `What happened: ${message.happened}`,
  `When: ${timeInWords(Date.parse(message.at))} (${message.at})`,
  ...(message.clause && message.clause.text ? [`The school's policy: "${message.clause.text}" (${message.clause.id})`] : []),
  ...message.details.map(([label, value]) => `${label}: ${value}`),
  'What to do next:',
  ...message.nextSteps.map((step) => `  - ${step}`),
  message.alertId === null ? ''
    : link ? `The alert: ${link}`
      : 'No link to the alert: the collector\'s public address is not set (serve --public-url).',
].filter((line) => line !== '');
