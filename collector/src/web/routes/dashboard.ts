// The dashboard page and the "who am I" call it starts from. The page holds no
// data of its own: everything it shows comes through the role-checked API.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { DEVICE_ROLES, principalOf, visibleCategories } from '../access.ts';
import { ROLES } from '../../store/types.ts';
import { pageCsp } from '../security-headers.ts';

const PAGE = readFileSync(path.join(import.meta.dirname, '../dashboard/index.html'), 'utf8');
const PAGE_CSP = pageCsp(PAGE);

export const dashboardRoutes = (app: FastifyInstance): void => {
  app.get('/', { config: { access: 'public' } }, async (_request, reply) =>
    reply.type('text/html; charset=utf-8')
      .header('content-security-policy', PAGE_CSP)
      .send(PAGE));

  app.get('/api/v1/me', { config: { access: ROLES } }, async (request) => {
    const { role, schoolId, label } = principalOf(request);
    return { role, schoolId, label, sees: { devices: DEVICE_ROLES.includes(role), alertCategories: visibleCategories(role) } };
  });
};
