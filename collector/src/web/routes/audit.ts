// The audit log of safeguarding views and changes: administrators only, newest first, filtered by person,
// action, school and time, paged by cursor.
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/types.ts';
import { assertSameSchool, principalOf, schoolScope } from '../access.ts';
import { iso } from '../present.ts';
import { CURSOR_SCHEMA, decodeCursor, encodeCursor, LIMIT_SCHEMA } from './paging.ts';
import { AUDIT_RESPONSE } from './schemas.ts';

interface AuditListQuery { person?: string; action?: string; school?: string; since?: string; until?: string; cursor?: string; limit: number }
const ISO_TIME = { type: 'string', format: 'date-time' } as const;

export const auditRoutes = (app: FastifyInstance, store: Store): void => {
  app.get<{ Querystring: AuditListQuery }>('/api/v1/audit', {
    config: { access: ['admin'] },
    schema: {
      querystring: {
        type: 'object', additionalProperties: false,
        properties: {
          person: { type: 'string', minLength: 1, maxLength: 320 }, action: { type: 'string', minLength: 1, maxLength: 100 },
          school: { type: 'string', minLength: 1, maxLength: 64 }, since: ISO_TIME, until: ISO_TIME, ...CURSOR_SCHEMA, ...LIMIT_SCHEMA,
        },
      },
      response: { 200: AUDIT_RESPONSE },
    },
  }, async (request) => {
    const principal = principalOf(request);
    const { person, action, school, since, until, cursor, limit } = request.query;
    if (school) assertSameSchool(principal, school);
    const before = cursor ? decodeCursor(cursor, (v): v is { id: number } => Number.isInteger((v as { id?: unknown } | null)?.id)) : undefined;
    const entries = await store.listAuditPage({
      ...schoolScope(principal), limit,
      ...(person ? { personEmail: person.trim().toLowerCase() } : {}),
      ...(action ? { action } : {}),
      ...(school ? { onlySchool: school } : {}),
      ...(since ? { from: Date.parse(since) } : {}),
      ...(until ? { until: Date.parse(until) } : {}),
      ...(before ? { beforeId: before.id } : {}),
    });
    const last = entries.at(-1);
    return {
      entries: entries.map((entry) => ({ ...entry, at: iso(entry.at) })),
      nextCursor: entries.length === limit && last ? encodeCursor({ id: last.id }) : null,
    };
  });
};
