// Storage contract for the dashboard: the paged device list, the figures behind the overview, a device's
// verdict timeline and outbox backlog, the events behind a misuse alert, case notes, what each person has
// been shown of safeguarding data, and the filtered audit log. Only reads and plain writes; the routes judge.
import type { AlertRow } from './alerts-types.ts';
import type { AlertCategory, AuditEntry, Device, EventKind, SchoolFilter, StoredEvent, VerdictChange, VerdictStatus } from './types.ts';

export const DEVICE_SORTS = ['hostname', 'lastSeen', 'failing'] as const;
export type DeviceSort = (typeof DEVICE_SORTS)[number];

/** Where a page of devices starts: after the device with this sort key and id. */
export interface DeviceCursor { key: string | number | null; id: string }

export interface DeviceListQuery extends SchoolFilter {
  /** Host name contains this (case-insensitive). */
  hostnameContains?: string;
  /** Platform facts as agents report them (PLATFORM_WINDOWS, ...). */
  platforms?: readonly string[];
  /** Devices failing any of these checks, or any check at all. */
  failing?: readonly string[] | 'any';
  /** Devices with (true) or without (false) an unresolved "not seen" alert. */
  silent?: boolean;
  seenBefore?: number;
  seenAfter?: number;
  sort: DeviceSort;
  descending: boolean;
  after?: DeviceCursor;
  limit: number;
}

export interface DeviceListRow { device: Device; failingCount: number; silent: boolean }

export interface OutboxBacklog { depth: number; reportedAt: number }

export interface VerdictChangeRow extends VerdictChange { id: number }

export interface SchoolDeviceCounts { schoolId: string; devices: number; failing: number; silent: number }
export interface AlertCount { schoolId: string; category: AlertCategory; count: number }
/** How many of a school's devices have this status for this check now. */
export interface VerdictCount { schoolId: string; check: string; status: VerdictStatus; count: number }
/** A device failing at least one check now, and how many. */
export interface FailingDevice { schoolId: string; deviceId: string; failing: number }
export interface ChangeSince {
  schoolId: string; deviceId: string; check: string; fromStatus: VerdictStatus | null; toStatus: VerdictStatus; changedAt: number;
}

export interface AlertNote { id: number; alertId: string; at: number; by: string; text: string }

export interface IncidentQuery extends SchoolFilter {
  statuses?: readonly string[];
  severities?: readonly string[];
  deviceId?: string;
  /** Host name, or any text of the incident's events (user, stick, file names). */
  text?: string;
  openedFrom?: number;
  openedUntil?: number;
  after?: { severityRank: number; lastSeenAt: number; id: string };
  limit: number;
}

/** What a person was shown of one safeguarding item, in which state. */
export interface SafeguardingView { item: string; version: string; schoolId: string }

export interface AuditQuery extends SchoolFilter {
  personEmail?: string;
  action?: string;
  /** Entries of this one school (with the caller's schools too: both must hold). */
  onlySchool?: string;
  from?: number;
  until?: number;
  /** Entries older than this id (paging newest first). */
  beforeId?: number;
  limit: number;
}

export interface DashboardOps {
  /** One page of the devices matching the query, and how many match in all. */
  listDevicePage(query: DeviceListQuery): Promise<{ rows: DeviceListRow[]; total: number }>;
  /** Whether the device has an unresolved "not seen" alert. */
  isDeviceSilent(deviceId: string): Promise<boolean>;
  /** Keeps the outbox depth of the device's latest heartbeat (an older heartbeat never overwrites a newer one). */
  setOutboxBacklog(deviceId: string, backlog: OutboxBacklog): Promise<void>;
  getOutboxBacklog(deviceId: string): Promise<OutboxBacklog | null>;
  /** The device's newest stored observation of each check. */
  latestObservationsOfDevice(deviceId: string): Promise<StoredEvent[]>;
  /** Newest first, optionally of one check, before the change with this id. */
  listVerdictChangePage(deviceId: string, query: { check?: string; beforeId?: number; limit: number }): Promise<VerdictChangeRow[]>;

  deviceCountsBySchool(filter: SchoolFilter): Promise<SchoolDeviceCounts[]>;
  unresolvedAlertCountsBySchool(filter: SchoolFilter): Promise<AlertCount[]>;
  /** Current verdicts counted by school, check and status (devices not revoked). */
  verdictCountsBySchool(filter: SchoolFilter): Promise<VerdictCount[]>;
  /** The devices failing at least one check now (not revoked). */
  failingDevices(filter: SchoolFilter): Promise<FailingDevice[]>;
  /** Verdict changes since `since`, oldest first, of these schools' devices (not revoked). */
  verdictChangesSince(filter: SchoolFilter, since: number): Promise<ChangeSince[]>;
  /** When each of these schools' devices enrolled, and when it was first judged (not revoked). */
  enrolmentTimes(filter: SchoolFilter): Promise<Array<{ deviceId: string; schoolId: string; enrolledAt: number; firstJudgedAt: number | null }>>;

  /** Records that this event raised or repeated this alert (once). */
  linkAlertEvent(alertId: string, deviceId: string, seq: number): Promise<void>;
  /** The alert's events still stored, oldest first. */
  listAlertEvents(alertId: string, limit: number): Promise<StoredEvent[]>;
  /** For each alert: how many events it has, and its first and last still stored. */
  alertEventEnds(alertIds: readonly string[]): Promise<Map<string, { count: number; first: StoredEvent; last: StoredEvent }>>;
  /** The device's events of a kind that occurred in [from, until], oldest first. */
  listDeviceEventsBetween(deviceId: string, kind: EventKind, from: number, until: number, limit: number): Promise<StoredEvent[]>;
  /** Misuse alerts ordered by severity, then last seen (newest first), then id. */
  listIncidents(query: IncidentQuery): Promise<AlertRow[]>;

  addAlertNote(note: Omit<AlertNote, 'id'>): Promise<AlertNote>;
  listAlertNotes(alertId: string): Promise<AlertNote[]>;
  countAlertNotes(alertIds: readonly string[]): Promise<Map<string, number>>;

  /** Records what the viewer was shown; returns the items that were new to them or shown in another state. */
  recordSafeguardingViews(viewer: string, views: readonly SafeguardingView[], at: number): Promise<SafeguardingView[]>;
  /** Newest first, filtered. */
  listAuditPage(query: AuditQuery): Promise<(AuditEntry & { id: number })[]>;
}
