// The JSON API on fastify. Its HTTP(S) server is also where the agent gateway takes upgrades.
import Fastify, { type FastifyInstance } from 'fastify';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import type { Logger } from '@invigilator/shared/logger.ts';
import type { Metrics } from '../metrics.ts';
import type { Store } from '../store/types.ts';
import { authorise } from './access.ts';
import { handleError, sendError } from './errors.ts';
import { alertRoutes } from './routes/alerts.ts';
import { auditRoutes } from './routes/audit.ts';
import { dashboardRoutes } from './routes/dashboard.ts';
import { deliveryRoutes } from './routes/delivery.ts';
import { deviceRoutes } from './routes/devices.ts';
import { healthRoutes } from './routes/health.ts';
import { reportRoutes } from './routes/reports.ts';

export interface ApiOptions {
  store: Store;
  metrics: Metrics;
  logger: Logger;
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** The address people open the collector at, for links in messages. */
  publicUrl?: string;
}

export const buildApi = ({ store, metrics, logger, tls, publicUrl }: ApiOptions): FastifyInstance => {
  const app = (tls
    ? Fastify({ loggerInstance: logger, https: { cert: tls.cert, key: tls.key } })
    : Fastify({ loggerInstance: logger })) as unknown as FastifyInstance;
  app.addHook('onRequest', authorise(store));
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((_request, reply) => sendError(reply, new InvigilatorError('NOT_FOUND')));
  healthRoutes(app, store, metrics);
  deviceRoutes(app, store);
  alertRoutes(app, store);
  auditRoutes(app, store);
  deliveryRoutes(app, store, publicUrl);
  reportRoutes(app, store);
  dashboardRoutes(app);
  return app;
};
