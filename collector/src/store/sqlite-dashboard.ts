// The dashboard's reads on SQLite: filters and paging in SQL (a trust's 5,000 devices answer in one
// query), counts grouped in SQL, and the plain writes behind case notes, outbox backlog and views shown.
import type { SQLInputValue } from 'node:sqlite';
import type {
  AlertNote, DashboardOps, DeviceCursor, DeviceListQuery, DeviceSort, VerdictChangeRow,
} from './dashboard-types.ts';
import { afterAlertCursor, ALERT_COLUMNS, toAlert } from './sqlite-alerts.ts';
import { likePattern, toAuditRow, toDeviceListRow, viewsNewToViewer } from './row-shapes.ts';
import type { Row, Statements } from './sqlite-statements.ts';
import type { AlertCategory, Device, SchoolFilter, StoredEvent, VerdictStatus } from './types.ts';

export interface DashboardRowShapes {
  deviceColumns: string;
  toDevice(row: Row): Device;
  eventColumns: string;
  toEvent(row: Row): StoredEvent;
  auditColumns: string;
}


/** WHERE terms narrowing `column` to a SchoolFilter; `empty` when the filter lists no school at all. */
const schoolWhere = (filter: SchoolFilter, column: string) => {
  const where: string[] = [];
  const params: SQLInputValue[] = [];
  if (filter.schoolId !== undefined) { where.push(`${column} = ?`); params.push(filter.schoolId); }
  if (filter.schoolIds !== undefined) { where.push(`${column} IN (SELECT value FROM json_each(?))`); params.push(JSON.stringify(filter.schoolIds)); }
  return { where, params, empty: filter.schoolIds?.length === 0 };
};
const and = (where: readonly string[]): string => (where.length === 0 ? '1 = 1' : where.join(' AND '));

const SORT_KEY: Record<DeviceSort, string> = {
  hostname: 'hostname COLLATE NOCASE',
  lastSeen: 'COALESCE(lastSeenAt, 0)',
  failing: 'failingCount',
};


const deviceListWhere = (query: DeviceListQuery) => {
  // Terms on the columns of DEVICE_ROWS (named as the Device fields are).
  const school = schoolWhere(query, 'schoolId');
  const where = [...school.where];
  const params = [...school.params];
  const add = (sql: string, ...values: SQLInputValue[]): void => { where.push(sql); params.push(...values); };
  if (query.hostnameContains) add(`hostname LIKE ? ESCAPE '\\'`, likePattern(query.hostnameContains));
  if (query.platforms) add('platform IN (SELECT value FROM json_each(?))', JSON.stringify(query.platforms));
  if (query.failing === 'any') add('failingCount > 0');
  else if (query.failing) {
    add(`EXISTS (SELECT 1 FROM verdicts v WHERE v.device_id = id AND v.status = 'fail' AND v.check_name IN (SELECT value FROM json_each(?)))`,
      JSON.stringify(query.failing));
  }
  if (query.silent !== undefined) add('silent = ?', query.silent ? 1 : 0);
  if (query.seenBefore !== undefined) add('lastSeenAt < ?', query.seenBefore);
  if (query.seenAfter !== undefined) add('lastSeenAt >= ?', query.seenAfter);
  return { where, params, empty: school.empty };
};

const afterDevice = (sort: DeviceSort, descending: boolean, cursor: DeviceCursor) => {
  const key = SORT_KEY[sort];
  return {
    sql: `(${key} ${descending ? '<' : '>'} ? OR (${key} = ? AND id > ?))`,
    params: [cursor.key, cursor.key, cursor.id] as SQLInputValue[],
  };
};

export const createSqliteDashboardOps = ({ one, all, run }: Statements, shapes: DashboardRowShapes): DashboardOps => {
  const { toDevice, toEvent } = shapes;
  // Each device with its count of failing checks and whether it is silent, so filters and sorts see them as columns.
  const DEVICE_ROWS = `SELECT ${shapes.deviceColumns}, platform,
      (SELECT COUNT(*) FROM verdicts v WHERE v.device_id = devices.id AND v.status = 'fail') AS failingCount,
      EXISTS (SELECT 1 FROM alerts a WHERE a.device_id = devices.id AND a.category = 'availability' AND a.status <> 'resolved') AS silent
    FROM devices`;
  const eventsOf = (sql: string, ...params: SQLInputValue[]): StoredEvent[] => all(sql, ...params).map(toEvent);

  return {
    async listDevicePage(query) {
      const { where, params, empty } = deviceListWhere(query);
      if (empty) return { rows: [], total: 0 };
      const total = Number(one(`SELECT COUNT(*) AS n FROM (${DEVICE_ROWS}) WHERE ${and(where)}`, ...params)?.n ?? 0);
      const page = query.after ? afterDevice(query.sort, query.descending, query.after) : undefined;
      const rows = all(`SELECT * FROM (${DEVICE_ROWS}) WHERE ${and([...where, ...(page ? [page.sql] : [])])}
        ORDER BY ${SORT_KEY[query.sort]} ${query.descending ? 'DESC' : 'ASC'}, id LIMIT ?`, ...params, ...(page?.params ?? []), query.limit);
      return {
        total,
        rows: rows.map((row) => toDeviceListRow(row, toDevice)),
      };
    },
    async isDeviceSilent(deviceId) {
      return one(`SELECT 1 AS yes FROM alerts WHERE device_id = ? AND category = 'availability' AND status <> 'resolved' LIMIT 1`, deviceId) !== undefined;
    },
    async setOutboxBacklog(deviceId, { depth, reportedAt }) {
      run(`UPDATE devices SET outbox_depth = ?, outbox_reported_at = ?
        WHERE id = ? AND (outbox_reported_at IS NULL OR outbox_reported_at <= ?)`, depth, reportedAt, deviceId, reportedAt);
    },
    async getOutboxBacklog(deviceId) {
      const row = one('SELECT outbox_depth AS depth, outbox_reported_at AS reportedAt FROM devices WHERE id = ?', deviceId);
      return row && row.reportedAt !== null ? { depth: Number(row.depth), reportedAt: Number(row.reportedAt) } : null;
    },
    async latestObservationsOfDevice(deviceId) {
      return eventsOf(`SELECT ${shapes.eventColumns} FROM events WHERE device_id = ?1 AND seq IN (
          SELECT MAX(seq) FROM events WHERE device_id = ?1 AND kind = 'observation' GROUP BY check_name)
        ORDER BY check_name`, deviceId);
    },
    async listVerdictChangePage(deviceId, { check, beforeId, limit }) {
      return all(`SELECT id, device_id AS deviceId, check_name AS "check", from_status AS fromStatus, to_status AS toStatus,
          reason_code AS reasonCode, reason, clause_id AS clauseId, changed_at AS changedAt, seq
        FROM verdict_changes WHERE device_id = ? AND (? IS NULL OR check_name = ?) AND id < ?
        ORDER BY id DESC LIMIT ?`, deviceId, check ?? null, check ?? null, beforeId ?? Number.MAX_SAFE_INTEGER, limit) as unknown as VerdictChangeRow[];
    },

    async deviceCountsBySchool(filter) {
      const { where, params, empty } = schoolWhere(filter, 'school_id');
      if (empty) return [];
      return all(`SELECT school_id AS schoolId, COUNT(*) AS devices,
          SUM(EXISTS (SELECT 1 FROM verdicts v WHERE v.device_id = devices.id AND v.status = 'fail')) AS failing,
          SUM(EXISTS (SELECT 1 FROM alerts a WHERE a.device_id = devices.id AND a.category = 'availability' AND a.status <> 'resolved')) AS silent
        FROM devices WHERE revoked_at IS NULL AND ${and(where)} GROUP BY school_id ORDER BY school_id`, ...params)
        .map((row) => ({ schoolId: String(row.schoolId), devices: Number(row.devices), failing: Number(row.failing), silent: Number(row.silent) }));
    },
    async unresolvedAlertCountsBySchool(filter) {
      const { where, params, empty } = schoolWhere(filter, 'school_id');
      if (empty) return [];
      return all(`SELECT school_id AS schoolId, category, COUNT(*) AS count FROM alerts
        WHERE status <> 'resolved' AND ${and(where)} GROUP BY school_id, category ORDER BY school_id, category`, ...params)
        .map((row) => ({ schoolId: String(row.schoolId), category: row.category as AlertCategory, count: Number(row.count) }));
    },
    async verdictCountsBySchool(filter) {
      const { where, params, empty } = schoolWhere(filter, 'd.school_id');
      if (empty) return [];
      return all(`SELECT d.school_id AS schoolId, v.check_name AS "check", v.status, COUNT(*) AS count
        FROM devices d JOIN verdicts v ON v.device_id = d.id WHERE d.revoked_at IS NULL AND ${and(where)}
        GROUP BY d.school_id, v.check_name, v.status ORDER BY d.school_id, v.check_name, v.status`, ...params)
        .map((row) => ({ schoolId: String(row.schoolId), check: String(row.check), status: row.status as VerdictStatus, count: Number(row.count) }));
    },
    async failingDevices(filter) {
      const { where, params, empty } = schoolWhere(filter, 'd.school_id');
      if (empty) return [];
      return all(`SELECT d.school_id AS schoolId, v.device_id AS deviceId, COUNT(*) AS failing
        FROM verdicts v JOIN devices d ON d.id = v.device_id WHERE v.status = 'fail' AND d.revoked_at IS NULL AND ${and(where)}
        GROUP BY v.device_id ORDER BY v.device_id`, ...params) as never;
    },
    async verdictChangesSince(filter, since) {
      const { where, params, empty } = schoolWhere(filter, 'd.school_id');
      if (empty) return [];
      return all(`SELECT d.school_id AS schoolId, c.device_id AS deviceId, c.check_name AS "check", c.from_status AS fromStatus,
          c.to_status AS toStatus, c.changed_at AS changedAt
        FROM verdict_changes c JOIN devices d ON d.id = c.device_id
        WHERE c.changed_at > ? AND d.revoked_at IS NULL AND ${and(where)} ORDER BY c.changed_at, c.id`, since, ...params) as never;
    },
    async enrolmentTimes(filter) {
      const { where, params, empty } = schoolWhere(filter, 'school_id');
      if (empty) return [];
      return all(`SELECT id AS deviceId, school_id AS schoolId, enrolled_at AS enrolledAt,
          (SELECT MIN(changed_at) FROM verdict_changes WHERE verdict_changes.device_id = devices.id) AS firstJudgedAt FROM devices WHERE revoked_at IS NULL AND ${and(where)}
        ORDER BY school_id, enrolled_at`, ...params) as never;
    },

    async linkAlertEvent(alertId, deviceId, seq) {
      run('INSERT INTO alert_events (alert_id, device_id, seq) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', alertId, deviceId, seq);
    },
    async listAlertEvents(alertId, limit) {
      return eventsOf(`SELECT ${shapes.eventColumns} FROM events WHERE (device_id, seq) IN (
          SELECT device_id, seq FROM alert_events WHERE alert_id = ?) ORDER BY seq LIMIT ?`, alertId, limit);
    },
    async alertEventEnds(alertIds) {
      const ends = new Map<string, { count: number; first: StoredEvent; last: StoredEvent }>();
      if (alertIds.length === 0) return ends;
      const rows = all(`SELECT ae.alert_id AS alertId, COUNT(*) AS n, ae.device_id AS did, MIN(ae.seq) AS firstSeq, MAX(ae.seq) AS lastSeq
        FROM alert_events ae JOIN events e ON e.device_id = ae.device_id AND e.seq = ae.seq
        WHERE ae.alert_id IN (SELECT value FROM json_each(?)) GROUP BY ae.alert_id`, JSON.stringify(alertIds));
      for (const row of rows) {
        const [first, last] = [Number(row.firstSeq), Number(row.lastSeq)].map((seq) =>
          one(`SELECT ${shapes.eventColumns} FROM events WHERE device_id = ? AND seq = ?`, String(row.did), seq));
        if (first && last) ends.set(String(row.alertId), { count: Number(row.n), first: toEvent(first), last: toEvent(last) });
      }
      return ends;
    },
    async listDeviceEventsBetween(deviceId, kind, from, until, limit) {
      return eventsOf(`SELECT ${shapes.eventColumns} FROM events WHERE device_id = ? AND kind = ? AND occurred_at BETWEEN ? AND ?
        ORDER BY occurred_at, seq LIMIT ?`, deviceId, kind, from, until, limit);
    },
    async listIncidents(query) {
      const school = schoolWhere(query, 'school_id');
      if (school.empty || query.statuses?.length === 0 || query.severities?.length === 0) return [];
      const where = [`category = 'misuse'`, ...school.where];
      const params: SQLInputValue[] = [...school.params];
      const add = (sql: string, ...values: SQLInputValue[]): void => { where.push(sql); params.push(...values); };
      if (query.statuses) add('status IN (SELECT value FROM json_each(?))', JSON.stringify(query.statuses));
      if (query.severities) add('severity IN (SELECT value FROM json_each(?))', JSON.stringify(query.severities));
      if (query.deviceId !== undefined) add('device_id = ?', query.deviceId);
      if (query.openedFrom !== undefined) add('opened_at >= ?', query.openedFrom);
      if (query.openedUntil !== undefined) add('opened_at <= ?', query.openedUntil);
      if (query.text) {
        const pattern = likePattern(query.text);
        add(`(title LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM alert_events ae JOIN events e ON e.device_id = ae.device_id AND e.seq = ae.seq
          WHERE ae.alert_id = alerts.id AND e.payload LIKE ? ESCAPE '\\'))`, pattern, pattern);
      }
      if (query.after) {
        const cursor = afterAlertCursor(query.after);
        add(cursor.sql, ...cursor.params);
      }
      return all(`SELECT ${ALERT_COLUMNS} FROM alerts WHERE ${and(where)}
        ORDER BY severity_rank DESC, last_seen_at DESC, id LIMIT ?`, ...params, query.limit).map(toAlert);
    },

    async addAlertNote(note) {
      const row = one('INSERT INTO alert_notes (alert_id, at, by, text) VALUES (?, ?, ?, ?) RETURNING id', note.alertId, note.at, note.by, note.text);
      return { ...note, id: Number(row?.id) };
    },
    async listAlertNotes(alertId) {
      return all('SELECT id, alert_id AS alertId, at, by, text FROM alert_notes WHERE alert_id = ? ORDER BY id', alertId) as unknown as AlertNote[];
    },
    async countAlertNotes(alertIds) {
      const counts = new Map<string, number>();
      if (alertIds.length === 0) return counts;
      for (const row of all(`SELECT alert_id AS alertId, COUNT(*) AS n FROM alert_notes WHERE alert_id IN (SELECT value FROM json_each(?))
        GROUP BY alert_id`, JSON.stringify(alertIds))) counts.set(String(row.alertId), Number(row.n));
      return counts;
    },

    async recordSafeguardingViews(viewer, views, at) {
      // What is new to the viewer: an item not shown before, or shown in another state.
      return viewsNewToViewer(views, (view) => run(`INSERT INTO safeguarding_views (viewer, item, version, school_id, shown_at)
        VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (viewer, item) DO UPDATE SET version = excluded.version, shown_at = excluded.shown_at
        WHERE safeguarding_views.version <> excluded.version`, viewer, view.item, view.version, view.schoolId, at));
    },
    async listAuditPage(query) {
      const school = schoolWhere(query, 'school_id');
      if (school.empty) return [];
      const where = [...school.where];
      const params: SQLInputValue[] = [...school.params];
      const add = (sql: string, ...values: SQLInputValue[]): void => { where.push(sql); params.push(...values); };
      if (query.onlySchool !== undefined) add('school_id = ?', query.onlySchool);
      if (query.personEmail !== undefined) add('person_email = ?', query.personEmail);
      if (query.action !== undefined) add('action = ?', query.action);
      if (query.from !== undefined) add('at >= ?', query.from);
      if (query.until !== undefined) add('at <= ?', query.until);
      if (query.beforeId !== undefined) add('id < ?', query.beforeId);
      return all(`SELECT ${shapes.auditColumns} FROM audit_log WHERE ${and(where)} ORDER BY id DESC LIMIT ?`, ...params, query.limit)
        .map(toAuditRow);
    },
  };
};
