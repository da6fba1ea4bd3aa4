// Alerts: posture and availability for those who look after devices, misuse for
// safeguarding roles; every response carrying misuse is audited, once per request.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import {
  ALERT_CATEGORIES, ALERT_STATUSES, type Alert, type AlertCategory, type AlertStatus, type Device, type Store,
} from '../../store/types.ts';
import { ALERT_ROLES, assertSameSchool, audit, byWhom, principalOf, schoolScope, visibleCategories } from '../access.ts';
import { presentAlert } from '../present.ts';
import { LIMIT_SCHEMA } from './paging.ts';

/** `status` is one status or several separated by commas ("open,acknowledged"). */
interface AlertListQuery { status?: string; category?: AlertCategory; limit: number }

const ONE_STATUS = `(?:${ALERT_STATUSES.join('|')})`;

const ALERT_LIST_SCHEMA = {
  querystring: {
    type: 'object', additionalProperties: false,
    properties: {
      status: { type: 'string', pattern: `^${ONE_STATUS}(?:,${ONE_STATUS})*$` },
      category: { type: 'string', enum: [...ALERT_CATEGORIES] },
      ...LIMIT_SCHEMA,
    },
  },
};

const statusesOf = (status: string): AlertStatus[] => [...new Set(status.split(','))] as AlertStatus[];

/** The misuse alerts among `alerts`, grouped by school: each school's audit trail is kept (and deleted) on its own. */
const misuseBySchool = (alerts: Alert[]): Map<string, Alert[]> => {
  const groups = new Map<string, Alert[]>();
  for (const alert of alerts.filter((a) => a.category === 'misuse')) {
    const group = groups.get(alert.schoolId);
    if (group) group.push(alert);
    else groups.set(alert.schoolId, [alert]);
  }
  return groups;
};

export const alertRoutes = (app: FastifyInstance, store: Store): void => {
  /** The alerts' devices, each read once: an alert is shown with its device's duplicate flag. */
  const devicesOf = async (alerts: readonly Alert[]): Promise<Map<string, Device>> => {
    const ids = [...new Set(alerts.map((alert) => alert.deviceId).filter((id): id is string => id !== null))];
    const devices = await Promise.all(ids.map((id) => store.getDevice(id)));
    return new Map(devices.filter((device): device is Device => device !== undefined).map((device) => [device.id, device]));
  };

  /** One audit entry per request (per school, for a trust-wide token): how many misuse alerts it returned, which, and the query. */
  const auditMisuseViewed = async (request: FastifyRequest, alerts: Alert[]): Promise<void> => {
    const principal = principalOf(request);
    for (const [schoolId, seen] of misuseBySchool(alerts)) {
      const count = `${seen.length} misuse alert${seen.length === 1 ? '' : 's'}`;
      await audit(store, principal, 'view misuse alerts',
        `${count}: ${seen.map((a) => a.id).join(', ')} (${request.url})`, schoolId);
    }
  };

  app.get<{ Querystring: AlertListQuery }>('/api/v1/alerts',
    { config: { access: ALERT_ROLES }, schema: ALERT_LIST_SCHEMA }, async (request) => {
      const principal = principalOf(request);
      const { status, category, limit } = request.query;
      const allowed = visibleCategories(principal.roles);
      if (category && !allowed.includes(category)) throw new InvigilatorError('API_FORBIDDEN');
      const alerts = await store.listAlerts({
        categories: category ? [category] : allowed, limit,
        ...(status ? { statuses: statusesOf(status) } : {}),
        ...schoolScope(principal),
      });
      await auditMisuseViewed(request, alerts);
      const devices = await devicesOf(alerts);
      return { alerts: alerts.map((alert) => presentAlert(alert, devices.get(alert.deviceId ?? ''))) };
    });

  const changeRoute = (action: 'acknowledge' | 'resolve') =>
    app.post<{ Params: { id: string } }>(`/api/v1/alerts/:id/${action}`, { config: { access: ALERT_ROLES } },
      async (request) => {
        const principal = principalOf(request);
        const alert = await store.getAlert(request.params.id);
        if (!alert) throw new InvigilatorError('NOT_FOUND');
        assertSameSchool(principal, alert.schoolId);
        if (!visibleCategories(principal.roles).includes(alert.category)) throw new InvigilatorError('API_FORBIDDEN');
        const at = Date.now();
        if (action === 'acknowledge') await store.acknowledgeAlert(alert.id, at, byWhom(principal));
        else await store.resolveAlert(alert.id, at, byWhom(principal));
        const updated = (await store.getAlert(alert.id)) ?? alert;
        if (updated.category === 'misuse') {
          await audit(store, principal, `${action} misuse alert`, `alert ${updated.id}`, updated.schoolId);
        }
        return { alert: presentAlert(updated, (await devicesOf([updated])).get(updated.deviceId ?? '')) };
      });
  changeRoute('acknowledge');
  changeRoute('resolve');
};
