// Alerts on PostgreSQL. No transition rules here (alerts/lifecycle.ts has them): the partial unique index
// keeps one unresolved alert per dedup key whatever the interleaving, updates compare the status they
// expect, and the unresolved alert a transaction reads stays locked until it ends, so repeats all count.
import type { AlertHistoryEntry, AlertOps, AlertRow } from './alerts-types.ts';
import { selectList, type PgParam, type PgQueries, type PgRow } from './pg-queries.ts';
import { alertColumnValue, alertInsertValues, toAlertRow } from './row-shapes.ts';
import { ALERT_CATEGORIES, type AlertCategory } from './types.ts';

const FIELDS = `id school_id device_id category severity severity_rank dedup_key status title summary check_name=check clause_id
  clause_text detail occurrences opened_at last_seen_at acknowledged_at acknowledged_by resolved_at resolved_by escalated_at
  first_event last_event`;
export const ALERT_COLUMNS = selectList(FIELDS);

/** Field name → column, for updates. */
const COLUMN_OF: Record<string, string> = Object.fromEntries(FIELDS.trim().split(/\s+/).map((spec) => {
  const [column = '', field] = spec.split('=');
  return [field ?? column.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase()), column];
}));
const toAlert = (row: PgRow): AlertRow => toAlertRow(row);
const toColumnValue = (field: string, value: unknown): PgParam => alertColumnValue(field, value) as PgParam;

export const createPgAlertOps = ({ one, all, run }: PgQueries): AlertOps => ({
  async insertAlert(a) {
    return await run(`INSERT INTO alerts (id, school_id, device_id, category, severity, severity_rank, dedup_key, status, title, summary,
        check_name, clause_id, clause_text, detail, occurrences, opened_at, last_seen_at, acknowledged_at, acknowledged_by,
        resolved_at, resolved_by, escalated_at, first_event, last_event)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24)
      ON CONFLICT (school_id, dedup_key) WHERE status <> 'resolved' DO NOTHING`,
    ...alertInsertValues(a) as PgParam[]) === 1;
  },
  async findUnresolvedAlert(schoolId, dedupKey) {
    // Locked until the transaction ends: a concurrent repeat waits, then reads what this one wrote.
    const row = await one(`SELECT ${ALERT_COLUMNS} FROM alerts WHERE school_id = $1 AND dedup_key = $2 AND status <> 'resolved'
      FOR NO KEY UPDATE`, schoolId, dedupKey);
    return row && toAlert(row);
  },
  async findLatestAlert(schoolId, dedupKey) {
    const row = await one(`SELECT ${ALERT_COLUMNS} FROM alerts WHERE school_id = $1 AND dedup_key = $2
      ORDER BY opened_at DESC, created_order DESC LIMIT 1`, schoolId, dedupKey);
    return row && toAlert(row);
  },
  async updateAlert(id, expected, fields) {
    const entries = Object.entries(fields).filter(([field]) => COLUMN_OF[field] !== undefined);
    if (entries.length === 0) return false;
    const sets = entries.map(([field], index) => `${COLUMN_OF[field]} = $${index + 1}`).join(', ');
    const params = entries.map(([field, value]) => toColumnValue(field, value));
    const guard = expected === 'unresolved' ? `status <> 'resolved'` : `status = $${entries.length + 2}`;
    return await run(`UPDATE alerts SET ${sets} WHERE id = $${entries.length + 1} AND ${guard}`,
      ...params, id, ...(expected === 'unresolved' ? [] : [expected])) === 1;
  },
  async getAlert(id) {
    const row = await one(`SELECT ${ALERT_COLUMNS} FROM alerts WHERE id = $1`, id);
    return row && toAlert(row);
  },
  async listAlerts({ schoolId, schoolIds, categories, statuses, deviceId, severities, after, limit }) {
    if (categories.length === 0 || statuses?.length === 0 || severities?.length === 0 || schoolIds?.length === 0) return [];
    return (await all(`SELECT ${ALERT_COLUMNS} FROM alerts WHERE category = ANY($1::text[])
        AND ($2::text[] IS NULL OR status = ANY($2::text[])) AND ($3::text[] IS NULL OR severity = ANY($3::text[]))
        AND ($4::text IS NULL OR school_id = $4) AND ($5::text[] IS NULL OR school_id = ANY($5::text[]))
        AND ($6::text IS NULL OR device_id = $6)
        AND ($7::integer IS NULL OR severity_rank < $7 OR (severity_rank = $7 AND (last_seen_at < $8 OR (last_seen_at = $8 AND id > $9))))
      ORDER BY severity_rank DESC, last_seen_at DESC, id LIMIT $10`,
    categories, statuses ?? null, severities ?? null, schoolId ?? null, schoolIds ?? null, deviceId ?? null,
    after?.severityRank ?? null, after?.lastSeenAt ?? null, after?.id ?? null, limit)).map(toAlert);
  },
  async countAlertsOpenedSince(deviceId, category, since) {
    return Number((await one('SELECT COUNT(*) AS n FROM alerts WHERE device_id = $1 AND category = $2 AND opened_at >= $3',
      deviceId, category, since))?.n ?? 0);
  },
  async listAlertsToEscalate(category, minRank, before) {
    return (await all(`SELECT ${ALERT_COLUMNS} FROM alerts WHERE status = 'open' AND category = $1 AND severity_rank >= $2
      AND escalated_at IS NULL AND opened_at < $3 ORDER BY opened_at`, category, minRank, before)).map(toAlert);
  },
  async appendAlertHistory(entry: AlertHistoryEntry) {
    await run('INSERT INTO alert_history (alert_id, at, action, by, note) VALUES ($1, $2, $3, $4, $5)',
      entry.alertId, entry.at, entry.action, entry.by, entry.note);
  },
  async listAlertHistory(alertId) {
    return await all('SELECT alert_id AS "alertId", at, action, by, note FROM alert_history WHERE alert_id = $1 ORDER BY id', alertId) as
      unknown as AlertHistoryEntry[];
  },
  async countUnresolvedAlertsByCategory() {
    const counts = Object.fromEntries(ALERT_CATEGORIES.map((c) => [c, 0])) as Record<AlertCategory, number>;
    for (const row of await all(`SELECT category, COUNT(*) AS n FROM alerts WHERE status <> 'resolved' GROUP BY category`)) {
      counts[row.category as AlertCategory] = Number(row.n);
    }
    return counts;
  },
  async deleteResolvedAlertsBefore(schoolId, before) {
    return run(`DELETE FROM alerts WHERE school_id = $1 AND status = 'resolved' AND resolved_at < $2`, schoolId, before);
  },
});
