// How long a device has been silent, counted in school time once the school has term dates: a
// weekend, a half-term or the holidays are not an outage. Without term dates, wall-clock time.
import { schoolSpans, type CalendarTerm } from '../terms/calendar.ts';

export interface SilenceClock { silentMs: number; schoolTime: boolean }

export const silentTime = (calendar: readonly CalendarTerm[], lastSeenAt: number, now: number): SilenceClock => {
  // The assumed English calendar is a guess for reports; only dates a school or trust set decide an outage.
  const terms = calendar.filter((term) => term.source !== 'assumed');
  if (terms.length === 0) return { silentMs: Math.max(0, now - lastSeenAt), schoolTime: false };
  let silentMs = 0;
  for (const term of terms) {
    for (const span of schoolSpans(term)) silentMs += Math.max(0, Math.min(span.to, now) - Math.max(span.from, lastSeenAt));
  }
  return { silentMs, schoolTime: true };
};
