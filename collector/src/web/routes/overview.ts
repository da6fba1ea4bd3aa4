// The network manager's and admin's overview of their schools, and the list of schools any caller covers
// (for filters and headings). Counts only: nothing here is safeguarding detail, so nothing is audited.
import type { FastifyInstance } from 'fastify';
import { ROLES, type Role, type Store } from '../../store/types.ts';
import { assertSameSchool, principalOf, schoolScope } from '../access.ts';
import { buildOverview } from '../overview.ts';
import { OVERVIEW_RESPONSE, SCHOOLS_RESPONSE } from './schemas.ts';

const OVERVIEW_ROLES: readonly Role[] = ['admin', 'network-manager'];

export const overviewRoutes = (app: FastifyInstance, store: Store): void => {
  app.get<{ Querystring: { weeks: number; school?: string } }>('/api/v1/overview', {
    config: { access: OVERVIEW_ROLES },
    schema: {
      querystring: {
        type: 'object', additionalProperties: false,
        properties: { weeks: { type: 'integer', minimum: 1, maximum: 26, default: 8 }, school: { type: 'string', minLength: 1, maxLength: 64 } },
      },
      response: { 200: OVERVIEW_RESPONSE },
    },
  }, async (request) => {
    const principal = principalOf(request);
    const { weeks, school } = request.query;
    if (school) assertSameSchool(principal, school);
    return buildOverview(store, school ? { schoolIds: [school] } : schoolScope(principal), Date.now(), weeks);
  });

  app.get('/api/v1/schools', { config: { access: ROLES }, schema: { response: { 200: SCHOOLS_RESPONSE } } }, async (request) => {
    const { schools } = principalOf(request);
    const all = await store.listSchools();
    return { schools: all.filter((s) => schools === 'all' || schools.includes(s.id)).map((s) => ({ id: s.id, name: s.name })) };
  });
};
