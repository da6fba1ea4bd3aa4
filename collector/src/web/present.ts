// API shapes: ISO times, no hashes.
import type { AlertEvent, AlertHistoryEntry } from '../store/alerts-types.ts';
import type { Alert, Device, StoredEvent, StoredVerdict } from '../store/types.ts';

export const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export const presentVerdict = (v: StoredVerdict) => ({
  status: v.status, reasonCode: v.reasonCode, reason: v.reason,
  clause: { id: v.clauseId, text: v.clauseText }, since: iso(v.since), evaluatedAt: iso(v.evaluatedAt),
});

/** Set when the device enrolled with the host name or hardware serial of a device already enrolled, until an admin confirms it. */
export const presentDuplicate = (device: Pick<Device, 'duplicateOf' | 'duplicateReason'> | undefined) =>
  device?.duplicateOf ? { duplicateOf: device.duplicateOf, reason: device.duplicateReason } : null;

export const presentDevice = (device: Device, verdicts: StoredVerdict[]) => ({
  id: device.id,
  schoolId: device.schoolId,
  hostname: device.hostname,
  suspectDuplicate: presentDuplicate(device),
  awaitingApprovalSince: iso(device.heldSince),
  facts: device.facts,
  enrolledAt: iso(device.enrolledAt),
  lastSeenAt: iso(device.lastSeenAt),
  revokedAt: iso(device.revokedAt),
  checks: Object.fromEntries(verdicts.map((v) => [v.check, presentVerdict(v)])),
});

export const presentEvent = (event: StoredEvent) => ({
  seq: event.seq, kind: event.kind, check: event.checkName,
  occurredAt: iso(event.occurredAt), receivedAt: iso(event.receivedAt), payload: event.payload,
});

/** `device` is the alert's device, when it has one: a device flagged as a possible duplicate is shown so beside the alert. */
export const presentAlert = (alert: Alert, device?: Pick<Device, 'duplicateOf' | 'duplicateReason'>) => ({
  id: alert.id, schoolId: alert.schoolId, deviceId: alert.deviceId,
  hostname: typeof alert.detail.hostname === 'string' ? alert.detail.hostname : null, deviceSuspectDuplicate: presentDuplicate(device),
  category: alert.category,
  severity: alert.severity, status: alert.status, title: alert.title, summary: alert.summary, check: alert.check,
  clause: { id: alert.clauseId, text: alert.clauseText }, detail: alert.detail, occurrences: alert.occurrences,
  openedAt: iso(alert.openedAt), lastSeenAt: iso(alert.lastSeenAt),
  acknowledgedAt: iso(alert.acknowledgedAt), acknowledgedBy: alert.acknowledgedBy,
  resolvedAt: iso(alert.resolvedAt), resolvedBy: alert.resolvedBy, escalatedAt: iso(alert.escalatedAt),
  firstEvent: presentAlertEvent(alert.firstEvent), lastEvent: presentAlertEvent(alert.lastEvent),
});

const presentAlertEvent = (event: AlertEvent | null) => (event ? { at: iso(event.at), summary: event.summary, detail: event.detail } : null);

export const presentAlertHistory = (entry: AlertHistoryEntry) => ({ at: iso(entry.at), action: entry.action, by: entry.by, note: entry.note });
