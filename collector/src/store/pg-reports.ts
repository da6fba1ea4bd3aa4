// Report storage on PostgreSQL: terms, exception reasons (append-only), pack history, events by time.
import { PG_EVENT_COLUMNS, toPgEvent } from './pg-rows.ts';
import { selectList, type PgQueries } from './pg-queries.ts';
import { toStoredTerm, TRUST_SCOPE } from './row-shapes.ts';
import type { ExceptionReason, PolicyPackChange, ReportOps } from './report-types.ts';

const TERM_COLUMNS = selectList('scope name start_date=start end_date=end holidays updated_at updated_by');


export const createPgReportOps = ({ all, run }: PgQueries): ReportOps => ({
  async listEventsBetween({ deviceId, kind, checkName, from, to }) {
    return (await all(`SELECT ${PG_EVENT_COLUMNS} FROM events WHERE device_id = $1 AND kind = $2
      AND ($3::text IS NULL OR check_name = $3) AND occurred_at >= $4 AND occurred_at < $5 ORDER BY occurred_at, seq`,
    deviceId, kind, checkName ?? null, from, to)).map(toPgEvent);
  },
  async listPolicyPackChanges(schoolId) {
    return await all(`SELECT ${selectList('school_id pack_id version name changed_at')}
      FROM policy_pack_changes WHERE school_id = $1 ORDER BY changed_at, id`, schoolId) as unknown as PolicyPackChange[];
  },

  async putTerm(term) {
    await run(`INSERT INTO terms (scope, name, start_date, end_date, holidays, updated_at, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $7)
      ON CONFLICT (scope, name) DO UPDATE SET start_date = excluded.start_date, end_date = excluded.end_date,
        holidays = excluded.holidays, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    term.schoolId ?? TRUST_SCOPE, term.name, term.start, term.end, JSON.stringify(term.holidays), term.updatedAt, term.updatedBy);
  },
  async listTerms({ schoolId }) {
    return (await all(`SELECT ${TERM_COLUMNS} FROM terms WHERE $1::text IS NULL OR scope IN ($2, $1)
      ORDER BY start_date, scope`, schoolId ?? null, TRUST_SCOPE)).map(toStoredTerm);
  },

  async appendExceptionReason(reason: ExceptionReason) {
    await run(`INSERT INTO firewall_exception_reasons (school_id, rule_key, reason, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5)`,
      reason.schoolId, reason.ruleKey, reason.reason, reason.recordedBy, reason.recordedAt);
  },
  async listExceptionReasons(schoolId) {
    return await all(`SELECT ${selectList('school_id rule_key reason recorded_by recorded_at')}
      FROM firewall_exception_reasons WHERE school_id = $1 ORDER BY id`, schoolId) as unknown as ExceptionReason[];
  },
});
