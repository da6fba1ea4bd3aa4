// The JSON API on fastify. Its HTTP(S) server is also where the agent gateway takes upgrades.
import Fastify, { type FastifyInstance } from 'fastify';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import type { Logger } from '@invigilator/shared/logger.ts';
import type { Metrics } from '../metrics.ts';
import { OIDC_CALLBACK_PATH } from '../sign-in/oidc.ts';
import type { SignIn } from '../sign-in/sign-in.ts';
import type { Store } from '../store/types.ts';
import { authorise } from './access.ts';
import { addCompression } from './compression.ts';
import { frameworkError, handleError, refuseUndeclaredQuery, sendError } from './errors.ts';
import { addSecurityHeaders } from './security-headers.ts';
import { adminRoutes } from './routes/admin.ts';
import { alertRoutes } from './routes/alerts.ts';
import { auditRoutes } from './routes/audit.ts';
import { dashboardRoutes } from './routes/dashboard.ts';
import { deliveryRoutes } from './routes/delivery.ts';
import { deviceRoutes } from './routes/devices.ts';
import { healthRoutes } from './routes/health.ts';
import { signInRoutes } from './routes/sign-in.ts';
import { reportRoutes } from './routes/reports.ts';
import { incidentRoutes } from './routes/incidents.ts';
import { liveRoutes } from './routes/live.ts';
import { openApiRoutes, registerOpenApi } from './routes/openapi.ts';
import { overviewRoutes } from './routes/overview.ts';
import { settingsRoutes } from './routes/settings.ts';
import type { LiveBus } from '../live/bus.ts';

export interface ApiOptions {
  store: Store;
  metrics: Metrics;
  logger: Logger;
  tls?: { cert: string | Buffer; key: string | Buffer };
  signIn: SignIn;
  /** Closes a device's open agent connections once an administrator revoked it. */
  onDeviceRevoked(deviceId: string): void;
  /** The address people open the collector at, for links in messages. */
  publicUrl?: string;
  /** The bearer token a metrics scraper presents at /metrics (admins' and network managers' API tokens work too). */
  metricsToken?: string;
  /** Where committed alert and verdict changes are told, for the live stream. */
  bus: LiveBus;
}

const SERVER_OPTIONS = {
  // Fastify's default strips unknown query parameters silently; they are refused instead (route schemas).
  ajv: { customOptions: { removeAdditional: false } },
  // Fastify's own early refusals (a URL that does not decode, a bad content type) in our shape, echoing nothing.
  frameworkErrors: frameworkError,
} as const;

interface LoggedRequest { method?: string; url?: string; host?: string; ip?: string; socket?: { remotePort?: number } }

/** Request log lines without the sign-in callback's query: its authorization code and state stay out of logs. */
const requestLogLine = (request: LoggedRequest) => ({
  method: request.method,
  url: request.url?.startsWith(OIDC_CALLBACK_PATH) ? OIDC_CALLBACK_PATH : request.url,
  host: request.host, remoteAddress: request.ip, remotePort: request.socket?.remotePort,
});

export const buildApi = ({ store, metrics, logger, tls, signIn, onDeviceRevoked, metricsToken, publicUrl, bus }: ApiOptions): FastifyInstance => {
  const loggerInstance = logger.child({}, { serializers: { req: requestLogLine } });
  const app = (tls
    ? Fastify({ ...SERVER_OPTIONS, loggerInstance, https: { cert: tls.cert, key: tls.key } })
    : Fastify({ ...SERVER_OPTIONS, loggerInstance })) as unknown as FastifyInstance;
  app.addHook('onRequest', authorise(store, signIn));
  app.addHook('preValidation', refuseUndeclaredQuery);
  addSecurityHeaders(app, { tls: Boolean(tls) });
  // After the headers' hook: a page's policy is worked out from its text before that text is compressed.
  addCompression(app);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((_request, reply) => sendError(reply, new InvigilatorError('NOT_FOUND')));
  // Response schemas describe the API (OpenAPI) but never filter it: answers are plain JSON.stringify.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  registerOpenApi(app);
  // Routes are declared once the OpenAPI plugin has loaded, so it sees every one.
  app.register(async (api) => {
    healthRoutes(api, store, metrics, metricsToken);
    deviceRoutes(api, store);
    alertRoutes(api, store);
    incidentRoutes(api, store);
    overviewRoutes(api, store);
    auditRoutes(api, store);
    deliveryRoutes(api, store, publicUrl);
    adminRoutes(api, { store, onDeviceRevoked });
    settingsRoutes(api, store);
    liveRoutes(api, { store, signIn, bus });
    signInRoutes(api, signIn);
    reportRoutes(api, store);
    dashboardRoutes(api);
    openApiRoutes(api);
  });
  return app;
};
