// Liveness and Prometheus metrics: no token, no data about devices or people.
import type { FastifyInstance } from 'fastify';
import { renderMetrics, type Metrics } from '../../metrics.ts';
import type { Store } from '../../store/types.ts';

export const healthRoutes = (app: FastifyInstance, store: Store, metrics: Metrics): void => {
  app.get('/healthz', { config: { access: 'public' } }, async () => {
    await store.ping();
    return { status: 'ok' };
  });

  app.get('/metrics', { config: { access: 'public' } }, async (_request, reply) => {
    const text = renderMetrics(metrics, await store.countUnresolvedAlertsByCategory());
    return reply.type('text/plain; version=0.0.4; charset=utf-8').send(text);
  });
};
