// The JSON API on fastify. Its HTTP(S) server is also where the agent gateway takes upgrades.
import Fastify, { type FastifyInstance } from 'fastify';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import type { Logger } from '@invigilator/shared/logger.ts';
import type { Metrics } from '../metrics.ts';
import type { Store } from '../store/types.ts';
import { authorise } from './access.ts';
import { frameworkError, handleError, refuseUndeclaredQuery, sendError } from './errors.ts';
import { addSecurityHeaders } from './security-headers.ts';
import { alertRoutes } from './routes/alerts.ts';
import { auditRoutes } from './routes/audit.ts';
import { dashboardRoutes } from './routes/dashboard.ts';
import { deviceRoutes } from './routes/devices.ts';
import { healthRoutes } from './routes/health.ts';
import { reportRoutes } from './routes/reports.ts';

export interface ApiOptions {
  store: Store;
  metrics: Metrics;
  logger: Logger;
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** The bearer token a metrics scraper presents at /metrics (admins' and network managers' API tokens work too). */
  metricsToken?: string;
}

const SERVER_OPTIONS = {
  // Fastify's default strips unknown query parameters silently; they are refused instead (route schemas).
  ajv: { customOptions: { removeAdditional: false } },
  // Fastify's own early refusals (a URL that does not decode, a bad content type) in our shape, echoing nothing.
  frameworkErrors: frameworkError,
} as const;

export const buildApi = ({ store, metrics, logger, tls, metricsToken }: ApiOptions): FastifyInstance => {
  const app = (tls
    ? Fastify({ ...SERVER_OPTIONS, loggerInstance: logger, https: { cert: tls.cert, key: tls.key } })
    : Fastify({ ...SERVER_OPTIONS, loggerInstance: logger })) as unknown as FastifyInstance;
  app.addHook('onRequest', authorise(store));
  app.addHook('preValidation', refuseUndeclaredQuery);
  addSecurityHeaders(app, { tls: Boolean(tls) });
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((_request, reply) => sendError(reply, new InvigilatorError('NOT_FOUND')));
  healthRoutes(app, store, metrics, metricsToken);
  deviceRoutes(app, store);
  alertRoutes(app, store);
  auditRoutes(app, store);
  reportRoutes(app, store);
  dashboardRoutes(app);
  return app;
};
