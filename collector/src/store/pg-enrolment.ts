// Enrolment guards on PostgreSQL.
import { DEFAULT_ENROLMENT_LIMITS, type EnrolmentOps } from './enrolment-types.ts';
import type { PgQueries } from './pg-queries.ts';
import { PG_DEVICE_COLUMNS, toPgDevice } from './pg-rows.ts';

export const createPgEnrolmentOps = ({ one, all, run }: PgQueries): EnrolmentOps => ({
  async getEnrolmentLimits(schoolId) {
    const row = await one('SELECT per_hour AS "perHour", total FROM enrolment_limits WHERE school_id = $1', schoolId);
    return row ? { perHour: Number(row.perHour), total: Number(row.total) } : { ...DEFAULT_ENROLMENT_LIMITS };
  },
  async setEnrolmentLimits(schoolId, { perHour, total }) {
    await run(`INSERT INTO enrolment_limits (school_id, per_hour, total) VALUES ($1, $2, $3)
      ON CONFLICT (school_id) DO UPDATE SET per_hour = excluded.per_hour, total = excluded.total`, schoolId, perHour, total);
  },
  async countEnrolments(schoolId, since) {
    const row = await one(`SELECT
        (SELECT COUNT(*) FROM devices WHERE school_id = $1 AND enrolled_at >= $2) AS "sinceCount",
        (SELECT COUNT(*) FROM devices WHERE school_id = $1 AND revoked_at IS NULL) AS total`, schoolId, since);
    return { since, sinceCount: Number(row?.sinceCount ?? 0), total: Number(row?.total ?? 0) };
  },
  async findDevicesByIdentity(schoolId, hostname, hardwareSerial) {
    return (await all(`SELECT ${PG_DEVICE_COLUMNS} FROM devices WHERE school_id = $1 AND revoked_at IS NULL
        AND (($2 <> '' AND lower(hostname) = lower($2)) OR ($3 <> '' AND hardware_serial = $3))
      ORDER BY enrolled_at, id`, schoolId, hostname, hardwareSerial)).map(toPgDevice);
  },
  async flagDuplicate(id, duplicateOf, reason) {
    await run('UPDATE devices SET duplicate_of = $1, duplicate_reason = $2 WHERE id = $3', duplicateOf, reason, id);
  },
  async getHoldNewDevices(schoolId) {
    return await one('SELECT 1 AS held FROM enrolment_holds WHERE school_id = $1', schoolId) !== undefined;
  },
  async setHoldNewDevices(schoolId, hold) {
    if (hold) await run('INSERT INTO enrolment_holds (school_id) VALUES ($1) ON CONFLICT DO NOTHING', schoolId);
    else await run('DELETE FROM enrolment_holds WHERE school_id = $1', schoolId);
  },
  async approveDevice(id) {
    return await run('UPDATE devices SET held_since = NULL WHERE id = $1 AND held_since IS NOT NULL', id) > 0;
  },
  async confirmDevice(id) {
    return await run('UPDATE devices SET duplicate_of = NULL, duplicate_reason = NULL WHERE id = $1 AND duplicate_of IS NOT NULL', id) > 0;
  },
});
