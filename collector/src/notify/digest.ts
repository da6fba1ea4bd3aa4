// The daily digest: once a day, at the local time a person chose, what is open at each school they cover,
// as much as their roles may see (misuse in full for a DSL, a count for a network manager, nothing for a
// governor, who gets reports instead).
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { formFor, type MessageForm } from '../alerts/routing.ts';
import type { DigestSubscription } from '../store/delivery-types.ts';
import { ALERT_CATEGORIES, type Person, type StoreOps } from '../store/types.ts';
import { summaryMessage } from './message.ts';
import { enqueue } from './outbox.ts';

export const DEFAULT_TIME_ZONE = 'Europe/London';

/** "HH:MM" and "YYYY-MM-DD" now in the zone. */
export const localClock = (at: number, timeZone: string): { time: string; date: string } => {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(at)).map((part) => [part.type, part.value]));
  return { time: `${parts.hour}:${parts.minute}`, date: `${parts.year}-${parts.month}-${parts.day}` };
};

export const checkDigestTime = (atTime: string, timeZone: string): void => {
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(atTime)) throw new InvigilatorError('CONFIG_INVALID', `--at is a time like 07:30 (it was "${atTime}").`);
  try {
    localClock(0, timeZone);
  } catch {
    throw new InvigilatorError('CONFIG_INVALID', `"${timeZone}" is not a time zone (like Europe/London).`);
  }
};

/** Due when the local time has reached the chosen time and today's digest is not yet queued (a collector down at that minute catches up). */
export const isDigestDue = (subscription: DigestSubscription, at: number): boolean => {
  const { time, date } = localClock(at, subscription.timeZone);
  return time >= subscription.atTime && subscription.lastSentOn !== date;
};

const bestForm = (person: Person, category: (typeof ALERT_CATEGORIES)[number]): MessageForm | undefined => {
  const forms = person.roles.map((role) => formFor(role, category));
  return forms.includes('full') ? 'full' : forms.includes('count') ? 'count' : undefined;
};

/** Queues the person's digest for each school they cover that has an email channel; returns how many. */
export const queueDigest = async (tx: StoreOps, person: Person, at: number): Promise<number> => {
  const schools = person.schools === 'all' ? await tx.listSchools() : (await Promise.all(person.schools.map((id) => tx.getSchool(id)))).filter((s) => s !== undefined);
  const forms = new Map(ALERT_CATEGORIES.map((category) => [category, bestForm(person, category)]));
  const categories = ALERT_CATEGORIES.filter((category) => forms.get(category) !== undefined);
  if (categories.length === 0) return 0;
  let queued = 0;
  for (const school of schools) {
    const channel = (await tx.listChannels({ schoolId: school.id })).find((c) => c.kind === 'email' && c.disabledAt === null);
    if (!channel) continue;
    const open = await tx.listAlerts({ schoolId: school.id, categories, statuses: ['open', 'acknowledged'], limit: 500 });
    const full = open.filter((alert) => forms.get(alert.category) === 'full');
    const counted = open.length - full.length;
    const lines = [
      ...full.map((alert) => `[${alert.severity}] ${alert.title} (${alert.status}, since ${new Date(alert.openedAt).toISOString()})`),
      ...(counted > 0 ? [`${counted} safeguarding alert${counted === 1 ? ' is' : 's are'} open (the DSL has the details).`] : []),
    ];
    const form: MessageForm = full.length > 0 || counted === 0 ? 'full' : 'count';
    await enqueue(tx, { channel, person, address: person.email, role: person.roles[0]!, form },
      summaryMessage({ id: school.id, name: school.name }, form, lines, at, 'Daily digest', 'Each alert still comes to you as it happens; this is the day\'s overview.'),
      'digest', null);
    queued += 1;
  }
  return queued;
};
