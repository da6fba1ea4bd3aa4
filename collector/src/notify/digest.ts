// The daily digest: once a day, at the local time a person chose, what is open at each school they cover,
// as much as their roles may see (misuse in full for a DSL, a count for a network manager, nothing for a
// governor, who gets reports instead). Queued here; its lines are read when it is sent (compose.ts).
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { formForRoles } from '../alerts/routing.ts';
import type { DigestSubscription } from '../store/delivery-types.ts';
import { ALERT_CATEGORIES, type Person, type StoreOps } from '../store/types.ts';
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

/** Queues the person's digest of `localDate` for each school they cover that has an email channel; returns how many. */
export const queueDigest = async (tx: StoreOps, person: Person, localDate: string): Promise<number> => {
  if (!ALERT_CATEGORIES.some((category) => formForRoles(person.roles, category) !== undefined)) return 0;
  const schools = person.schools === 'all' ? await tx.listSchools() : (await Promise.all(person.schools.map((id) => tx.getSchool(id)))).filter((s) => s !== undefined);
  let queued = 0;
  for (const school of schools) {
    const channel = (await tx.listChannels({ schoolId: school.id })).find((c) => c.kind === 'email' && c.disabledAt === null);
    if (!channel) continue;
    await enqueue(tx, { channel, person, address: person.email }, school.id, 'digest', { about: localDate });
    queued += 1;
  }
  return queued;
};
