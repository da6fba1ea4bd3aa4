// Alerts: posture and availability for those who look after devices, misuse for
// safeguarding roles; every response carrying misuse is audited.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { ALERT_CATEGORIES, ALERT_STATUSES, type Alert, type AlertCategory, type AlertStatus, type Store } from '../../store/types.ts';
import { ALERT_ROLES, assertSameSchool, audit, byWhom, principalOf, visibleCategories } from '../access.ts';
import { presentAlert } from '../present.ts';
import { LIMIT_SCHEMA } from './paging.ts';

interface AlertListQuery { status?: AlertStatus; category?: AlertCategory; limit: number }

const ALERT_LIST_SCHEMA = {
  querystring: {
    type: 'object', additionalProperties: false,
    properties: {
      status: { type: 'string', enum: [...ALERT_STATUSES] },
      category: { type: 'string', enum: [...ALERT_CATEGORIES] },
      ...LIMIT_SCHEMA,
    },
  },
};

export const alertRoutes = (app: FastifyInstance, store: Store): void => {
  const auditMisuse = async (request: FastifyRequest, alerts: Alert[], action: string): Promise<void> => {
    const principal = principalOf(request);
    for (const alert of alerts.filter((a) => a.category === 'misuse')) {
      await audit(store, principal, action, `alert ${alert.id}`, alert.schoolId);
    }
  };

  app.get<{ Querystring: AlertListQuery }>('/api/v1/alerts',
    { config: { access: ALERT_ROLES }, schema: ALERT_LIST_SCHEMA }, async (request) => {
      const principal = principalOf(request);
      const { status, category, limit } = request.query;
      const allowed = visibleCategories(principal.role);
      if (category && !allowed.includes(category)) throw new InvigilatorError('API_FORBIDDEN');
      const alerts = await store.listAlerts({
        categories: category ? [category] : allowed, limit,
        ...(status ? { statuses: [status] } : {}),
        ...(principal.schoolId === null ? {} : { schoolId: principal.schoolId }),
      });
      await auditMisuse(request, alerts, 'view misuse alert');
      return { alerts: alerts.map(presentAlert) };
    });

  const changeRoute = (action: 'acknowledge' | 'resolve') =>
    app.post<{ Params: { id: string } }>(`/api/v1/alerts/:id/${action}`, { config: { access: ALERT_ROLES } },
      async (request) => {
        const principal = principalOf(request);
        const alert = await store.getAlert(request.params.id);
        if (!alert) throw new InvigilatorError('NOT_FOUND');
        assertSameSchool(principal, alert.schoolId);
        if (!visibleCategories(principal.role).includes(alert.category)) throw new InvigilatorError('API_FORBIDDEN');
        const at = Date.now();
        if (action === 'acknowledge') await store.acknowledgeAlert(alert.id, at, byWhom(principal));
        else await store.resolveAlert(alert.id, at, byWhom(principal));
        const updated = (await store.getAlert(alert.id)) ?? alert;
        await auditMisuse(request, [updated], `${action} misuse alert`);
        return { alert: presentAlert(updated) };
      });
  changeRoute('acknowledge');
  changeRoute('resolve');
};
