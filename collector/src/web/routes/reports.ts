// Termly reports, the term calendar and inbound firewall exception reasons. Governors see reports only;
// a school-scoped token sees its own school, and another school's is "not found".
import type { FastifyInstance, FastifyReply } from 'fastify';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import type { Role, Store } from '../../store/types.ts';
import { knownExceptions, recordExceptionReason } from '../../reports/exception-reasons.ts';
import { presentReport } from '../../reports/present.ts';
import { buildReport, CONTENT_TYPES, assertFormat, renderDocument, REPORT_KINDS, type ReportKind } from '../../reports/render.ts';
import { parseDateRange } from '../../terms/calendar.ts';
import { calendarFor, setTerm } from '../../terms/terms.ts';
import { assertSameSchool, audit, byWhom, principalOf, type Principal } from '../access.ts';
import { iso } from '../present.ts';

const REPORT_ROLES: readonly Role[] = ['admin', 'network-manager', 'governor'];
const CALENDAR_READERS: readonly Role[] = ['admin', 'network-manager', 'technician', 'governor'];
const CALENDAR_WRITERS: readonly Role[] = ['admin', 'network-manager'];
const EXCEPTION_ROLES: readonly Role[] = ['admin', 'network-manager', 'technician'];

const SCHOOL_QUERY = { school: { type: 'string', minLength: 1, maxLength: 64 } } as const;

/** The school asked for, or the caller's only one; another school's is "not found", an unknown one too. */
const schoolFor = async (store: Store, principal: Principal, asked: string | undefined): Promise<string> => {
  const onlySchool = principal.schools !== 'all' && principal.schools.length === 1 ? principal.schools[0] : undefined;
  const schoolId = asked ?? onlySchool;
  if (schoolId === undefined) throw new InvigilatorError('BAD_REQUEST', 'Say which school: ?school=ID.');
  assertSameSchool(principal, schoolId);
  if (!(await store.getSchool(schoolId))) throw new InvigilatorError('NOT_FOUND');
  return schoolId;
};

const safeFileName = (text: string): string => text.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-|-$/g, '');

export const reportRoutes = (app: FastifyInstance, store: Store): void => {
  for (const kind of REPORT_KINDS) {
    app.get<{ Querystring: { school?: string; term: string; format: string; table?: string } }>(`/api/v1/reports/${kind}`, {
      config: { access: REPORT_ROLES },
      schema: {
        querystring: {
          type: 'object', additionalProperties: false,
          properties: {
            ...SCHOOL_QUERY, term: { type: 'string', minLength: 1, maxLength: 60, default: 'current' },
            format: { type: 'string', enum: ['json', 'pdf', 'html', 'csv'], default: 'json' }, table: { type: 'string', maxLength: 40 },
          },
        },
      },
    }, async (request, reply: FastifyReply) => {
      const principal = principalOf(request);
      const schoolId = await schoolFor(store, principal, request.query.school);
      const { model, document } = await buildReport(store, { kind: kind as ReportKind, schoolId, term: request.query.term, now: Date.now() });
      await audit(store, principal, `view ${kind}`, `school ${schoolId}, ${document.subtitle} (${request.query.format})`, schoolId);
      if (request.query.format === 'json') return presentReport(model);
      const format = assertFormat(request.query.format);
      const bytes = await renderDocument(document, format, request.query.table);
      const name = `${kind}-${safeFileName(schoolId)}-${safeFileName(document.subtitle.split(' · ')[1]?.split(' (')[0] ?? 'term')}.${format}`;
      return reply.type(CONTENT_TYPES[format])
        .header('content-disposition', `${format === 'html' ? 'inline' : 'attachment'}; filename="${name}"`).send(bytes);
    });
  }

  app.get<{ Querystring: { school?: string } }>('/api/v1/terms', {
    config: { access: CALENDAR_READERS },
    schema: { querystring: { type: 'object', additionalProperties: false, properties: SCHOOL_QUERY } },
  }, async (request) => {
    const schoolId = await schoolFor(store, principalOf(request), request.query.school);
    return { schoolId, terms: await calendarFor(store, schoolId, Date.now()) };
  });

  app.put<{ Body: { school?: string; name: string; start: string; end: string; holidays: string[] } }>('/api/v1/terms', {
    config: { access: CALENDAR_WRITERS },
    schema: {
      body: {
        type: 'object', additionalProperties: false, required: ['name', 'start', 'end'],
        properties: {
          ...SCHOOL_QUERY, name: { type: 'string', minLength: 1, maxLength: 60 }, start: { type: 'string' }, end: { type: 'string' },
          holidays: { type: 'array', maxItems: 60, items: { type: 'string', maxLength: 30 }, default: [] },
        },
      },
    },
  }, async (request) => {
    const principal = principalOf(request);
    const { school, name, start, end, holidays } = request.body;
    // The trust-wide calendar is for trust-wide callers; anyone else sets their own school's terms.
    const schoolId = school === undefined && principal.schools === 'all' ? null : await schoolFor(store, principal, school);
    const stored = await setTerm(store, schoolId, { name, start, end, holidays: holidays.map(parseDateRange) }, byWhom(principal), Date.now());
    return { term: { ...stored, updatedAt: iso(stored.updatedAt) } };
  });

  app.get<{ Querystring: { school?: string } }>('/api/v1/firewall-exceptions', {
    config: { access: EXCEPTION_ROLES },
    schema: { querystring: { type: 'object', additionalProperties: false, properties: SCHOOL_QUERY } },
  }, async (request) => {
    const schoolId = await schoolFor(store, principalOf(request), request.query.school);
    const known = await knownExceptions(store, schoolId, Date.now());
    return { exceptions: presentReport(known) };
  });

  app.post<{ Params: { key: string }; Body: { school?: string; reason: string } }>('/api/v1/firewall-exceptions/:key/reason', {
    config: { access: EXCEPTION_ROLES },
    schema: {
      body: {
        type: 'object', additionalProperties: false, required: ['reason'],
        properties: { ...SCHOOL_QUERY, reason: { type: 'string', minLength: 1, maxLength: 1000 } },
      },
    },
  }, async (request, reply) => {
    const principal = principalOf(request);
    const schoolId = await schoolFor(store, principal, request.body.school);
    const { recorded } = await recordExceptionReason(store, {
      schoolId, ruleKey: request.params.key, reason: request.body.reason, by: byWhom(principal),
    }, Date.now());
    return reply.code(201).send({ reason: presentReport(recorded) });
  });
};
