// Alerts on SQLite. No transition rules here (alerts/lifecycle.ts has them): the partial unique index
// keeps one unresolved alert per dedup key, and updates compare the status they expect.
import type { SQLInputValue } from 'node:sqlite';
import type { AlertCursor, AlertHistoryEntry, AlertOps, AlertRow } from './alerts-types.ts';
import { alertColumnValue, alertInsertValues, toAlertRow } from './row-shapes.ts';
import type { Row, Statements } from './sqlite-statements.ts';
import { ALERT_CATEGORIES, type AlertCategory } from './types.ts';

const ALERT_COLUMNS = `id, school_id AS schoolId, device_id AS deviceId, category, severity, severity_rank AS severityRank,
  dedup_key AS dedupKey, status, title, summary, check_name AS "check", clause_id AS clauseId,
  clause_text AS clauseText, detail, occurrences, opened_at AS openedAt, last_seen_at AS lastSeenAt,
  acknowledged_at AS acknowledgedAt, acknowledged_by AS acknowledgedBy, resolved_at AS resolvedAt,
  resolved_by AS resolvedBy, escalated_at AS escalatedAt, first_event AS firstEvent, last_event AS lastEvent`;

/** Field name → column, for updates; JSON fields are written as text. */
const COLUMN_OF: Record<string, string> = {
  deviceId: 'device_id', category: 'category', severity: 'severity', severityRank: 'severity_rank', status: 'status',
  title: 'title', summary: 'summary', check: 'check_name', clauseId: 'clause_id', clauseText: 'clause_text',
  detail: 'detail', occurrences: 'occurrences', openedAt: 'opened_at', lastSeenAt: 'last_seen_at',
  acknowledgedAt: 'acknowledged_at', acknowledgedBy: 'acknowledged_by', resolvedAt: 'resolved_at',
  resolvedBy: 'resolved_by', escalatedAt: 'escalated_at', firstEvent: 'first_event', lastEvent: 'last_event',
};
const placeholders = (count: number): string => Array.from({ length: count }, () => '?').join(', ');
const toAlert = (row: Row): AlertRow => toAlertRow(row);
const toColumnValue = (field: string, value: unknown): SQLInputValue => alertColumnValue(field, value) as SQLInputValue;

export const RESOLVED_ALERTS_DELETE = `DELETE FROM alerts WHERE school_id = ? AND status = 'resolved' AND resolved_at < ?`;

const afterCursor = (cursor: AlertCursor): { sql: string; params: SQLInputValue[] } => ({
  sql: '(severity_rank < ? OR (severity_rank = ? AND (last_seen_at < ? OR (last_seen_at = ? AND id > ?))))',
  params: [cursor.severityRank, cursor.severityRank, cursor.lastSeenAt, cursor.lastSeenAt, cursor.id],
});

export const createSqliteAlertOps = ({ one, all, run }: Statements): AlertOps => ({
  async insertAlert(a) {
    return run(`INSERT INTO alerts (id, school_id, device_id, category, severity, severity_rank, dedup_key, status, title, summary,
        check_name, clause_id, clause_text, detail, occurrences, opened_at, last_seen_at, acknowledged_at, acknowledged_by,
        resolved_at, resolved_by, escalated_at, first_event, last_event)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (school_id, dedup_key) WHERE status <> 'resolved' DO NOTHING`,
    ...alertInsertValues(a) as SQLInputValue[]) === 1;
  },
  async findUnresolvedAlert(schoolId, dedupKey) {
    const row = one(`SELECT ${ALERT_COLUMNS} FROM alerts WHERE school_id = ? AND dedup_key = ? AND status <> 'resolved'`, schoolId, dedupKey);
    return row && toAlert(row);
  },
  async findLatestAlert(schoolId, dedupKey) {
    const row = one(`SELECT ${ALERT_COLUMNS} FROM alerts WHERE school_id = ? AND dedup_key = ?
      ORDER BY opened_at DESC, rowid DESC LIMIT 1`, schoolId, dedupKey);
    return row && toAlert(row);
  },
  async updateAlert(id, expected, fields) {
    const entries = Object.entries(fields).filter(([field]) => COLUMN_OF[field] !== undefined);
    if (entries.length === 0) return false;
    const sets = entries.map(([field]) => `${COLUMN_OF[field]} = ?`).join(', ');
    const guard = expected === 'unresolved' ? `status <> 'resolved'` : 'status = ?';
    const params = entries.map(([field, value]) => toColumnValue(field, value));
    return run(`UPDATE alerts SET ${sets} WHERE id = ? AND ${guard}`, ...params, id, ...(expected === 'unresolved' ? [] : [expected])) === 1;
  },
  async getAlert(id) {
    const row = one(`SELECT ${ALERT_COLUMNS} FROM alerts WHERE id = ?`, id);
    return row && toAlert(row);
  },
  async listAlerts({ schoolId, schoolIds, categories, statuses, deviceId, severities, after, limit }) {
    if (categories.length === 0 || statuses?.length === 0 || severities?.length === 0 || schoolIds?.length === 0) return [];
    const where = [`category IN (${placeholders(categories.length)})`];
    const params: SQLInputValue[] = [...categories];
    const add = (sql: string, ...values: SQLInputValue[]): void => { where.push(sql); params.push(...values); };
    if (statuses) add(`status IN (${placeholders(statuses.length)})`, ...statuses);
    if (severities) add(`severity IN (${placeholders(severities.length)})`, ...severities);
    if (schoolId !== undefined) add('school_id = ?', schoolId);
    if (schoolIds !== undefined) add(`school_id IN (${placeholders(schoolIds.length)})`, ...schoolIds);
    if (deviceId !== undefined) add('device_id = ?', deviceId);
    if (after) {
      const cursor = afterCursor(after);
      add(cursor.sql, ...cursor.params);
    }
    return all(`SELECT ${ALERT_COLUMNS} FROM alerts WHERE ${where.join(' AND ')}
      ORDER BY severity_rank DESC, last_seen_at DESC, id LIMIT ?`, ...params, limit).map(toAlert);
  },
  async countAlertsOpenedSince(deviceId, category, since) {
    return Number(one('SELECT COUNT(*) AS n FROM alerts WHERE device_id = ? AND category = ? AND opened_at >= ?',
      deviceId, category, since)?.n ?? 0);
  },
  async listAlertsToEscalate(category, minRank, before) {
    return all(`SELECT ${ALERT_COLUMNS} FROM alerts WHERE status = 'open' AND category = ? AND severity_rank >= ?
      AND escalated_at IS NULL AND opened_at < ? ORDER BY opened_at`, category, minRank, before).map(toAlert);
  },
  async appendAlertHistory(entry: AlertHistoryEntry) {
    run('INSERT INTO alert_history (alert_id, at, action, by, note) VALUES (?, ?, ?, ?, ?)',
      entry.alertId, entry.at, entry.action, entry.by, entry.note);
  },
  async listAlertHistory(alertId) {
    return all('SELECT alert_id AS alertId, at, action, by, note FROM alert_history WHERE alert_id = ? ORDER BY id', alertId) as
      unknown as AlertHistoryEntry[];
  },
  async countUnresolvedAlertsByCategory() {
    const counts = Object.fromEntries(ALERT_CATEGORIES.map((c) => [c, 0])) as Record<AlertCategory, number>;
    for (const row of all(`SELECT category, COUNT(*) AS n FROM alerts WHERE status <> 'resolved' GROUP BY category`)) {
      counts[row.category as AlertCategory] = Number(row.n);
    }
    return counts;
  },
  async deleteResolvedAlertsBefore(schoolId, before) {
    return run(RESOLVED_ALERTS_DELETE, schoolId, before);
  },
});
