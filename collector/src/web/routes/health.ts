// Liveness (no token) and Prometheus metrics (a scraper's token): no data about devices or people.
import type { FastifyInstance } from 'fastify';
import { renderMetrics, type Metrics } from '../../metrics.ts';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { hashSecret, secretMatches } from '../../secrets.ts';
import type { Role, Store } from '../../store/types.ts';
import { verifyApiToken } from '../../tokens.ts';
import { bearerToken } from '../access.ts';

const SCRAPE_ROLES: readonly Role[] = ['admin', 'network-manager'];

const authoriseScrape = async (store: Store, header: string | undefined, metricsToken: string | undefined): Promise<void> => {
  const presented = bearerToken(header);
  if (!presented) throw new InvigilatorError('API_TOKEN_MISSING');
  if (metricsToken && secretMatches(presented, hashSecret(metricsToken))) return;
  const token = await verifyApiToken(store, presented);
  if (!token.roles.some((role) => SCRAPE_ROLES.includes(role))) throw new InvigilatorError('API_FORBIDDEN');
};

export const healthRoutes = (app: FastifyInstance, store: Store, metrics: Metrics, metricsToken?: string): void => {
  app.get('/healthz', { config: { access: 'public' } }, async () => {
    await store.ping();
    return { status: 'ok' };
  });

  // Not for everyone who can reach the port (every device can): the scraper's token, or an admin's or network manager's.
  app.get('/metrics', { config: { access: 'public' } }, async (request, reply) => {
    await authoriseScrape(store, request.headers.authorization, metricsToken);
    const text = renderMetrics(metrics, await store.countUnresolvedAlertsByCategory());
    return reply.type('text/plain; version=0.0.4; charset=utf-8').send(text);
  });
};
