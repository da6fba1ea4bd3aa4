// Response shapes of the JSON API, as JSON Schema: served in the OpenAPI document (/api/v1/openapi.json) and
// checked against real responses in tests. They describe; they do not filter (the API serialises with
// JSON.stringify, so a field missing here shows up as a failing test, not as data silently dropped).
const str = { type: 'string' } as const;
const int = { type: 'integer' } as const;
const bool = { type: 'boolean' } as const;
const time = { type: 'string', format: 'date-time' } as const;
const nullable = <T extends object>(schema: T) => ({ anyOf: [schema, { type: 'null' }] });
const anyObject = { type: 'object', additionalProperties: true } as const;

/** An object whose every listed property is required and nothing else is allowed. */
export const exact = <P extends Record<string, object>>(properties: P, optional: readonly string[] = []) => ({
  type: 'object', additionalProperties: false, properties,
  required: Object.keys(properties).filter((key) => !optional.includes(key)),
}) as const;

const listOf = <T extends object>(items: T) => ({ type: 'array' as const, items });
const page = <P extends Record<string, object>>(properties: P) => exact({ ...properties, nextCursor: nullable(str) });

export const ERROR_RESPONSE = exact({ error: exact({ code: str, message: str, fields: listOf(exact({ field: str, problem: str })) }, ['fields']) });

const CLAUSE = exact({ id: str, text: str });
const STATUS = { type: 'string', enum: ['pass', 'fail', 'not_applicable', 'unknown'] } as const;
export const VERDICT = exact({ status: STATUS, reasonCode: str, reason: str, clause: CLAUSE, since: time, evaluatedAt: time });
const DUPLICATE = nullable(exact({ duplicateOf: str, reason: nullable(str) }));
const PLATFORM = nullable({ type: 'string', enum: ['linux', 'windows', 'macos', 'chromeos'] });

const DEVICE_FIELDS = {
  id: str, schoolId: str, hostname: str, suspectDuplicate: DUPLICATE, awaitingApprovalSince: nullable(time), facts: anyObject,
  enrolledAt: time, lastSeenAt: nullable(time), revokedAt: nullable(time),
  platform: PLATFORM, osName: nullable(str), osVersion: nullable(str), agentVersion: nullable(str), silent: bool, failingChecks: listOf(str),
};
export const LISTED_DEVICE = exact({ ...DEVICE_FIELDS, checks: { type: 'object', additionalProperties: VERDICT } });

export const DEVICE_LIST_RESPONSE = page({ devices: listOf(LISTED_DEVICE), total: int });

const FACTS_BEHIND = nullable(exact({ observedAt: time, seq: int, observation: anyObject }));
export const DEVICE_PAGE_RESPONSE = exact({
  device: exact({
    ...DEVICE_FIELDS,
    outbox: nullable(exact({ depth: int, reportedAt: time })),
    checks: { type: 'object', additionalProperties: exact({ ...VERDICT.properties, facts: FACTS_BEHIND }) },
  }),
  diagnostics: exact({ platform: PLATFORM, steps: listOf(str), command: nullable(str), replay: nullable(str), doc: str }),
});

export const TIMELINE_RESPONSE = page({
  changes: listOf(exact({ at: time, check: str, from: nullable(STATUS), to: STATUS, reasonCode: str, reason: str, clauseId: str })),
});

export const EVENTS_RESPONSE = exact({
  events: listOf(exact({ seq: int, kind: { type: 'string', enum: ['observation', 'misuse'] }, check: nullable(str), occurredAt: time, receivedAt: time, payload: anyObject })),
  nextBefore: nullable(int),
});

const ALERT_EVENT = nullable(exact({ at: time, summary: str, detail: anyObject }));
const HISTORY = exact({ at: time, action: str, by: str, note: nullable(str) });
const ALERT_FIELDS = {
  id: str, schoolId: str, deviceId: nullable(str), hostname: nullable(str), deviceSuspectDuplicate: DUPLICATE,
  category: { type: 'string', enum: ['posture', 'misuse', 'availability'] }, severity: str,
  status: { type: 'string', enum: ['open', 'acknowledged', 'resolved'] }, title: str, summary: str, check: nullable(str),
  clause: CLAUSE, detail: anyObject, occurrences: int, openedAt: time, lastSeenAt: time,
  acknowledgedAt: nullable(time), acknowledgedBy: nullable(str), resolvedAt: nullable(time), resolvedBy: nullable(str),
  escalatedAt: nullable(time), firstEvent: ALERT_EVENT, lastEvent: ALERT_EVENT,
};
export const ALERT = exact(ALERT_FIELDS);
export const ALERT_LIST_RESPONSE = page({ alerts: listOf(ALERT) });
export const ALERT_RESPONSE = exact({ alert: ALERT });
export const ALERT_WITH_HISTORY_RESPONSE = exact({ alert: exact({ ...ALERT_FIELDS, history: listOf(HISTORY) }) });

const STICK = nullable(exact({ vendor: nullable(str), model: nullable(str), serial: nullable(str), label: nullable(str), bus: nullable(str) }));
const FILE = exact({ name: str, nameSha256: str }, ['name', 'nameSha256']);
const INCIDENT_FIELDS = {
  id: str, schoolId: str, deviceId: nullable(str), hostname: nullable(str), deviceSuspectDuplicate: DUPLICATE, kind: str, severity: str,
  status: ALERT_FIELDS.status, title: str, summary: str, user: nullable(str), stick: STICK, fileCount: int,
  openedAt: time, lastSeenAt: time, occurrences: int, acknowledgedAt: nullable(time), acknowledgedBy: nullable(str),
  resolvedAt: nullable(time), resolvedBy: nullable(str), escalatedAt: nullable(time), notes: int,
};
export const NOTE = exact({ id: int, at: time, by: str, text: str });
export const INCIDENT_LIST_RESPONSE = page({ incidents: listOf(exact(INCIDENT_FIELDS)) });
export const INCIDENT_RESPONSE = exact({
  incident: exact({
    ...INCIDENT_FIELDS,
    notes: listOf(NOTE), noteCount: int,
    clause: CLAUSE, steps: listOf(str), what: nullable(str),
    files: listOf(exact({ ...FILE.properties, at: time }, ['name', 'nameSha256'])), filesTruncated: bool,
    timeline: listOf(exact({ at: time, seq: int, kind: str, text: str, user: nullable(str), file: FILE }, ['user', 'file'])),
    history: listOf(HISTORY),
  }),
});
export const NOTE_RESPONSE = exact({ note: NOTE });

const COUNTS_BY_CATEGORY = exact({ posture: int, availability: int, misuse: int });
const CHECK_COUNTS = exact({ pass: int, fail: int, unknown: int, notApplicable: int, noVerdict: int, passShare: nullable({ type: 'number' }) });
export const OVERVIEW_RESPONSE = exact({
  generatedAt: time, weeks: int, checks: listOf(str),
  schools: listOf(exact({
    id: str, name: str, devices: int, failing: int, silent: int,
    checks: { type: 'object', additionalProperties: CHECK_COUNTS },
    openAlerts: COUNTS_BY_CATEGORY,
    trend: listOf(exact({
      weekEnding: time, devices: int, failing: int,
      passShare: { type: 'object', additionalProperties: nullable({ type: 'number' }) },
    })),
  })),
  totals: exact({ devices: int, failing: int, silent: int, openAlerts: COUNTS_BY_CATEGORY }),
});

export const SCHOOLS_RESPONSE = exact({ schools: listOf(exact({ id: str, name: str })) });
export const SCHOOL_CREATED_RESPONSE = exact({ school: exact({ id: str, name: str }), enrolmentSecret: str });

const SCHOOLS_OF = { anyOf: [{ type: 'string', enum: ['all'] }, listOf(str)] };
export const PERSON = exact({ id: str, email: str, name: str, roles: listOf(str), schools: SCHOOLS_OF, createdAt: time, disabledAt: nullable(time) });
export const PEOPLE_RESPONSE = exact({ people: listOf(PERSON) });
export const PERSON_RESPONSE = exact({ person: PERSON });

export const AUDIT_RESPONSE = page({
  entries: listOf(exact({
    id: int, at: time, personEmail: nullable(str), tokenId: nullable(str), sessionId: nullable(str), roles: listOf(str), label: str,
    action: str, target: str, schoolId: nullable(str),
  })),
});

export const POLICY_RESPONSE = exact({ schoolId: str, pack: anyObject, default: bool });
export const POLICY_SET_RESPONSE = exact({ schoolId: str, pack: anyObject, rejudged: exact({ devices: int, changed: int }) });

export const DEVICE = exact({
  id: str, schoolId: str, hostname: str, suspectDuplicate: DUPLICATE, awaitingApprovalSince: nullable(time), facts: anyObject,
  enrolledAt: time, lastSeenAt: nullable(time), revokedAt: nullable(time), checks: { type: 'object', additionalProperties: VERDICT },
});
const TOKEN = exact({
  id: str, person: nullable(str), service: bool, roles: listOf(str), schools: nullable(SCHOOLS_OF), label: str, createdAt: time, revokedAt: nullable(time),
});
export const TOKENS_RESPONSE = exact({ tokens: listOf(TOKEN) });
export const TOKEN_REVOKED_RESPONSE = exact({ token: TOKEN, changed: bool });
export const DEVICE_REVOKED_RESPONSE = exact({ device: DEVICE, changed: bool });
export const SECRET_ROTATED_RESPONSE = exact({ schoolId: str, enrolmentSecret: str });

const CHANNEL = exact({ id: str, schoolId: str, kind: str, audience: nullable(str), description: str, createdAt: time, disabledAt: nullable(time) });
export const CHANNELS_RESPONSE = exact({ channels: listOf(CHANNEL) });
export const CHANNEL_CREATED_RESPONSE = exact({ channel: CHANNEL, summaries: int });
export const CHANNEL_TESTED_RESPONSE = exact({ result: str });
export const NOTIFICATIONS_RESPONSE = page({
  notifications: listOf(exact({
    id: str, schoolId: str, alertId: nullable(str), channelId: str, personId: nullable(str), recipient: str, reason: str, subject: str,
    category: str, status: str, attempts: int, nextAttemptAt: nullable(time), lastError: nullable(str), createdAt: time, sentAt: nullable(time),
  })),
});
export const ROUTES_RESPONSE = exact({ routes: listOf(anyObject), settings: anyObject, publicUrl: nullable(str) });
/** Reports, terms and exception reasons are the report models as JSON: described as objects. */
export const REPORT_JSON = anyObject;
