// The dashboard's reads on PostgreSQL, as sqlite-dashboard.ts answers them: filters and paging in SQL, counts
// grouped in SQL, and the plain writes behind case notes, outbox backlog and views shown. Host names and texts
// are matched and sorted without case for ASCII letters only (lower() under "C"), as SQLite's NOCASE and LIKE do.
import { ALERT_COLUMNS } from './pg-alerts.ts';
import { selectList, type PgParam, type PgQueries } from './pg-queries.ts';
import { PG_AUDIT_COLUMNS, PG_DEVICE_COLUMNS, PG_EVENT_COLUMNS, toPgDevice, toPgEvent } from './pg-rows.ts';
import type { AlertNote, DashboardOps, DeviceCursor, DeviceListQuery, DeviceSort } from './dashboard-types.ts';
import { likePattern, toAlertRow, toAuditRow, toDeviceListRow, viewsNewToViewer } from './row-shapes.ts';
import type { AlertCategory, SchoolFilter, StoredEvent, VerdictStatus } from './types.ts';

/** WHERE terms and their numbered parameters, built up together. */
const conditions = () => {
  const where: string[] = [];
  const params: PgParam[] = [];
  /** The placeholder of a new parameter. */
  const param = (value: PgParam): string => { params.push(value); return `$${params.length}`; };
  return { where, params, param, sql: (): string => (where.length === 0 ? 'true' : where.join(' AND ')) };
};
type Conditions = ReturnType<typeof conditions>;

/** Narrows `column` to a SchoolFilter; false when the filter lists no school at all. */
const inSchools = (terms: Conditions, filter: SchoolFilter, column: string): boolean => {
  if (filter.schoolId !== undefined) terms.where.push(`${column} = ${terms.param(filter.schoolId)}`);
  if (filter.schoolIds !== undefined) terms.where.push(`${column} = ANY(${terms.param(filter.schoolIds)}::text[])`);
  return filter.schoolIds?.length !== 0;
};
const schoolTerms = (filter: SchoolFilter, column: string): Conditions | undefined => {
  const terms = conditions();
  return inSchools(terms, filter, column) ? terms : undefined;
};

/** Case-insensitive (ASCII) "contains" on a text expression. */
const containsText = (expression: string, placeholder: string): string =>
  `lower((${expression}) COLLATE "C") LIKE lower(${placeholder}::text COLLATE "C") ESCAPE '\\'`;

const SORT_KEY: Record<DeviceSort, string> = {
  hostname: 'lower(hostname)',
  lastSeen: 'COALESCE("lastSeenAt", 0)',
  failing: '"failingCount"',
};

/** The cursor's key as its sort compares it (a key of another type matches no device). */
const cursorKey = (terms: Conditions, sort: DeviceSort, key: DeviceCursor['key']): string => (sort === 'hostname'
  ? `lower(${terms.param(typeof key === 'string' ? key : null)}::text)`
  : `${terms.param(typeof key === 'number' ? key : null)}::bigint`);

// Each device with its count of failing checks and whether it is silent, so filters and sorts see them as columns.
const DEVICE_ROWS = `SELECT ${PG_DEVICE_COLUMNS}, platform,
    (SELECT COUNT(*) FROM verdicts v WHERE v.device_id = devices.id AND v.status = 'fail') AS "failingCount",
    EXISTS (SELECT 1 FROM alerts a WHERE a.device_id = devices.id AND a.category = 'availability' AND a.status <> 'resolved') AS silent
  FROM devices`;

const deviceListTerms = (query: DeviceListQuery): Conditions | undefined => {
  const terms = schoolTerms(query, '"schoolId"');
  if (!terms) return undefined;
  const { where, param } = terms;
  if (query.hostnameContains) where.push(containsText('hostname', param(likePattern(query.hostnameContains))));
  if (query.platforms) where.push(`platform = ANY(${param(query.platforms)}::text[])`);
  if (query.failing === 'any') where.push('"failingCount" > 0');
  else if (query.failing) {
    where.push(`EXISTS (SELECT 1 FROM verdicts v WHERE v.device_id = listed.id AND v.status = 'fail'
      AND v.check_name = ANY(${param(query.failing)}::text[]))`);
  }
  if (query.silent !== undefined) where.push(`silent = ${param(query.silent)}`);
  if (query.seenBefore !== undefined) where.push(`"lastSeenAt" < ${param(query.seenBefore)}`);
  if (query.seenAfter !== undefined) where.push(`"lastSeenAt" >= ${param(query.seenAfter)}`);
  return terms;
};

const NOTE_COLUMNS = selectList('id alert_id at by text');
const VERDICT_CHANGE_COLUMNS = selectList('id device_id check_name=check from_status to_status reason_code reason clause_id changed_at seq');

export const createPgDashboardOps = ({ one, all, run }: PgQueries): DashboardOps => {
  const eventsOf = async (sql: string, ...params: PgParam[]): Promise<StoredEvent[]> => (await all(sql, ...params)).map(toPgEvent);

  return {
    async listDevicePage(query) {
      const terms = deviceListTerms(query);
      if (!terms) return { rows: [], total: 0 };
      const total = Number((await one(`SELECT COUNT(*) AS n FROM (${DEVICE_ROWS}) listed WHERE ${terms.sql()}`, ...terms.params))?.n ?? 0);
      const key = SORT_KEY[query.sort];
      if (query.after) {
        const after = cursorKey(terms, query.sort, query.after.key);
        terms.where.push(`(${key} ${query.descending ? '<' : '>'} ${after} OR (${key} = ${after} AND id > ${terms.param(query.after.id)}))`);
      }
      const rows = await all(`SELECT * FROM (${DEVICE_ROWS}) listed WHERE ${terms.sql()}
        ORDER BY ${key} ${query.descending ? 'DESC' : 'ASC'}, id LIMIT ${terms.param(query.limit)}`, ...terms.params);
      return { total, rows: rows.map((row) => toDeviceListRow(row, toPgDevice)) };
    },
    async isDeviceSilent(deviceId) {
      return await one(`SELECT 1 AS yes FROM alerts WHERE device_id = $1 AND category = 'availability' AND status <> 'resolved' LIMIT 1`,
        deviceId) !== undefined;
    },
    async setOutboxBacklog(deviceId, { depth, reportedAt }) {
      await run(`UPDATE devices SET outbox_depth = $1, outbox_reported_at = $2
        WHERE id = $3 AND (outbox_reported_at IS NULL OR outbox_reported_at <= $2)`, depth, reportedAt, deviceId);
    },
    async getOutboxBacklog(deviceId) {
      const row = await one('SELECT outbox_depth AS depth, outbox_reported_at AS "reportedAt" FROM devices WHERE id = $1', deviceId);
      return row && row.reportedAt !== null ? { depth: Number(row.depth), reportedAt: Number(row.reportedAt) } : null;
    },
    async latestObservationsOfDevice(deviceId) {
      return eventsOf(`SELECT ${PG_EVENT_COLUMNS} FROM events WHERE device_id = $1 AND seq IN (
          SELECT MAX(seq) FROM events WHERE device_id = $1 AND kind = 'observation' GROUP BY check_name)
        ORDER BY check_name NULLS FIRST`, deviceId);
    },
    async listVerdictChangePage(deviceId, { check, beforeId, limit }) {
      return await all(`SELECT ${VERDICT_CHANGE_COLUMNS} FROM verdict_changes
        WHERE device_id = $1 AND ($2::text IS NULL OR check_name = $2) AND id < $3 ORDER BY id DESC LIMIT $4`,
      deviceId, check ?? null, beforeId ?? Number.MAX_SAFE_INTEGER, limit) as never;
    },

    async deviceCountsBySchool(filter) {
      const terms = schoolTerms(filter, 'school_id');
      if (!terms) return [];
      return (await all(`SELECT school_id AS "schoolId", COUNT(*) AS devices,
          COUNT(*) FILTER (WHERE EXISTS (SELECT 1 FROM verdicts v WHERE v.device_id = devices.id AND v.status = 'fail')) AS failing,
          COUNT(*) FILTER (WHERE EXISTS (SELECT 1 FROM alerts a WHERE a.device_id = devices.id AND a.category = 'availability'
            AND a.status <> 'resolved')) AS silent
        FROM devices WHERE revoked_at IS NULL AND ${terms.sql()} GROUP BY school_id ORDER BY school_id`, ...terms.params))
        .map((row) => ({ schoolId: String(row.schoolId), devices: Number(row.devices), failing: Number(row.failing), silent: Number(row.silent) }));
    },
    async unresolvedAlertCountsBySchool(filter) {
      const terms = schoolTerms(filter, 'school_id');
      if (!terms) return [];
      return (await all(`SELECT school_id AS "schoolId", category, COUNT(*) AS count FROM alerts
        WHERE status <> 'resolved' AND ${terms.sql()} GROUP BY school_id, category ORDER BY school_id, category`, ...terms.params))
        .map((row) => ({ schoolId: String(row.schoolId), category: row.category as AlertCategory, count: Number(row.count) }));
    },
    async verdictCountsBySchool(filter) {
      const terms = schoolTerms(filter, 'd.school_id');
      if (!terms) return [];
      return (await all(`SELECT d.school_id AS "schoolId", v.check_name AS "check", v.status, COUNT(*) AS count
        FROM devices d JOIN verdicts v ON v.device_id = d.id WHERE d.revoked_at IS NULL AND ${terms.sql()}
        GROUP BY d.school_id, v.check_name, v.status ORDER BY d.school_id, v.check_name, v.status`, ...terms.params))
        .map((row) => ({ schoolId: String(row.schoolId), check: String(row.check), status: row.status as VerdictStatus, count: Number(row.count) }));
    },
    async failingDevices(filter) {
      const terms = schoolTerms(filter, 'd.school_id');
      if (!terms) return [];
      return await all(`SELECT d.school_id AS "schoolId", v.device_id AS "deviceId", COUNT(*) AS failing
        FROM verdicts v JOIN devices d ON d.id = v.device_id WHERE v.status = 'fail' AND d.revoked_at IS NULL AND ${terms.sql()}
        GROUP BY d.school_id, v.device_id ORDER BY v.device_id`, ...terms.params) as never;
    },
    async verdictChangesSince(filter, since) {
      const terms = schoolTerms(filter, 'd.school_id');
      if (!terms) return [];
      return await all(`SELECT d.school_id AS "schoolId", ${selectList('device_id check_name=check from_status to_status changed_at', 'c.')}
        FROM verdict_changes c JOIN devices d ON d.id = c.device_id
        WHERE c.changed_at > ${terms.param(since)} AND d.revoked_at IS NULL AND ${terms.sql()} ORDER BY c.changed_at, c.id`, ...terms.params) as never;
    },
    async enrolmentTimes(filter) {
      const terms = schoolTerms(filter, 'school_id');
      if (!terms) return [];
      return await all(`SELECT id AS "deviceId", school_id AS "schoolId", enrolled_at AS "enrolledAt",
          (SELECT MIN(changed_at) FROM verdict_changes WHERE verdict_changes.device_id = devices.id) AS "firstJudgedAt" FROM devices WHERE revoked_at IS NULL AND ${terms.sql()}
        ORDER BY school_id, enrolled_at`, ...terms.params) as never;
    },

    async linkAlertEvent(alertId, deviceId, seq) {
      await run('INSERT INTO alert_events (alert_id, device_id, seq) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', alertId, deviceId, seq);
    },
    async listAlertEvents(alertId, limit) {
      return eventsOf(`SELECT ${PG_EVENT_COLUMNS} FROM events WHERE (device_id, seq) IN (
          SELECT device_id, seq FROM alert_events WHERE alert_id = $1) ORDER BY seq LIMIT $2`, alertId, limit);
    },
    async alertEventEnds(alertIds) {
      const ends = new Map<string, { count: number; first: StoredEvent; last: StoredEvent }>();
      if (alertIds.length === 0) return ends;
      // Each alert's count and end seqs over its events still stored, then those two events, in one statement.
      const rows = await all(`WITH ends AS (
          SELECT ae.alert_id, COUNT(*) AS n, MIN(ae.device_id) AS did, MIN(ae.seq) AS first_seq, MAX(ae.seq) AS last_seq
          FROM alert_events ae JOIN events e ON e.device_id = ae.device_id AND e.seq = ae.seq
          WHERE ae.alert_id = ANY($1::text[]) GROUP BY ae.alert_id)
        SELECT ends.alert_id AS "alertId", ends.n, ${PG_EVENT_COLUMNS}
        FROM ends JOIN events ON events.device_id = ends.did AND events.seq IN (ends.first_seq, ends.last_seq)
        ORDER BY ends.alert_id, events.seq`, alertIds);
      for (const { alertId, n, ...row } of rows) {
        const event = toPgEvent(row);
        const known = ends.get(String(alertId));
        if (known) known.last = event;
        else ends.set(String(alertId), { count: Number(n), first: event, last: event });
      }
      return ends;
    },
    async listDeviceEventsBetween(deviceId, kind, from, until, limit) {
      return eventsOf(`SELECT ${PG_EVENT_COLUMNS} FROM events WHERE device_id = $1 AND kind = $2 AND occurred_at BETWEEN $3 AND $4
        ORDER BY occurred_at, seq LIMIT $5`, deviceId, kind, from, until, limit);
    },
    async listIncidents(query) {
      const terms = schoolTerms(query, 'school_id');
      if (!terms || query.statuses?.length === 0 || query.severities?.length === 0) return [];
      const { where, param } = terms;
      where.push(`category = 'misuse'`);
      if (query.statuses) where.push(`status = ANY(${param(query.statuses)}::text[])`);
      if (query.severities) where.push(`severity = ANY(${param(query.severities)}::text[])`);
      if (query.deviceId !== undefined) where.push(`device_id = ${param(query.deviceId)}`);
      if (query.openedFrom !== undefined) where.push(`opened_at >= ${param(query.openedFrom)}`);
      if (query.openedUntil !== undefined) where.push(`opened_at <= ${param(query.openedUntil)}`);
      if (query.text) {
        const pattern = param(likePattern(query.text));
        where.push(`(${containsText('title', pattern)} OR EXISTS (SELECT 1 FROM alert_events ae
          JOIN events e ON e.device_id = ae.device_id AND e.seq = ae.seq WHERE ae.alert_id = alerts.id AND ${containsText('e.payload', pattern)}))`);
      }
      if (query.after) {
        const [rank, lastSeen] = [param(query.after.severityRank), param(query.after.lastSeenAt)];
        where.push(`(severity_rank < ${rank} OR (severity_rank = ${rank} AND (last_seen_at < ${lastSeen}
          OR (last_seen_at = ${lastSeen} AND id > ${param(query.after.id)}))))`);
      }
      return (await all(`SELECT ${ALERT_COLUMNS} FROM alerts WHERE ${terms.sql()}
        ORDER BY severity_rank DESC, last_seen_at DESC, id LIMIT ${param(query.limit)}`, ...terms.params)).map(toAlertRow);
    },

    async addAlertNote(note) {
      const row = await one('INSERT INTO alert_notes (alert_id, at, by, text) VALUES ($1, $2, $3, $4) RETURNING id',
        note.alertId, note.at, note.by, note.text);
      return { ...note, id: Number(row?.id) };
    },
    async listAlertNotes(alertId) {
      return await all(`SELECT ${NOTE_COLUMNS} FROM alert_notes WHERE alert_id = $1 ORDER BY id`, alertId) as unknown as AlertNote[];
    },
    async countAlertNotes(alertIds) {
      const counts = new Map<string, number>();
      if (alertIds.length === 0) return counts;
      for (const row of await all(`SELECT alert_id AS "alertId", COUNT(*) AS n FROM alert_notes WHERE alert_id = ANY($1::text[])
        GROUP BY alert_id`, alertIds)) counts.set(String(row.alertId), Number(row.n));
      return counts;
    },

    async recordSafeguardingViews(viewer, views, at) {
      // What is new to the viewer: an item not shown before, or shown in another state.
      return viewsNewToViewer(views, (view) => run(`INSERT INTO safeguarding_views (viewer, item, version, school_id, shown_at)
        VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (viewer, item) DO UPDATE SET version = excluded.version, shown_at = excluded.shown_at
        WHERE safeguarding_views.version <> excluded.version`, viewer, view.item, view.version, view.schoolId, at));
    },
    async listAuditPage(query) {
      const terms = schoolTerms(query, 'school_id');
      if (!terms) return [];
      const { where, param } = terms;
      if (query.onlySchool !== undefined) where.push(`school_id = ${param(query.onlySchool)}`);
      if (query.personEmail !== undefined) where.push(`person_email = ${param(query.personEmail)}`);
      if (query.action !== undefined) where.push(`action = ${param(query.action)}`);
      if (query.from !== undefined) where.push(`at >= ${param(query.from)}`);
      if (query.until !== undefined) where.push(`at <= ${param(query.until)}`);
      if (query.beforeId !== undefined) where.push(`id < ${param(query.beforeId)}`);
      return (await all(`SELECT ${PG_AUDIT_COLUMNS} FROM audit_log WHERE ${terms.sql()} ORDER BY id DESC LIMIT ${param(query.limit)}`,
        ...terms.params)).map(toAuditRow);
    },
  };
};
