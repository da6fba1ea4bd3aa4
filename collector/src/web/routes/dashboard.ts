// The dashboard page, its script, and the "who am I" call it starts from. The page holds no data of
// its own: everything it shows comes through the role-checked API.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { principalOf, seesDevices, visibleCategories } from '../access.ts';
import { ROLES } from '../../store/types.ts';
import { PAGE_SECURITY_POLICY } from './sign-in.ts';

const DASHBOARD = path.join(import.meta.dirname, '../dashboard');
const PAGE = readFileSync(path.join(DASHBOARD, 'index.html'), 'utf8');
const SCRIPT = readFileSync(path.join(DASHBOARD, 'dashboard.js'), 'utf8');

export const dashboardRoutes = (app: FastifyInstance): void => {
  app.get('/', { config: { access: 'public' } }, async (_request, reply) =>
    reply.type('text/html; charset=utf-8').header('content-security-policy', PAGE_SECURITY_POLICY).send(PAGE));

  app.get('/dashboard.js', { config: { access: 'public' } }, async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').send(SCRIPT));

  app.get('/api/v1/me', { config: { access: ROLES } }, async (request, reply) => {
    const principal = principalOf(request);
    const { personId, email, tokenId, sessionId, roles, schools, label, csrfToken } = principal;
    return reply.header('cache-control', 'no-store').send({
      personId, email, tokenId, sessionId, roles, schools, label,
      sees: { devices: seesDevices(principal), alertCategories: visibleCategories(roles) },
      // Only a cookie session has one: the page sends it back with every change.
      ...(csrfToken ? { csrfToken } : {}),
    });
  });
};
