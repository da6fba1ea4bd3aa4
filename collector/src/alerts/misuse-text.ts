// A misuse alert read with its events: the row keeps no device-supplied text (rules.ts, storedMisuseForm),
// so what the DSL reads and is sent (who, which stick, which file) is composed from the stored events.
import { v1, type MisuseEvent } from '@invigilator/shared/wire.ts';
import type { AlertRow } from '../store/alerts-types.ts';
import type { StoredEvent, StoreOps } from '../store/types.ts';
import { describeMisuse, type MisuseText } from './rules.ts';

export const misuseOf = (event: StoredEvent): MisuseEvent => v1.MisuseEvent.fromObject(event.payload);

/** One stored misuse event in the DSL's words. */
export const describeStoredMisuse = (device: { id: string; hostname: string }, event: StoredEvent): MisuseText =>
  describeMisuse(device, misuseOf(event));

/** The hostname the alert names, from its own detail (kept on the row), else the device id. */
const subjectOf = (alert: AlertRow): { id: string; hostname: string } => ({
  id: alert.deviceId ?? '', hostname: typeof alert.detail.hostname === 'string' ? alert.detail.hostname : (alert.deviceId ?? ''),
});

/**
 * The alert with its first and last events' own text, where its events are still stored (`ends` from
 * alertEventEnds); an alert without linked events (older rows, other categories) is returned as it is.
 */
export const withMisuseText = (alert: AlertRow, ends: { first: StoredEvent; last: StoredEvent } | undefined): AlertRow => {
  if (alert.category !== 'misuse' || !ends) return alert;
  const subject = subjectOf(alert);
  const [first, last] = [describeStoredMisuse(subject, ends.first), describeStoredMisuse(subject, ends.last)];
  const burst = alert.detail.kind === 'burst';
  return {
    ...alert,
    summary: burst ? alert.summary.replace(/The latest: .*$/s, `The latest: ${last.summary}`) : last.summary,
    detail: burst ? { ...alert.detail, latest: last.detail } : { ...alert.detail, ...last.detail },
    firstEvent: alert.firstEvent && { ...alert.firstEvent, summary: first.summary, detail: first.detail },
    lastEvent: alert.lastEvent && { ...alert.lastEvent, summary: last.summary, detail: last.detail },
  };
};

/** The alerts read with their events' text, in one round trip for the whole list. */
export const withMisuseTexts = async (store: Pick<StoreOps, 'alertEventEnds'>, alerts: readonly AlertRow[]): Promise<AlertRow[]> => {
  const misuse = alerts.filter((alert) => alert.category === 'misuse').map((alert) => alert.id);
  const ends = await store.alertEventEnds(misuse);
  return alerts.map((alert) => withMisuseText(alert, ends.get(alert.id)));
};
