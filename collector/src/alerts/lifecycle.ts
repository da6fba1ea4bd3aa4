// The one alert lifecycle: open, repeat, fold a burst, raise severity, reopen, escalate, acknowledge,
// resolve by the device, resolve by a person with a note. Every transition writes the alert, its history
// and its notifications (who is told, not what: that is composed when sent) in the caller's transaction;
// the store only stores.
import { randomUUID } from 'node:crypto';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { notifyAlertChange, type NotifyReason } from '../notify/outbox.ts';
import type { AlertEvent, AlertHistoryEntry, AlertRow } from '../store/alerts-types.ts';
import type { StoreOps } from '../store/types.ts';
import type { AlertDraft, DeviceRef } from './rules.ts';
import { alertSettingsFor } from './settings.ts';

export const SEVERITIES = ['info', 'warning', 'critical'] as const;
/** Higher is more urgent; a severity outside the list ranks below all of them. */
export const severityRank = (severity: string): number => (SEVERITIES as readonly string[]).indexOf(severity) + 1;

/** Who acts when the collector itself changes an alert. */
export const BY_COLLECTOR = {
  deviceFixed: 'collector: the device reported the problem fixed',
  deviceBack: 'collector: the device reported in again',
  stillFailing: 'collector: the device still fails',
  notAcknowledged: 'collector: not acknowledged in time',
  flood: 'collector: a burst of alerts from one device',
} as const;
const isByCollector = (by: string | null): boolean => (by ?? '').startsWith('collector:');

export interface RaiseOptions {
  /** Count a repeat as another occurrence (a misuse event) or only refresh the alert (an hourly report of the same failure). */
  countRepeat: boolean;
  /** After a person resolved the alert, the next report that still shows the problem opens it again (posture). */
  reopenAfterManualResolve: boolean;
  /** When the problem began (a silence): a person's resolution after it holds until the problem ends. */
  ongoingSince?: number;
}

/** A device, or a school alone (id null) for an alert about no one device. */
export type AlertSubject = Pick<DeviceRef, 'schoolId' | 'hostname' | 'held'> & { id: string | null };

export type Transition = 'opened' | 'repeated' | 'reopened' | 'severity-raised' | 'folded' | 'unchanged';

const history = (tx: StoreOps, alertId: string, at: number, action: AlertHistoryEntry['action'], by: string, note: string | null = null) =>
  tx.appendAlertHistory({ alertId, at, action, by, note });

/** What the alert row keeps of a draft: a misuse event's own text stays in the event (rules.ts, storedMisuseForm). */
const kept = (draft: AlertDraft): { summary: string; detail: AlertRow['detail'] } => {
  const { summary, detail } = draft.stored ?? draft;
  return { summary, detail: { ...detail } };
};

const alertEventOf = (draft: AlertDraft, at: number): AlertEvent => ({ at, ...kept(draft), ...(draft.event ? { seq: draft.event.seq } : {}) });

const newAlert = (device: AlertSubject, draft: AlertDraft, at: number, event: AlertEvent): AlertRow => ({
  id: randomUUID(), schoolId: device.schoolId, deviceId: device.id, category: draft.category, severity: draft.severity,
  severityRank: severityRank(draft.severity), dedupKey: draft.dedupKey, status: 'open', title: draft.title, ...kept(draft),
  check: draft.check ?? null, clauseId: draft.clauseId, clauseText: draft.clauseText,
  occurrences: 1, openedAt: at, lastSeenAt: at, acknowledgedAt: null, acknowledgedBy: null, resolvedAt: null, resolvedBy: null,
  escalatedAt: null, firstEvent: event, lastEvent: event,
});

const notifyAndRecord = async (tx: StoreOps, alert: AlertRow, at: number, reason: NotifyReason & AlertHistoryEntry['action'], by: string, note: string | null = null) => {
  await history(tx, alert.id, at, reason, by, note);
  await notifyAlertChange(tx, alert, reason);
};

/** A repeat on the unresolved alert: the alert shows what is wrong now. */
const repeat = async (tx: StoreOps, live: AlertRow, draft: AlertDraft, at: number, event: AlertEvent, countRepeat: boolean): Promise<{ alert: AlertRow; transition: Transition }> => {
  const worse = severityRank(draft.severity) > live.severityRank;
  // An acknowledgement covered the lesser problem only: a more severe one needs someone to look again.
  const reopen = worse && live.status === 'acknowledged';
  const fields: Partial<AlertRow> = {
    title: draft.title, ...kept(draft), severity: draft.severity, severityRank: severityRank(draft.severity),
    clauseId: draft.clauseId, clauseText: draft.clauseText, lastSeenAt: Math.max(live.lastSeenAt, at), lastEvent: event,
    occurrences: live.occurrences + (countRepeat ? 1 : 0),
    ...(reopen ? { status: 'open' as const, acknowledgedAt: null, acknowledgedBy: null } : {}),
  };
  if (!(await tx.updateAlert(live.id, live.status, fields))) throw new InvigilatorError('STORE_FAILED', `Alert ${live.id} changed while it was being updated.`);
  const alert = { ...live, ...fields };
  if (worse) {
    await notifyAndRecord(tx, alert, at, 'severity-raised', `collector: now ${draft.severity}`);
    return { alert, transition: 'severity-raised' };
  }
  return { alert, transition: countRepeat ? 'repeated' : 'unchanged' };
};

/** Too many misuse alerts from one device in the window: the rest fold into one alert for the burst. */
const floodDraft = (device: DeviceRef, draft: AlertDraft, limit: number, windowMinutes: number): AlertDraft => {
  const burst = `${device.hostname} raised more than ${limit} safeguarding alerts within ${windowMinutes} minutes; the rest are counted on this one `
    + '(every event is kept with it). The latest: ';
  const latest = kept(draft);
  return {
    category: 'misuse', severity: 'critical', dedupKey: `misuse:${device.id}:flood`,
    title: `A burst of safeguarding events from ${device.hostname}`,
    summary: `${burst}${draft.summary}`,
    clauseId: draft.clauseId, clauseText: draft.clauseText,
    detail: { deviceId: device.id, hostname: device.hostname, kind: 'burst', latest: draft.detail, latestTitle: draft.title },
    stored: { summary: `${burst}${latest.summary}`, detail: { deviceId: device.id, hostname: device.hostname, kind: 'burst', latest: latest.detail, latestTitle: draft.title } },
    ...(draft.event ? { event: draft.event } : {}),
  };
};

/** Links the event that raised or repeated the alert, so the alert is read with every one of its events. */
const linkEvent = async (tx: StoreOps, draft: AlertDraft, outcome: { alert: AlertRow | undefined; transition: Transition }) => {
  if (outcome.alert && draft.event) await tx.linkAlertEvent(outcome.alert.id, draft.event.deviceId, draft.event.seq);
  return outcome;
};

/**
 * Raises an alert for what a device reported or what a job found: opens it, counts a repeat on the
 * unresolved one, reopens one a person resolved while the problem went on, or folds a burst.
 */
export const raiseAlert = async (
  tx: StoreOps, device: AlertSubject, draft: AlertDraft, at: number, options: RaiseOptions,
): Promise<{ alert: AlertRow | undefined; transition: Transition }> => {
  // A device held for an administrator's approval raises nothing until it is approved.
  if (device.held) return { alert: undefined, transition: 'unchanged' };
  const outcome = await raise(tx, device, draft, at, options);
  return outcome.transition === 'folded' ? outcome : linkEvent(tx, draft, outcome);
};

/** The unresolved alert of an earlier slot whose session this event continues (its last event recent enough), if any. */
const continuing = async (tx: StoreOps, schoolId: string, draft: AlertDraft, at: number): Promise<AlertRow | undefined> => {
  for (const key of draft.continues?.keys ?? []) {
    const earlier = await tx.findUnresolvedAlert(schoolId, key);
    if (earlier) return at - earlier.lastSeenAt <= draft.continues!.withinMs ? earlier : undefined;
  }
  return undefined;
};

const raise = async (
  tx: StoreOps, device: AlertSubject, draft: AlertDraft, at: number, options: RaiseOptions,
): Promise<{ alert: AlertRow | undefined; transition: Transition }> => {
  const event = alertEventOf(draft, at);
  const live = await tx.findUnresolvedAlert(device.schoolId, draft.dedupKey) ?? await continuing(tx, device.schoolId, draft, at);
  if (live) return repeat(tx, live, draft, at, event, options.countRepeat);

  const latest = await tx.findLatestAlert(device.schoolId, draft.dedupKey);
  if (latest && !isByCollector(latest.resolvedBy)) {
    if (options.reopenAfterManualResolve) {
      const fields: Partial<AlertRow> = {
        status: 'open', resolvedAt: null, resolvedBy: null, acknowledgedAt: null, acknowledgedBy: null, escalatedAt: null,
        title: draft.title, ...kept(draft), severity: draft.severity,
        severityRank: severityRank(draft.severity), lastSeenAt: Math.max(latest.lastSeenAt, at), lastEvent: event,
        occurrences: latest.occurrences + 1,
      };
      if (await tx.updateAlert(latest.id, 'resolved', fields)) {
        const alert = { ...latest, ...fields };
        await notifyAndRecord(tx, alert, at, 'reopened', BY_COLLECTOR.stillFailing);
        return { alert, transition: 'reopened' };
      }
    } else if (options.ongoingSince !== undefined && (latest.resolvedAt ?? 0) >= options.ongoingSince) {
      return { alert: undefined, transition: 'unchanged' };
    }
  }

  if (draft.category === 'misuse' && device.id !== null) {
    const settings = await alertSettingsFor(tx, device.schoolId);
    const opened = await tx.countAlertsOpenedSince(device.id, 'misuse', at - settings.floodWindowMinutes * 60_000);
    if (opened >= settings.floodLimit) {
      const flood = floodDraft({ ...device, id: device.id }, draft, settings.floodLimit, settings.floodWindowMinutes);
      const burst = await tx.findUnresolvedAlert(device.schoolId, flood.dedupKey);
      if (burst) {
        const folded = await repeat(tx, burst, flood, at, alertEventOf(flood, at), true);
        return linkEvent(tx, flood, { alert: folded.alert, transition: 'folded' });
      }
      return linkEvent(tx, flood, await openNew(tx, device, flood, at, alertEventOf(flood, at)));
    }
  }
  return openNew(tx, device, draft, at, event);
};

const openNew = async (
  tx: StoreOps, device: AlertSubject, draft: AlertDraft, at: number, event: AlertEvent,
): Promise<{ alert: AlertRow; transition: Transition }> => {
  const alert = newAlert(device, draft, at, event);
  if (!(await tx.insertAlert(alert))) {
    // Another writer opened the same alert first (a shared store): this one is its repeat.
    const live = await tx.findUnresolvedAlert(device.schoolId, draft.dedupKey);
    if (live) return repeat(tx, live, draft, at, event, true);
    throw new InvigilatorError('STORE_FAILED', `The alert with key ${draft.dedupKey} could neither be opened nor found.`);
  }
  await notifyAndRecord(tx, alert, at, 'opened', 'collector');
  return { alert, transition: 'opened' };
};

/** The device itself shows the problem is gone (a passing check, a silent device reporting again). */
export const resolveByDevice = async (tx: StoreOps, schoolId: string, dedupKey: string, at: number, by: string): Promise<boolean> => {
  const live = await tx.findUnresolvedAlert(schoolId, dedupKey);
  if (!live || !(await tx.updateAlert(live.id, 'unresolved', { status: 'resolved', resolvedAt: at, resolvedBy: by }))) return false;
  await history(tx, live.id, at, 'resolved', by);
  return true;
};

export const MAX_NOTE_LENGTH = 2000;

const checkNote = (note: string | undefined): string | null => {
  const text = (note ?? '').trim();
  if (text.length > MAX_NOTE_LENGTH) throw new InvigilatorError('BAD_REQUEST', `A note is at most ${MAX_NOTE_LENGTH} characters.`);
  return text === '' ? null : text;
};

/** A person acknowledges an open alert ("I am on it"), with an optional note. */
export const acknowledgeAlert = async (tx: StoreOps, alert: AlertRow, at: number, by: string, note?: string): Promise<AlertRow> => {
  const text = checkNote(note);
  if (alert.status === 'resolved') throw new InvigilatorError('ALERT_STATE_CONFLICT', 'It is already resolved.');
  const fields = { status: 'acknowledged' as const, acknowledgedAt: at, acknowledgedBy: by };
  if (alert.status === 'open' && !(await tx.updateAlert(alert.id, 'open', fields))) {
    throw new InvigilatorError('ALERT_STATE_CONFLICT', 'It changed while you acknowledged it; look again.');
  }
  await history(tx, alert.id, at, 'acknowledged', by, text);
  return alert.status === 'open' ? { ...alert, ...fields } : alert;
};

/** A person resolves an alert, with an optional note of what was done. */
export const resolveByPerson = async (tx: StoreOps, alert: AlertRow, at: number, by: string, note?: string): Promise<AlertRow> => {
  const text = checkNote(note);
  if (alert.status === 'resolved') throw new InvigilatorError('ALERT_STATE_CONFLICT', 'It is already resolved.');
  const fields = { status: 'resolved' as const, resolvedAt: at, resolvedBy: by };
  if (!(await tx.updateAlert(alert.id, 'unresolved', fields))) throw new InvigilatorError('ALERT_STATE_CONFLICT', 'It was resolved meanwhile.');
  await history(tx, alert.id, at, 'resolved', by, text);
  return { ...alert, ...fields };
};

/** Critical misuse alerts nobody acknowledged within the school's time go to the next people on the route; returns how many. */
export const escalateUnacknowledged = async (tx: StoreOps, now: number): Promise<number> => {
  let escalated = 0;
  for (const alert of await tx.listAlertsToEscalate('misuse', severityRank('critical'), now)) {
    const { escalateAfterMinutes } = await alertSettingsFor(tx, alert.schoolId);
    if (alert.openedAt > now - escalateAfterMinutes * 60_000) continue;
    // Read again, held until commit: another collector's pass may have escalated or acknowledged it since the list.
    const current = await tx.findUnresolvedAlert(alert.schoolId, alert.dedupKey);
    if (current?.id !== alert.id || current.status !== 'open' || current.escalatedAt !== null) continue;
    if (!(await tx.updateAlert(alert.id, 'open', { escalatedAt: now }))) continue;
    await notifyAndRecord(tx, { ...alert, escalatedAt: now }, now, 'escalated', BY_COLLECTOR.notAcknowledged,
      `Not acknowledged within ${escalateAfterMinutes} minutes.`);
    escalated += 1;
  }
  return escalated;
};
