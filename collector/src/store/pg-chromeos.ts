// The Google Admin connector's rows on PostgreSQL.
import type { ChromeosConnection, ChromeosDeviceRow, ChromeosOps } from './chromeos-types.ts';
import { selectList, type PgQueries, type PgRow } from './pg-queries.ts';
import type { JsonObject } from './types.ts';

const CONNECTION_COLUMNS = `${selectList(`school_id customer_id service_account_file admin_email org_unit_path api_base connected_at
  last_sync_at last_full_sync_at last_error_code last_error last_error_at telemetry_read_until`, 'c.')},
  (SELECT count(*) FROM chromeos_devices d WHERE d.school_id = c.school_id AND d.record <> '{}') AS "deviceCount"`;
const DEVICE_COLUMNS = selectList('school_id directory_device_id record read_at device_id connector_seq');

const toDeviceRow = (row: PgRow): ChromeosDeviceRow => ({ ...(row as unknown as ChromeosDeviceRow), record: JSON.parse(String(row.record)) as JsonObject });
const toConnection = (row: PgRow): ChromeosConnection => ({ ...(row as unknown as ChromeosConnection), deviceCount: Number(row.deviceCount) });

export const createPgChromeosOps = ({ one, all, run }: PgQueries): ChromeosOps => ({
  async putChromeosSettings(s) {
    await run(`INSERT INTO chromeos_connections (school_id, customer_id, service_account_file, admin_email, org_unit_path, api_base, connected_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7)
      ON CONFLICT (school_id) DO UPDATE SET customer_id = excluded.customer_id, service_account_file = excluded.service_account_file,
        admin_email = excluded.admin_email, org_unit_path = excluded.org_unit_path, api_base = excluded.api_base,
        connected_at = excluded.connected_at, last_sync_at = NULL, last_full_sync_at = NULL,
        last_error_code = NULL, last_error = NULL, last_error_at = NULL, telemetry_read_until = NULL`,
    s.schoolId, s.customerId, s.serviceAccountFile, s.adminEmail, s.orgUnitPath, s.apiBase, s.connectedAt);
  },
  async getChromeosConnection(schoolId) {
    const row = await one(`SELECT ${CONNECTION_COLUMNS} FROM chromeos_connections c WHERE c.school_id = $1`, schoolId);
    return row && toConnection(row);
  },
  async listChromeosConnections() {
    return (await all(`SELECT ${CONNECTION_COLUMNS} FROM chromeos_connections c ORDER BY c.school_id`)).map(toConnection);
  },
  async recordChromeosSyncDone(schoolId, at, full) {
    await run(`UPDATE chromeos_connections SET last_sync_at = $1, last_full_sync_at = CASE WHEN $2::boolean THEN $1 ELSE last_full_sync_at END,
      last_error_code = NULL, last_error = NULL, last_error_at = NULL WHERE school_id = $3`, at, full, schoolId);
  },
  async recordChromeosSyncFailed(schoolId, at, code, message) {
    await run('UPDATE chromeos_connections SET last_error_code = $1, last_error = $2, last_error_at = $3 WHERE school_id = $4',
      code, message, at, schoolId);
  },
  async recordChromeosTelemetryRead(schoolId, until) {
    await run('UPDATE chromeos_connections SET telemetry_read_until = GREATEST(COALESCE(telemetry_read_until, 0), $1) WHERE school_id = $2',
      until, schoolId);
  },
  async upsertChromeosDevices(rows) {
    if (rows.length === 0) return;
    await run(`INSERT INTO chromeos_devices (school_id, directory_device_id, record, read_at)
      SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[])
      ON CONFLICT (school_id, directory_device_id) DO UPDATE SET record = excluded.record, read_at = excluded.read_at`,
    rows.map((r) => r.schoolId), rows.map((r) => r.directoryDeviceId), rows.map((r) => JSON.stringify(r.record)), rows.map((r) => r.readAt));
  },
  async listChromeosDevices(schoolId) {
    return (await all(`SELECT ${DEVICE_COLUMNS} FROM chromeos_devices WHERE school_id = $1 ORDER BY directory_device_id`, schoolId)).map(toDeviceRow);
  },
  async getChromeosDevice(schoolId, directoryDeviceId) {
    const row = await one(`SELECT ${DEVICE_COLUMNS} FROM chromeos_devices WHERE school_id = $1 AND directory_device_id = $2`, schoolId, directoryDeviceId);
    return row && toDeviceRow(row);
  },
  async linkChromeosDevice(schoolId, directoryDeviceId, deviceId, at) {
    await run(`INSERT INTO chromeos_devices (school_id, directory_device_id, record, read_at, device_id) VALUES ($1, $2, '{}', $3, $4)
      ON CONFLICT (school_id, directory_device_id) DO UPDATE SET device_id = COALESCE(chromeos_devices.device_id, excluded.device_id)`,
    schoolId, directoryDeviceId, at, deviceId);
  },
  async setChromebookCredential(deviceId, credentialHash, seen, at) {
    await run(`UPDATE devices SET credential_hash = $1, hostname = $2, facts = $3, last_seen_at = GREATEST(COALESCE(last_seen_at, $4), $4)
      WHERE id = $5`, credentialHash, seen.hostname, JSON.stringify(seen.facts), at, deviceId);
  },
  async takeConnectorSeqs(schoolId, directoryDeviceId, count, base) {
    // One statement: two syncs at once cannot take the same numbers (the second waits for the first's row).
    const row = await one(`UPDATE chromeos_devices SET connector_seq = GREATEST(connector_seq, $1) + $2
      WHERE school_id = $3 AND directory_device_id = $4 RETURNING connector_seq AS last`, base, count, schoolId, directoryDeviceId);
    return Number(row?.last) - count + 1;
  },
});
