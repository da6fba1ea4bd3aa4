// Enrolment guards on SQLite.
import { DEFAULT_ENROLMENT_LIMITS, type EnrolmentOps } from './enrolment-types.ts';
import type { Row, Statements } from './sqlite-statements.ts';
import type { Device } from './types.ts';

export const createSqliteEnrolmentOps = ({ one, all, run }: Statements, deviceColumns: string, toDevice: (row: Row) => Device): EnrolmentOps => ({
  async getEnrolmentLimits(schoolId) {
    const row = one('SELECT per_hour AS perHour, total FROM enrolment_limits WHERE school_id = ?', schoolId);
    return row ? { perHour: Number(row.perHour), total: Number(row.total) } : { ...DEFAULT_ENROLMENT_LIMITS };
  },
  async setEnrolmentLimits(schoolId, { perHour, total }) {
    run(`INSERT INTO enrolment_limits (school_id, per_hour, total) VALUES (?, ?, ?)
      ON CONFLICT (school_id) DO UPDATE SET per_hour = excluded.per_hour, total = excluded.total`, schoolId, perHour, total);
  },
  async countEnrolments(schoolId, since) {
    const row = one(`SELECT
        (SELECT COUNT(*) FROM devices WHERE school_id = ?1 AND enrolled_at >= ?2) AS sinceCount,
        (SELECT COUNT(*) FROM devices WHERE school_id = ?1 AND revoked_at IS NULL) AS total`, schoolId, since);
    return { since, sinceCount: Number(row?.sinceCount ?? 0), total: Number(row?.total ?? 0) };
  },
  async findDevicesByIdentity(schoolId, hostname, hardwareSerial) {
    return all(`SELECT ${deviceColumns} FROM devices WHERE school_id = ?1 AND revoked_at IS NULL
        AND ((?2 <> '' AND hostname = ?2 COLLATE NOCASE) OR (?3 <> '' AND hardware_serial = ?3))
      ORDER BY enrolled_at, id`, schoolId, hostname, hardwareSerial).map(toDevice);
  },
  async flagDuplicate(id, duplicateOf, reason) {
    run('UPDATE devices SET duplicate_of = ?, duplicate_reason = ? WHERE id = ?', duplicateOf, reason, id);
  },
  async getHoldNewDevices(schoolId) {
    return one('SELECT 1 AS held FROM enrolment_holds WHERE school_id = ?', schoolId) !== undefined;
  },
  async setHoldNewDevices(schoolId, hold) {
    if (hold) run('INSERT INTO enrolment_holds (school_id) VALUES (?) ON CONFLICT DO NOTHING', schoolId);
    else run('DELETE FROM enrolment_holds WHERE school_id = ?', schoolId);
  },
  async approveDevice(id) {
    return run('UPDATE devices SET held_since = NULL WHERE id = ? AND held_since IS NOT NULL', id) > 0;
  },
  async confirmDevice(id) {
    return run('UPDATE devices SET duplicate_of = NULL, duplicate_reason = NULL WHERE id = ? AND duplicate_of IS NOT NULL', id) > 0;
  },
});
