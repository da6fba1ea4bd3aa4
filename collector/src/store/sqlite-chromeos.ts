// The Google Admin connector's rows on SQLite.
import type { ChromeosConnection, ChromeosDeviceRow, ChromeosOps } from './chromeos-types.ts';
import type { Row, Statements } from './sqlite-statements.ts';
import type { JsonObject } from './types.ts';

const CONNECTION_COLUMNS = `c.school_id AS schoolId, c.customer_id AS customerId, c.service_account_file AS serviceAccountFile,
  c.admin_email AS adminEmail, c.org_unit_path AS orgUnitPath, c.api_base AS apiBase, c.connected_at AS connectedAt,
  c.last_sync_at AS lastSyncAt, c.last_full_sync_at AS lastFullSyncAt, c.last_error_code AS lastErrorCode,
  c.last_error AS lastError, c.last_error_at AS lastErrorAt, c.telemetry_read_until AS telemetryReadUntil,
  (SELECT count(*) FROM chromeos_devices d WHERE d.school_id = c.school_id AND d.record <> '{}') AS deviceCount`;

const DEVICE_COLUMNS = `school_id AS schoolId, directory_device_id AS directoryDeviceId, record, read_at AS readAt,
  device_id AS deviceId, connector_seq AS connectorSeq`;
const toDeviceRow = (row: Row): ChromeosDeviceRow => ({ ...(row as unknown as ChromeosDeviceRow), record: JSON.parse(String(row.record)) as JsonObject });

const toConnection = (row: Row): ChromeosConnection => ({ ...(row as unknown as ChromeosConnection), deviceCount: Number(row.deviceCount) });

export const createSqliteChromeosOps = ({ one, all, run }: Statements): ChromeosOps => ({
  async putChromeosSettings(settings) {
    run(`INSERT INTO chromeos_connections (school_id, customer_id, service_account_file, admin_email, org_unit_path, api_base, connected_at)
      VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (school_id) DO UPDATE SET customer_id = excluded.customer_id, service_account_file = excluded.service_account_file,
        admin_email = excluded.admin_email, org_unit_path = excluded.org_unit_path, api_base = excluded.api_base,
        connected_at = excluded.connected_at, last_sync_at = NULL, last_full_sync_at = NULL,
        last_error_code = NULL, last_error = NULL, last_error_at = NULL, telemetry_read_until = NULL`,
    settings.schoolId, settings.customerId, settings.serviceAccountFile, settings.adminEmail, settings.orgUnitPath,
    settings.apiBase, settings.connectedAt);
  },
  async getChromeosConnection(schoolId) {
    const row = one(`SELECT ${CONNECTION_COLUMNS} FROM chromeos_connections c WHERE c.school_id = ?`, schoolId);
    return row && toConnection(row);
  },
  async listChromeosConnections() {
    return all(`SELECT ${CONNECTION_COLUMNS} FROM chromeos_connections c ORDER BY c.school_id`).map(toConnection);
  },
  async recordChromeosSyncDone(schoolId, at, full) {
    run(`UPDATE chromeos_connections SET last_sync_at = ?1, last_full_sync_at = CASE WHEN ?2 = 1 THEN ?1 ELSE last_full_sync_at END,
      last_error_code = NULL, last_error = NULL, last_error_at = NULL WHERE school_id = ?3`, at, full ? 1 : 0, schoolId);
  },
  async recordChromeosSyncFailed(schoolId, at, code, message) {
    run('UPDATE chromeos_connections SET last_error_code = ?, last_error = ?, last_error_at = ? WHERE school_id = ?',
      code, message, at, schoolId);
  },
  async recordChromeosTelemetryRead(schoolId, until) {
    run('UPDATE chromeos_connections SET telemetry_read_until = max(coalesce(telemetry_read_until, 0), ?) WHERE school_id = ?', until, schoolId);
  },
  async upsertChromeosDevices(rows) {
    for (const row of rows) {
      run(`INSERT INTO chromeos_devices (school_id, directory_device_id, record, read_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (school_id, directory_device_id) DO UPDATE SET record = excluded.record, read_at = excluded.read_at`,
      row.schoolId, row.directoryDeviceId, JSON.stringify(row.record), row.readAt);
    }
  },
  async listChromeosDevices(schoolId) {
    return all(`SELECT ${DEVICE_COLUMNS} FROM chromeos_devices WHERE school_id = ? ORDER BY directory_device_id`, schoolId).map(toDeviceRow);
  },
  async getChromeosDevice(schoolId, directoryDeviceId) {
    const row = one(`SELECT ${DEVICE_COLUMNS} FROM chromeos_devices WHERE school_id = ? AND directory_device_id = ?`, schoolId, directoryDeviceId);
    return row && toDeviceRow(row);
  },
  async linkChromeosDevice(schoolId, directoryDeviceId, deviceId, at) {
    run(`INSERT INTO chromeos_devices (school_id, directory_device_id, record, read_at, device_id) VALUES (?, ?, '{}', ?, ?)
      ON CONFLICT (school_id, directory_device_id) DO UPDATE SET device_id = coalesce(device_id, excluded.device_id)`,
    schoolId, directoryDeviceId, at, deviceId);
  },
  async setChromebookCredential(deviceId, credentialHash, seen, at) {
    run(`UPDATE devices SET credential_hash = ?, hostname = ?, facts = ?, last_seen_at = max(coalesce(last_seen_at, ?4), ?4)
      WHERE id = ?5`, credentialHash, seen.hostname, JSON.stringify(seen.facts), at, deviceId);
  },
  async takeConnectorSeqs(schoolId, directoryDeviceId, count, base) {
    // One statement: two syncs at once cannot take the same numbers.
    const row = one(`UPDATE chromeos_devices SET connector_seq = max(connector_seq, ?1) + ?2
      WHERE school_id = ?3 AND directory_device_id = ?4 RETURNING connector_seq AS last`, base, count, schoolId, directoryDeviceId);
    return Number(row?.last) - count + 1;
  },
});
