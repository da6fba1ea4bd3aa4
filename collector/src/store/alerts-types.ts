// Storage contract for alerts: rows and their history. Which transition is allowed lives in
// alerts/lifecycle.ts; these only store, guarded by constraints that hold under concurrency.
import type { AlertCategory, AlertStatus, JsonObject } from './types.ts';

/** One event that raised or repeated an alert, as shown to those who may see the alert. */
export interface AlertEvent { at: number; summary: string; detail: JsonObject; /** The stored event it was, for a misuse alert. */ seq?: number }

export interface AlertRow {
  id: string;
  schoolId: string;
  deviceId: string | null;
  category: AlertCategory;
  severity: string;
  /** Higher is more urgent; lists are ordered by it. */
  severityRank: number;
  dedupKey: string;
  status: AlertStatus;
  title: string;
  summary: string;
  check: string | null;
  clauseId: string;
  clauseText: string;
  detail: JsonObject;
  occurrences: number;
  openedAt: number;
  lastSeenAt: number;
  acknowledgedAt: number | null;
  acknowledgedBy: string | null;
  resolvedAt: number | null;
  resolvedBy: string | null;
  escalatedAt: number | null;
  firstEvent: AlertEvent | null;
  lastEvent: AlertEvent | null;
}
export type Alert = AlertRow;

export interface AlertHistoryEntry {
  alertId: string;
  at: number;
  action: 'opened' | 'reopened' | 'severity-raised' | 'escalated' | 'acknowledged' | 'resolved' | 'folded';
  by: string;
  note: string | null;
}

/** Where a page of a list starts: after this alert in (severity rank, last seen, id) order. */
export interface AlertCursor { severityRank: number; lastSeenAt: number; id: string }

export interface AlertQuery {
  schoolId?: string;
  /** Only these schools' alerts (with schoolId too: both must hold). */
  schoolIds?: readonly string[];
  categories: readonly AlertCategory[];
  statuses?: readonly AlertStatus[];
  deviceId?: string;
  severities?: readonly string[];
  after?: AlertCursor;
  limit: number;
}

export interface AlertOps {
  /** Stores a new alert unless one with its (school, dedup key) is unresolved; true when stored. */
  insertAlert(alert: AlertRow): Promise<boolean>;
  /** The unresolved alert with this dedup key, if any. */
  findUnresolvedAlert(schoolId: string, dedupKey: string): Promise<AlertRow | undefined>;
  /** The newest alert with this dedup key, resolved or not. */
  findLatestAlert(schoolId: string, dedupKey: string): Promise<AlertRow | undefined>;
  /**
   * Writes these fields when the alert's status is still `expected` (compare and set: a concurrent change
   * wins and this returns false).
   */
  updateAlert(id: string, expected: AlertStatus | 'unresolved', fields: Partial<Omit<AlertRow, 'id' | 'schoolId' | 'dedupKey'>>): Promise<boolean>;
  getAlert(id: string): Promise<AlertRow | undefined>;
  /** Ordered by severity rank, then last seen (newest first), then id. */
  listAlerts(query: AlertQuery): Promise<AlertRow[]>;
  /** Alerts of this category the device opened since `since` (flood control). */
  countAlertsOpenedSince(deviceId: string, category: AlertCategory, since: number): Promise<number>;
  /** Open alerts of this category opened before `before` and never escalated, severity rank at least `minRank`. */
  listAlertsToEscalate(category: AlertCategory, minRank: number, before: number): Promise<AlertRow[]>;
  appendAlertHistory(entry: AlertHistoryEntry): Promise<void>;
  listAlertHistory(alertId: string): Promise<AlertHistoryEntry[]>;
  countUnresolvedAlertsByCategory(): Promise<Record<AlertCategory, number>>;
  /** Deletes the school's alerts resolved before `before` (open and acknowledged ones stay); returns how many went. */
  deleteResolvedAlertsBefore(schoolId: string, before: number): Promise<number>;
}
