// Report storage on SQLite: terms, exception reasons (append-only), pack history, events by time.
import type { ExceptionReason, PolicyPackChange, ReportOps } from './report-types.ts';
import { toStoredTerm, TRUST_SCOPE } from './row-shapes.ts';
import type { Row, Statements } from './sqlite-statements.ts';
import type { StoredEvent } from './types.ts';


const EVENT_COLUMNS = `device_id AS deviceId, seq, occurred_at AS occurredAt, received_at AS receivedAt,
  kind, check_name AS checkName, payload`;
const TERM_COLUMNS = `scope, name, start_date AS start, end_date AS "end", holidays, updated_at AS updatedAt, updated_by AS updatedBy`;

const toEvent = (row: Row): StoredEvent => ({ ...(row as unknown as StoredEvent), payload: JSON.parse(String(row.payload)) as StoredEvent['payload'] });


export const createSqliteReportOps = ({ all, run }: Statements): ReportOps => ({
  async listEventsBetween({ deviceId, kind, checkName, from, to }) {
    const rows = checkName === undefined
      ? all(`SELECT ${EVENT_COLUMNS} FROM events WHERE device_id = ? AND kind = ? AND occurred_at >= ? AND occurred_at < ?
        ORDER BY occurred_at, seq`, deviceId, kind, from, to)
      : all(`SELECT ${EVENT_COLUMNS} FROM events WHERE device_id = ? AND check_name = ? AND kind = ?
        AND occurred_at >= ? AND occurred_at < ? ORDER BY occurred_at, seq`, deviceId, checkName, kind, from, to);
    return rows.map(toEvent);
  },
  async listPolicyPackChanges(schoolId) {
    return all(`SELECT school_id AS schoolId, pack_id AS packId, version, name, changed_at AS changedAt
      FROM policy_pack_changes WHERE school_id = ? ORDER BY changed_at, id`, schoolId) as unknown as PolicyPackChange[];
  },

  async putTerm(term) {
    run(`INSERT INTO terms (scope, name, start_date, end_date, holidays, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (scope, name) DO UPDATE SET start_date = excluded.start_date, end_date = excluded.end_date,
        holidays = excluded.holidays, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    term.schoolId ?? TRUST_SCOPE, term.name, term.start, term.end, JSON.stringify(term.holidays), term.updatedAt, term.updatedBy);
  },
  async listTerms({ schoolId }) {
    return (schoolId === undefined
      ? all(`SELECT ${TERM_COLUMNS} FROM terms ORDER BY start_date, scope`)
      : all(`SELECT ${TERM_COLUMNS} FROM terms WHERE scope IN (?, ?) ORDER BY start_date, scope`, TRUST_SCOPE, schoolId)).map(toStoredTerm);
  },

  async appendExceptionReason(reason: ExceptionReason) {
    run(`INSERT INTO firewall_exception_reasons (school_id, rule_key, reason, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?)`,
      reason.schoolId, reason.ruleKey, reason.reason, reason.recordedBy, reason.recordedAt);
  },
  async listExceptionReasons(schoolId) {
    return all(`SELECT school_id AS schoolId, rule_key AS ruleKey, reason, recorded_by AS recordedBy, recorded_at AS recordedAt
      FROM firewall_exception_reasons WHERE school_id = ? ORDER BY id`, schoolId) as unknown as ExceptionReason[];
  },
});
