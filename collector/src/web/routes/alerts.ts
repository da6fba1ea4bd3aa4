// Alerts: posture and availability for those who look after devices, misuse for safeguarding roles;
// a response that shows misuse the caller had not been shown before is audited, once per request. Lists are ordered by severity then time
// and paged by cursor, so a flood from one device cannot push the others out of view.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { acknowledgeAlert, MAX_NOTE_LENGTH, resolveByPerson, SEVERITIES } from '../../alerts/lifecycle.ts';
import type { AlertCursor } from '../../store/alerts-types.ts';
import {
  ALERT_CATEGORIES, ALERT_STATUSES, type Alert, type AlertCategory, type AlertStatus, type Device, type Store,
} from '../../store/types.ts';
import { withMisuseTexts } from '../../alerts/misuse-text.ts';
import { ALERT_ROLES, assertSameSchool, audit, auditShown, byWhom, principalOf, schoolScope, visibleCategories } from '../access.ts';
import { presentAlert, presentAlertHistory } from '../present.ts';
import { ALERT_LIST_RESPONSE, ALERT_RESPONSE, ALERT_WITH_HISTORY_RESPONSE } from './schemas.ts';
import { CURSOR_SCHEMA, decodeCursor, encodeCursor, LIMIT_SCHEMA, listPattern, splitList } from './paging.ts';

interface AlertListQuery { status?: string; category?: string; severity?: string; device?: string; school?: string; cursor?: string; limit: number }

const ALERT_LIST_SCHEMA = {
  querystring: {
    type: 'object', additionalProperties: false,
    properties: {
      status: { type: 'string', pattern: listPattern(ALERT_STATUSES) },
      category: { type: 'string', pattern: listPattern(ALERT_CATEGORIES) },
      severity: { type: 'string', pattern: listPattern(SEVERITIES) },
      device: { type: 'string', minLength: 1, maxLength: 64 },
      school: { type: 'string', minLength: 1, maxLength: 64 },
      ...CURSOR_SCHEMA,
      ...LIMIT_SCHEMA,
    },
  },
  response: { 200: ALERT_LIST_RESPONSE },
};

const isAlertCursor = (value: unknown): value is AlertCursor => {
  const v = value as Partial<AlertCursor> | null;
  return typeof v === 'object' && v !== null && Number.isInteger(v.severityRank) && Number.isInteger(v.lastSeenAt) && typeof v.id === 'string';
};

/** What a person is shown of a misuse alert, as a state: a refresh showing the same state is nothing new. */
export const alertView = (alert: Alert) => ({
  item: `alert ${alert.id}`, schoolId: alert.schoolId,
  version: `${alert.status}|${alert.severity}|${alert.lastSeenAt}|${alert.occurrences}|${alert.acknowledgedAt ?? ''}|${alert.resolvedAt ?? ''}`,
});

/** An optional JSON body {note}: acknowledging or resolving needs no body at all. */
const noteOf = (body: unknown): string | undefined => {
  if (body === undefined || body === null) return undefined;
  const note = (body as { note?: unknown }).note;
  if (typeof body !== 'object' || Object.keys(body).some((key) => key !== 'note') || (note !== undefined && typeof note !== 'string')) {
    throw new InvigilatorError('BAD_REQUEST', `The body may hold only "note", a text of at most ${MAX_NOTE_LENGTH} characters.`);
  }
  return note;
};

export const alertRoutes = (app: FastifyInstance, store: Store): void => {
  /** The alerts' devices, each read once: an alert is shown with its device's duplicate flag. */
  const devicesOf = async (alerts: readonly Alert[]): Promise<Map<string, Device>> => {
    const ids = [...new Set(alerts.map((alert) => alert.deviceId).filter((id): id is string => id !== null))];
    const devices = await Promise.all(ids.map((id) => store.getDevice(id)));
    return new Map(devices.filter((device): device is Device => device !== undefined).map((device) => [device.id, device]));
  };

  /** One audit entry per request (per school, for a trust-wide token), naming the misuse alerts the caller had not seen so. */
  const auditMisuseViewed = (request: FastifyRequest, alerts: Alert[]): Promise<number> =>
    auditShown(store, principalOf(request), 'view misuse alerts', alerts.filter((a) => a.category === 'misuse').map(alertView), request.url);

  /** The alert, if the caller may see it: another school's is "not found", a category not theirs forbidden. */
  const visibleAlert = async (request: FastifyRequest, id: string): Promise<Alert> => {
    const principal = principalOf(request);
    const alert = await store.getAlert(id);
    if (!alert) throw new InvigilatorError('NOT_FOUND');
    assertSameSchool(principal, alert.schoolId);
    if (!visibleCategories(principal.roles).includes(alert.category)) throw new InvigilatorError('API_FORBIDDEN');
    return alert;
  };

  app.get<{ Querystring: AlertListQuery }>('/api/v1/alerts',
    { config: { access: ALERT_ROLES }, schema: ALERT_LIST_SCHEMA }, async (request) => {
      const principal = principalOf(request);
      const { status, category, severity, device, school, cursor, limit } = request.query;
      const allowed = visibleCategories(principal.roles);
      const asked = category ? splitList<AlertCategory>(category) : allowed;
      if (asked.some((c) => !allowed.includes(c))) throw new InvigilatorError('API_FORBIDDEN');
      const alerts = await withMisuseTexts(store, await store.listAlerts({
        categories: asked, limit,
        ...(status ? { statuses: splitList<AlertStatus>(status) } : {}),
        ...(severity ? { severities: splitList(severity) } : {}),
        ...(device ? { deviceId: device } : {}),
        ...(school ? { schoolId: school } : {}),
        ...(cursor ? { after: decodeCursor(cursor, isAlertCursor) } : {}),
        ...schoolScope(principal),
      }));
      await auditMisuseViewed(request, alerts);
      const last = alerts.at(-1);
      const nextCursor = alerts.length === limit && last
        ? encodeCursor({ severityRank: last.severityRank, lastSeenAt: last.lastSeenAt, id: last.id } satisfies AlertCursor) : null;
      const devices = await devicesOf(alerts);
      return { alerts: alerts.map((alert) => presentAlert(alert, devices.get(alert.deviceId ?? ''))), nextCursor };
    });

  app.get<{ Params: { id: string } }>('/api/v1/alerts/:id', { config: { access: ALERT_ROLES }, schema: { response: { 200: ALERT_WITH_HISTORY_RESPONSE } } }, async (request) => {
    const [alert] = await withMisuseTexts(store, [await visibleAlert(request, request.params.id)]);
    const history = await store.listAlertHistory(alert!.id);
    if (alert!.category === 'misuse') await auditShown(store, principalOf(request), 'view misuse alert', [alertView(alert!)], '');
    return { alert: { ...presentAlert(alert!, (await devicesOf([alert!])).get(alert!.deviceId ?? '')), history: history.map(presentAlertHistory) } };
  });

  const changeRoute = (action: 'acknowledge' | 'resolve') =>
    app.post<{ Params: { id: string } }>(`/api/v1/alerts/:id/${action}`, { config: { access: ALERT_ROLES }, schema: { response: { 200: ALERT_RESPONSE } } },
      async (request) => {
        const principal = principalOf(request);
        const note = noteOf(request.body);
        const alert = await visibleAlert(request, request.params.id);
        const at = Date.now();
        const updated = await store.transaction(async (tx) => {
          const current = (await tx.getAlert(alert.id)) ?? alert;
          return action === 'acknowledge'
            ? acknowledgeAlert(tx, current, at, byWhom(principal), note)
            : resolveByPerson(tx, current, at, byWhom(principal), note);
        });
        if (updated.category === 'misuse') {
          await audit(store, principal, `${action} misuse alert`, `alert ${updated.id}`, updated.schoolId);
        }
        const [shown] = await withMisuseTexts(store, [updated]);
        return { alert: presentAlert(shown!, (await devicesOf([updated])).get(updated.deviceId ?? '')) };
      });
  changeRoute('acknowledge');
  changeRoute('resolve');
};
