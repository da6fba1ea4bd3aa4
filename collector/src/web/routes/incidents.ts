// The DSL's inbox: misuse incidents with everything behind them, case notes, exports for the school's
// safeguarding record. Admin and DSL only. Viewing is audited when it shows the person something new;
// adding a note and exporting are audited every time.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { incidentSummary, readIncident } from '../../alerts/incident.ts';
import { SEVERITIES } from '../../alerts/lifecycle.ts';
import { MISUSE_STEPS } from '../../notify/message.ts';
import { incidentDocument } from '../../reports/incident-document.ts';
import { CONTENT_TYPES, renderDocument } from '../../reports/render.ts';
import type { AlertCursor, AlertRow } from '../../store/alerts-types.ts';
import type { AlertNote } from '../../store/dashboard-types.ts';
import { ALERT_STATUSES, type Device, type Store } from '../../store/types.ts';
import { assertSameSchool, audit, auditShown, byWhom, principalOf, SAFEGUARDING_ROLES, schoolScope } from '../access.ts';
import { iso, presentAlertHistory, presentDuplicate } from '../present.ts';
import { alertView } from './alerts.ts';
import { CURSOR_SCHEMA, decodeCursor, encodeCursor, LIMIT_SCHEMA, listPattern, splitList } from './paging.ts';
import { INCIDENT_LIST_RESPONSE, INCIDENT_RESPONSE, NOTE_RESPONSE } from './schemas.ts';

const ACCESS = { access: SAFEGUARDING_ROLES };
export const MAX_CASE_NOTE = 4000;
const ISO_TIME = { type: 'string', format: 'date-time' } as const;

interface IncidentListQuery {
  state?: string; q?: string; school?: string; device?: string; severity?: string; since?: string; until?: string; cursor?: string; limit: number;
}

const LIST_SCHEMA = {
  querystring: {
    type: 'object', additionalProperties: false,
    properties: {
      state: { type: 'string', pattern: listPattern(ALERT_STATUSES) },
      q: { type: 'string', minLength: 1, maxLength: 100 },
      school: { type: 'string', minLength: 1, maxLength: 64 },
      device: { type: 'string', minLength: 1, maxLength: 64 },
      severity: { type: 'string', pattern: listPattern(SEVERITIES) },
      since: ISO_TIME, until: ISO_TIME,
      ...CURSOR_SCHEMA, ...LIMIT_SCHEMA,
    },
  },
  response: { 200: INCIDENT_LIST_RESPONSE },
} as const;

const isAlertCursor = (value: unknown): value is AlertCursor => {
  const v = value as Partial<AlertCursor> | null;
  return typeof v === 'object' && v !== null && Number.isInteger(v.severityRank) && Number.isInteger(v.lastSeenAt) && typeof v.id === 'string';
};

const presentNote = (note: AlertNote) => ({ id: note.id, at: iso(note.at), by: note.by, text: note.text });

type Summary = ReturnType<typeof incidentSummary>;
const presentSummary = ({ alert, kind, user, stick, fileCount }: Summary, notes: number, device: Device | undefined) => ({
  id: alert.id, schoolId: alert.schoolId, deviceId: alert.deviceId,
  hostname: typeof alert.detail.hostname === 'string' ? alert.detail.hostname : null, deviceSuspectDuplicate: presentDuplicate(device),
  kind, severity: alert.severity, status: alert.status, title: alert.title, summary: alert.summary, user, stick, fileCount,
  openedAt: iso(alert.openedAt), lastSeenAt: iso(alert.lastSeenAt), occurrences: alert.occurrences,
  acknowledgedAt: iso(alert.acknowledgedAt), acknowledgedBy: alert.acknowledgedBy, resolvedAt: iso(alert.resolvedAt),
  resolvedBy: alert.resolvedBy, escalatedAt: iso(alert.escalatedAt), notes,
});

const fileText = (file: { name: string } | { nameSha256: string }): string =>
  ('name' in file ? file.name : `name hashed (SHA-256 ${file.nameSha256})`);
const stickText = (stick: Summary['stick']): string | null =>
  (stick ? [stick.label && `"${stick.label}"`, stick.vendor, stick.model, stick.serial && `serial ${stick.serial}`].filter(Boolean).join(' ') || 'unidentified' : null);

export const incidentRoutes = (app: FastifyInstance, store: Store): void => {
  const devicesOf = async (alerts: readonly AlertRow[]): Promise<Map<string, Device>> => {
    const ids = [...new Set(alerts.map((a) => a.deviceId).filter((id): id is string => id !== null))];
    const devices = (await Promise.all(ids.map((id) => store.getDevice(id)))).filter((d): d is Device => d !== undefined);
    return new Map(devices.map((d) => [d.id, d]));
  };

  /** The misuse alert, if the caller's schools hold it; anything else is "not found". */
  const incidentFor = async (request: FastifyRequest, id: string): Promise<AlertRow> => {
    const alert = await store.getAlert(id);
    if (!alert || alert.category !== 'misuse') throw new InvigilatorError('NOT_FOUND');
    assertSameSchool(principalOf(request), alert.schoolId);
    return alert;
  };

  const fullIncident = async (alert: AlertRow) => {
    const [read, history, notes, devices] = await Promise.all([
      readIncident(store, alert), store.listAlertHistory(alert.id), store.listAlertNotes(alert.id), devicesOf([alert]),
    ]);
    return { read, history, notes, device: devices.get(alert.deviceId ?? '') };
  };

  app.get<{ Querystring: IncidentListQuery }>('/api/v1/incidents', { config: ACCESS, schema: LIST_SCHEMA }, async (request) => {
    const principal = principalOf(request);
    const { state, q, school, device, severity, since, until, cursor, limit } = request.query;
    const alerts = await store.listIncidents({
      ...schoolScope(principal), limit,
      ...(school ? { schoolId: school } : {}),
      ...(state ? { statuses: splitList(state) } : {}),
      ...(severity ? { severities: splitList(severity) } : {}),
      ...(device ? { deviceId: device } : {}),
      ...(q ? { text: q } : {}),
      ...(since ? { openedFrom: Date.parse(since) } : {}),
      ...(until ? { openedUntil: Date.parse(until) } : {}),
      ...(cursor ? { after: decodeCursor(cursor, isAlertCursor) } : {}),
    });
    const ids = alerts.map((a) => a.id);
    const [ends, notes, devices] = await Promise.all([store.alertEventEnds(ids), store.countAlertNotes(ids), devicesOf(alerts)]);
    await auditShown(store, principal, 'view misuse alerts', alerts.map(alertView), request.url);
    const last = alerts.at(-1);
    return {
      incidents: alerts.map((a) => presentSummary(incidentSummary(a, ends.get(a.id)), notes.get(a.id) ?? 0, devices.get(a.deviceId ?? ''))),
      nextCursor: alerts.length === limit && last ? encodeCursor({ severityRank: last.severityRank, lastSeenAt: last.lastSeenAt, id: last.id }) : null,
    };
  });

  app.get<{ Params: { id: string } }>('/api/v1/incidents/:id', { config: ACCESS, schema: { response: { 200: INCIDENT_RESPONSE } } }, async (request) => {
    const alert = await incidentFor(request, request.params.id);
    const { read, history, notes, device } = await fullIncident(alert);
    const view = alertView(alert);
    await auditShown(store, principalOf(request), 'view misuse incident',
      [{ ...view, item: `incident ${alert.id}`, version: `${view.version}|events:${read.eventCount}|notes:${notes.length}` }], '');
    const shown = read.summary.alert;
    return {
      incident: {
        ...presentSummary(read.summary, notes.length, device),
        notes: notes.map(presentNote), noteCount: notes.length,
        clause: { id: alert.clauseId, text: alert.clauseText }, steps: MISUSE_STEPS,
        what: typeof shown.detail.what === 'string' ? shown.detail.what : null,
        files: read.files.map((f) => ({ ...f, at: iso(f.at) })), filesTruncated: read.filesTruncated,
        timeline: read.timeline.map((t) => ({ ...t, at: iso(t.at) })),
        history: history.map(presentAlertHistory),
      },
    };
  });

  app.post<{ Params: { id: string }; Body: { text: string } }>('/api/v1/incidents/:id/notes', {
    config: ACCESS,
    schema: {
      body: { type: 'object', additionalProperties: false, required: ['text'], properties: { text: { type: 'string', minLength: 1, maxLength: MAX_CASE_NOTE } } },
      response: { 201: NOTE_RESPONSE },
    },
  }, async (request, reply) => {
    const principal = principalOf(request);
    const alert = await incidentFor(request, request.params.id);
    const text = request.body.text.trim();
    if (text === '') throw new InvigilatorError('BAD_REQUEST', 'A case note needs some text.');
    const note = await store.addAlertNote({ alertId: alert.id, at: Date.now(), by: byWhom(principal), text });
    await audit(store, principal, 'add case note', `incident ${alert.id} (note ${note.id})`, alert.schoolId);
    return reply.code(201).send({ note: presentNote(note) });
  });

  app.get<{ Params: { id: string }; Querystring: { format: 'pdf' | 'csv' } }>('/api/v1/incidents/:id/export', {
    config: ACCESS,
    schema: { querystring: { type: 'object', additionalProperties: false, required: ['format'], properties: { format: { type: 'string', enum: ['pdf', 'csv'] } } } },
  }, async (request, reply: FastifyReply) => {
    const principal = principalOf(request);
    const alert = await incidentFor(request, request.params.id);
    const { read, history, notes } = await fullIncident(alert);
    const school = await store.getSchool(alert.schoolId);
    const now = Date.now();
    const { alert: shown, user, stick } = read.summary;
    const document = incidentDocument({
      id: alert.id, school: { id: alert.schoolId, name: school?.name ?? alert.schoolId },
      hostname: typeof shown.detail.hostname === 'string' ? shown.detail.hostname : null,
      title: shown.title, summary: shown.summary, severity: shown.severity, status: shown.status, user, stick: stickText(stick),
      clause: { id: alert.clauseId, text: alert.clauseText }, steps: MISUSE_STEPS, openedAt: iso(alert.openedAt) ?? '',
      files: read.files.map((f) => ({ at: iso(f.at) ?? '', file: fileText(f) })),
      timeline: read.timeline.map((t) => ({ at: iso(t.at) ?? '', kind: t.kind, text: t.file ? `File copied: ${fileText(t.file)}` : t.text })),
      history: history.map((h) => ({ at: iso(h.at) ?? '', action: h.action, by: h.by, note: h.note })),
      notes: notes.map((n) => ({ at: iso(n.at) ?? '', by: n.by, text: n.text })),
      generatedAt: new Date(now).toISOString(), generatedBy: byWhom(principal),
    });
    const { format } = request.query;
    const bytes = await renderDocument(document, format);
    await audit(store, principal, 'export misuse incident', `incident ${alert.id} (${format})`, alert.schoolId);
    const name = `incident-${alert.schoolId.replace(/[^A-Za-z0-9-]+/g, '-')}-${(iso(alert.openedAt) ?? '').slice(0, 10)}-${alert.id.slice(0, 8)}.${format}`;
    return reply.type(CONTENT_TYPES[format]).header('content-disposition', `attachment; filename="${name}"`).send(bytes);
  });
};
