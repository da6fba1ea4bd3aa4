// Rows as both engines read them back: the JSON columns parsed, the trust-wide calendar's scope named.
import type { AlertRow } from './alerts-types.ts';
import type { StoredTerm } from './report-types.ts';
import type { DeviceListRow, SafeguardingView } from './dashboard-types.ts';
import type { AuditEntry, BatchDevice, Device, Role } from './types.ts';

type Row = Record<string, unknown>;

/** A device's row with its series, pruned mark and school's pack beside it (as outboxId, seriesOffset, prunedSeq, pack). */
export const toBatchDevice = <R extends Row>(row: R, toDevice: (row: R) => Device): BatchDevice => {
  const { outboxId, seriesOffset, prunedSeq, pack, ...device } = row;
  return {
    device: toDevice(device as unknown as R),
    series: { outboxId: outboxId === null || outboxId === undefined ? null : String(outboxId), offset: Number(seriesOffset) },
    prunedSeq: Number(prunedSeq),
    pack: pack === null || pack === undefined ? undefined : JSON.parse(String(pack)) as unknown,
  };
};

/** The terms table's scope of the trust-wide calendar (school ids never contain '*'). */
export const TRUST_SCOPE = '*';

export const toStoredTerm = ({ scope, holidays, ...rest }: Row): StoredTerm => ({
  ...(rest as unknown as Omit<StoredTerm, 'schoolId' | 'holidays'>),
  schoolId: scope === TRUST_SCOPE ? null : String(scope),
  holidays: JSON.parse(String(holidays)) as StoredTerm['holidays'],
});

const ALERT_JSON_FIELDS = new Set(['detail', 'firstEvent', 'lastEvent']);
const parseOrNull = (text: unknown): unknown => (text === null || text === undefined ? null : JSON.parse(String(text)));

export const toAlertRow = (row: Row): AlertRow => ({
  ...(row as unknown as AlertRow),
  detail: parseOrNull(row.detail) as AlertRow['detail'],
  firstEvent: parseOrNull(row.firstEvent) as AlertRow['firstEvent'],
  lastEvent: parseOrNull(row.lastEvent) as AlertRow['lastEvent'],
});

/** An alert field as its column holds it: JSON fields as text. */
export const alertColumnValue = (field: string, value: unknown): unknown =>
  (ALERT_JSON_FIELDS.has(field) ? (value === null ? null : JSON.stringify(value)) : value);

/** The alert's values in the order of the alerts insert's columns (id, school_id, ... first_event, last_event). */
export const alertInsertValues = (a: AlertRow): unknown[] => [
  a.id, a.schoolId, a.deviceId, a.category, a.severity, a.severityRank, a.dedupKey, a.status, a.title, a.summary, a.check,
  a.clauseId, a.clauseText, JSON.stringify(a.detail), a.occurrences, a.openedAt, a.lastSeenAt, a.acknowledgedAt,
  a.acknowledgedBy, a.resolvedAt, a.resolvedBy, a.escalatedAt, alertColumnValue('firstEvent', a.firstEvent),
  alertColumnValue('lastEvent', a.lastEvent),
];

/** An audit row with its roles (a JSON array in the column) parsed. */
export const toAuditRow = (row: Row): AuditEntry & { id: number } => ({
  ...(row as unknown as AuditEntry & { id: number }),
  roles: JSON.parse(String(row.roles)) as Role[],
});

/** A row of the paged device list: the device, apart from the columns the list adds for filters and sorts. */
export const toDeviceListRow = <R extends Row>({ failingCount, silent, platform: _platform, ...device }: R, toDevice: (row: R) => Device):
  DeviceListRow => ({ device: toDevice(device as unknown as R), failingCount: Number(failingCount), silent: silent === true || Number(silent) === 1 });

/** "Contains" as a LIKE pattern (escape character \\): the person's % and _ are taken literally. */
export const likePattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The views an upsert changed, each upserted in turn: the upsert changes a row only when the state shown differs. */
export const viewsNewToViewer = async (
  views: readonly SafeguardingView[], upsert: (view: SafeguardingView) => Promise<number> | number,
): Promise<SafeguardingView[]> => {
  const fresh: SafeguardingView[] = [];
  for (const view of views) if (await upsert(view) > 0) fresh.push(view);
  return fresh;
};
