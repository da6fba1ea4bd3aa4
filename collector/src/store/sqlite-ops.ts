// The Store operations on one node:sqlite connection. Calls are synchronous underneath;
// sqlite.ts serialises them and wraps them in transactions.
import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import { CONNECTOR_SEQ_BASE } from '@invigilator/shared/wire.ts';
import { statementsOf, type Row } from './sqlite-statements.ts';
import { createSqliteEnrolmentOps } from './sqlite-enrolment.ts';
import { createSqlitePeopleOps } from './sqlite-people.ts';
import { createSqliteChromeosOps } from './sqlite-chromeos.ts';
import { createSqliteAlertOps, RESOLVED_ALERTS_DELETE } from './sqlite-alerts.ts';
import { createSqliteDeliveryOps, NOTIFICATIONS_DELETE } from './sqlite-delivery.ts';
import { createSqliteSignInOps } from './sqlite-sign-in.ts';
import { createSqliteTokenOps } from './sqlite-tokens.ts';
import { createSqliteReportOps } from './sqlite-reports.ts';
import { createSqliteDashboardOps } from './sqlite-dashboard.ts';
import { toAuditRow, toBatchDevice } from './row-shapes.ts';
import {
  type AuditEntry,
  type Device, type JsonObject, type NewDevice, type NewEvent, type School, type SchoolFilter, type StoreOps, type StoredEvent, type StoredVerdict,
  type VerdictChange,
} from './types.ts';

const parseJson = (text: SQLInputValue | undefined): JsonObject => JSON.parse(String(text)) as JsonObject;
const placeholders = (count: number): string => Array.from({ length: count }, () => '?').join(', ');

/** The WHERE terms and parameters narrowing a query's `school_id` to a SchoolFilter. */
const schoolTerms = ({ schoolId, schoolIds }: SchoolFilter): { where: string[]; params: SQLInputValue[] } => ({
  where: [
    ...(schoolId === undefined ? [] : ['school_id = ?']),
    ...(schoolIds === undefined ? [] : [`school_id IN (${placeholders(schoolIds.length)})`]),
  ],
  params: [...(schoolId === undefined ? [] : [schoolId]), ...(schoolIds ?? [])],
});
const whereClause = (terms: readonly string[]): string => (terms.length === 0 ? '' : `WHERE ${terms.join(' AND ')}`);

const DEVICE_COLUMNS = `id, school_id AS schoolId, hostname, facts, credential_hash AS credentialHash,
  enrolled_at AS enrolledAt, last_seen_at AS lastSeenAt, revoked_at AS revokedAt,
  duplicate_of AS duplicateOf, duplicate_reason AS duplicateReason, held_since AS heldSince`;
const EVENT_COLUMNS = `device_id AS deviceId, seq, occurred_at AS occurredAt, received_at AS receivedAt,
  kind, check_name AS checkName, payload`;
const VERDICT_COLUMNS = `device_id AS deviceId, check_name AS "check", status, reason_code AS reasonCode,
  reason, clause_id AS clauseId, clause_text AS clauseText, since, evaluated_at AS evaluatedAt, seq`;
const SCHOOL_COLUMNS = 'id, name, enrolment_secret_hash AS enrolmentSecretHash, created_at AS createdAt';
const AUDIT_COLUMNS = `id, at, person_email AS personEmail, token_id AS tokenId, session_id AS sessionId, roles, label,
  action, target, school_id AS schoolId`;

/** The retention deletes by age; exported so a test can check each reaches its rows through an index. */
export const RETENTION_DELETES = {
  // By when the collector received an event, never by the device's own clock, which a pupil can set back.
  events: `DELETE FROM events WHERE kind = ? AND received_at < ?
    AND device_id IN (SELECT id FROM devices WHERE school_id = ?)`,
  resolvedAlerts: RESOLVED_ALERTS_DELETE,
  verdictChanges: `DELETE FROM verdict_changes WHERE changed_at < ?
    AND device_id IN (SELECT id FROM devices WHERE school_id = ?)`,
  notifications: NOTIFICATIONS_DELETE,
  audit: 'DELETE FROM audit_log WHERE school_id = ? AND at < ?',
  // What a person was shown goes with the audit rows that recorded it.
  safeguardingViews: 'DELETE FROM safeguarding_views WHERE school_id = ? AND shown_at < ?',
} as const;

/** Before retention deletes, each device remembers the highest seq going, so a resend of it is still recognised. */
// Only the device's own numbers: a connector's series (above CONNECTOR_SEQ_BASE) must never hide the device's events.
const RETENTION_PRUNED_SEQ = `UPDATE devices SET pruned_seq = MAX(pruned_seq, COALESCE((SELECT MAX(seq) FROM events
    WHERE events.device_id = devices.id AND kind = ?1 AND received_at < ?2 AND seq < ${CONNECTOR_SEQ_BASE}), 0))
  WHERE school_id = ?3`;

const toDevice = (row: Row): Device => ({ ...(row as unknown as Device), facts: parseJson(row.facts) });
const toEvent = (row: Row): StoredEvent => ({ ...(row as unknown as StoredEvent), payload: parseJson(row.payload) });

export const createSqliteOps = (db: DatabaseSync): StoreOps => {
  const statements = statementsOf(db);
  const { one, all, run } = statements;
  // JSON text already encoded arrives as bytes, which the cast stores as the text they are.
  const insertEvent = (event: NewEvent): boolean => run(`INSERT INTO events (device_id, seq, occurred_at, received_at, kind, check_name, payload)
    VALUES (?, ?, ?, ?, ?, ?, CAST(? AS TEXT)) ON CONFLICT (device_id, seq) DO NOTHING`,
  event.deviceId, event.seq, event.occurredAt, event.receivedAt, event.kind, event.checkName,
  typeof event.payload === 'string' || event.payload instanceof Uint8Array ? event.payload : JSON.stringify(event.payload)) === 1;

  const putVerdict = (v: StoredVerdict): void => {
    run(`INSERT INTO verdicts (device_id, check_name, status, reason_code, reason, clause_id, clause_text, since,
        evaluated_at, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (device_id, check_name) DO UPDATE SET status = excluded.status, reason_code = excluded.reason_code,
        reason = excluded.reason, clause_id = excluded.clause_id, clause_text = excluded.clause_text,
        since = excluded.since, evaluated_at = excluded.evaluated_at, seq = excluded.seq`,
    v.deviceId, v.check, v.status, v.reasonCode, v.reason, v.clauseId, v.clauseText, v.since, v.evaluatedAt, v.seq);
  };

  return {
    async ping() {
      one('SELECT 1');
    },

    async createSchool(school: School) {
      run('INSERT INTO schools (id, name, enrolment_secret_hash, created_at) VALUES (?, ?, ?, ?)',
        school.id, school.name, school.enrolmentSecretHash, school.createdAt);
    },
    async getSchool(id) {
      return one(`SELECT ${SCHOOL_COLUMNS} FROM schools WHERE id = ?`, id) as School | undefined;
    },
    async listSchools() {
      return all(`SELECT ${SCHOOL_COLUMNS} FROM schools ORDER BY id`) as unknown as School[];
    },
    async setEnrolmentSecretHash(id, hash) {
      run('UPDATE schools SET enrolment_secret_hash = ? WHERE id = ?', hash, id);
    },
    // A transaction here began with BEGIN IMMEDIATE, which holds the whole database's write lock: reading is locking.
    async lockSchool(id) {
      return one(`SELECT ${SCHOOL_COLUMNS} FROM schools WHERE id = ?`, id) as School | undefined;
    },

    async createDevice(device: NewDevice) {
      run(`INSERT INTO devices (id, school_id, hostname, facts, credential_hash, enrolled_at, last_seen_at, revoked_at,
          hardware_serial, duplicate_of, duplicate_reason, held_since)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, device.id, device.schoolId, device.hostname, JSON.stringify(device.facts),
      device.credentialHash, device.enrolledAt, device.lastSeenAt, device.revokedAt,
      typeof device.facts.hardwareSerial === 'string' ? device.facts.hardwareSerial : '',
      device.duplicateOf ?? null, device.duplicateReason ?? null, device.heldSince ?? null);
    },
    async getDevice(id) {
      const row = one(`SELECT ${DEVICE_COLUMNS} FROM devices WHERE id = ?`, id);
      return row && toDevice(row);
    },
    async listDevices(filter) {
      const { where, params } = schoolTerms(filter);
      if (filter.schoolIds?.length === 0) return [];
      return all(`SELECT ${DEVICE_COLUMNS} FROM devices ${whereClause(where)} ORDER BY hostname, id`, ...params).map(toDevice);
    },
    async lockDevice(id) {
      const row = one(`SELECT ${DEVICE_COLUMNS} FROM devices WHERE id = ?`, id);
      return row && toDevice(row);
    },
    async markDeviceSeen(id, at, facts) {
      // Never lowered: two sources of one device (a Chromebook's connector and extension) report at different times.
      if (facts) {
        run('UPDATE devices SET last_seen_at = max(coalesce(last_seen_at, ?1), ?1), hostname = ?2, facts = ?3, hardware_serial = ?4 WHERE id = ?5',
          at, facts.hostname, JSON.stringify(facts.facts),
          typeof facts.facts.hardwareSerial === 'string' ? facts.facts.hardwareSerial : '', id);
      } else {
        run('UPDATE devices SET last_seen_at = max(coalesce(last_seen_at, ?1), ?1) WHERE id = ?2', at, id);
      }
    },
    async recordHeartbeat(id, at, outboxDepth) {
      // Every SET reads the row as it was, so both backlog columns follow the same comparison.
      return run(`UPDATE devices SET last_seen_at = max(coalesce(last_seen_at, ?1), ?1),
          outbox_depth = CASE WHEN outbox_reported_at IS NULL OR outbox_reported_at <= ?1 THEN ?2 ELSE outbox_depth END,
          outbox_reported_at = CASE WHEN outbox_reported_at IS NULL OR outbox_reported_at <= ?1 THEN ?1 ELSE outbox_reported_at END
        WHERE id = ?3 AND revoked_at IS NULL`, at, outboxDepth, id) === 1;
    },
    async lockDeviceForBatch(id) {
      // A transaction here holds the whole database's write lock: reading is locking.
      const row = one(`SELECT ${DEVICE_COLUMNS}, outbox_id AS outboxId, seq_offset AS seriesOffset, pruned_seq AS prunedSeq,
          (SELECT pack FROM policy_packs WHERE policy_packs.school_id = devices.school_id) AS pack
        FROM devices WHERE id = ?`, id);
      return row && toBatchDevice(row, toDevice);
    },
    async revokeDevice(id, at) {
      return run('UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', at, id) > 0;
    },

    async insertEvent(event) {
      return insertEvent(event);
    },
    async insertEvents(events) {
      return events.map(insertEvent);
    },
    async raiseHighestSeq(deviceId, seq) {
      run('UPDATE devices SET highest_seq = MAX(highest_seq, ?) WHERE id = ?', seq, deviceId);
    },
    async highestSeq(deviceId) {
      return Number(one('SELECT highest_seq AS seq FROM devices WHERE id = ?', deviceId)?.seq ?? 0);
    },
    async getSeqSeries(deviceId) {
      const row = one('SELECT outbox_id AS outboxId, seq_offset AS offset FROM devices WHERE id = ?', deviceId);
      return { outboxId: row?.outboxId === null || row?.outboxId === undefined ? null : String(row.outboxId), offset: Number(row?.offset ?? 0) };
    },
    async setSeqSeries(deviceId, { outboxId, offset }) {
      run('UPDATE devices SET outbox_id = ?, seq_offset = ? WHERE id = ?', outboxId, offset, deviceId);
    },
    async listEvents({ deviceId, kinds, limit, beforeSeq }) {
      if (kinds.length === 0) return [];
      return all(`SELECT ${EVENT_COLUMNS} FROM events WHERE device_id = ? AND kind IN (${placeholders(kinds.length)})
        AND seq < ? ORDER BY seq DESC LIMIT ?`, deviceId, ...kinds, beforeSeq ?? Number.MAX_SAFE_INTEGER, limit)
        .map(toEvent);
    },
    async deleteEventsBefore(schoolId, kind, before) {
      run(RETENTION_PRUNED_SEQ, kind, before, schoolId);
      return run(RETENTION_DELETES.events, kind, before, schoolId);
    },
    async prunedSeq(deviceId) {
      return Number(one('SELECT pruned_seq AS seq FROM devices WHERE id = ?', deviceId)?.seq ?? 0);
    },

    async latestObservations(schoolId) {
      return all(`SELECT ${EVENT_COLUMNS} FROM events WHERE (device_id, seq) IN (
          SELECT e.device_id, MAX(e.seq) FROM events e JOIN devices d ON d.id = e.device_id
          WHERE d.school_id = ? AND e.kind = 'observation' GROUP BY e.device_id, e.check_name)
        ORDER BY device_id, seq`, schoolId).map(toEvent);
    },

    async getVerdict(deviceId, check) {
      return one(`SELECT ${VERDICT_COLUMNS} FROM verdicts WHERE device_id = ? AND check_name = ?`, deviceId, check) as
        StoredVerdict | undefined;
    },
    async listVerdicts(deviceId) {
      return all(`SELECT ${VERDICT_COLUMNS} FROM verdicts WHERE device_id = ? ORDER BY check_name`, deviceId) as
        unknown as StoredVerdict[];
    },
    async listVerdictsOfDevices(deviceIds) {
      const verdicts = new Map<string, StoredVerdict[]>(deviceIds.map((id) => [id, []]));
      if (deviceIds.length === 0) return verdicts;
      // One JSON parameter instead of one placeholder per device: no limit on how many devices are asked for.
      const rows = all(`SELECT ${VERDICT_COLUMNS} FROM verdicts WHERE device_id IN (SELECT value FROM json_each(?))
        ORDER BY device_id, check_name`, JSON.stringify(deviceIds)) as unknown as StoredVerdict[];
      for (const verdict of rows) verdicts.get(verdict.deviceId)?.push(verdict);
      return verdicts;
    },
    async putVerdict(v: StoredVerdict) {
      putVerdict(v);
    },
    async putVerdicts(verdicts) {
      for (const verdict of verdicts) putVerdict(verdict);
    },
    async recordVerdictChange(c: VerdictChange) {
      run(`INSERT INTO verdict_changes (device_id, check_name, from_status, to_status, reason_code, reason, clause_id,
          changed_at, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      c.deviceId, c.check, c.fromStatus, c.toStatus, c.reasonCode, c.reason, c.clauseId, c.changedAt, c.seq);
    },
    async listVerdictChanges(deviceId) {
      return all(`SELECT device_id AS deviceId, check_name AS "check", from_status AS fromStatus,
          to_status AS toStatus, reason_code AS reasonCode, reason, clause_id AS clauseId, changed_at AS changedAt, seq
        FROM verdict_changes WHERE device_id = ? ORDER BY id`, deviceId) as unknown as VerdictChange[];
    },
    async deleteVerdictChangesBefore(schoolId, before) {
      return run(RETENTION_DELETES.verdictChanges, before, schoolId);
    },

    async appendAudit(e: AuditEntry) {
      run(`INSERT INTO audit_log (at, person_email, token_id, session_id, roles, label, action, target, school_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, e.at, e.personEmail, e.tokenId, e.sessionId, JSON.stringify(e.roles), e.label,
      e.action, e.target, e.schoolId);
    },
    async listAudit({ limit, ...schools }) {
      if (schools.schoolIds?.length === 0) return [];
      const { where, params } = schoolTerms(schools);
      return all(`SELECT ${AUDIT_COLUMNS} FROM audit_log ${whereClause(where)} ORDER BY id DESC LIMIT ?`, ...params, limit)
        .map(toAuditRow);
    },
    async deleteAuditBefore(schoolId, before) {
      run(RETENTION_DELETES.safeguardingViews, schoolId, before);
      return run(RETENTION_DELETES.audit, schoolId, before);
    },

    async getPolicyPack(schoolId) {
      const row = one('SELECT pack FROM policy_packs WHERE school_id = ?', schoolId);
      return row ? JSON.parse(String(row.pack)) as unknown : undefined;
    },
    async putPolicyPack(schoolId, pack, at) {
      run(`INSERT INTO policy_packs (school_id, pack, updated_at) VALUES (?, ?, ?)
        ON CONFLICT (school_id) DO UPDATE SET pack = excluded.pack, updated_at = excluded.updated_at`,
      schoolId, JSON.stringify(pack), at);
      const { id, version, name } = (pack ?? {}) as Record<string, unknown>;
      run(`INSERT INTO policy_pack_changes (school_id, pack_id, version, name, changed_at) VALUES (?, ?, ?, ?, ?)`,
        schoolId, String(id ?? ''), String(version ?? ''), String(name ?? ''), at);
    },

    ...createSqlitePeopleOps(statements),
    ...createSqliteChromeosOps(statements),
    ...createSqliteAlertOps(statements),
    ...createSqliteDeliveryOps(statements),
    ...createSqliteEnrolmentOps(statements, DEVICE_COLUMNS, toDevice),
    ...createSqliteTokenOps(statements),
    ...createSqliteSignInOps(statements),
    ...createSqliteReportOps(statements),
    ...createSqliteDashboardOps(statements, {
      deviceColumns: DEVICE_COLUMNS, toDevice, eventColumns: EVENT_COLUMNS, toEvent, auditColumns: AUDIT_COLUMNS,
    }),
  };
};
