// The audit log of safeguarding views and changes: administrators only.
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/types.ts';
import { principalOf, schoolScope } from '../access.ts';
import { iso } from '../present.ts';
import { LIMIT_SCHEMA } from './paging.ts';

export const auditRoutes = (app: FastifyInstance, store: Store): void => {
  app.get<{ Querystring: { limit: number } }>('/api/v1/audit', {
    config: { access: ['admin'] },
    schema: { querystring: { type: 'object', additionalProperties: false, properties: { ...LIMIT_SCHEMA } } },
  }, async (request) => {
    const entries = await store.listAudit({ limit: request.query.limit, ...schoolScope(principalOf(request)) });
    return { entries: entries.map((entry) => ({ ...entry, at: iso(entry.at) })) };
  });
};
