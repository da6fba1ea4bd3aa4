// Administrators' settings: people and their roles, schools, each school's policy pack. Each goes through
// the same functions as the CLI (people/, schools.ts, school-policy.ts); a school-scoped administrator reaches
// only people and schools within their own, and every change is audited.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { DEFAULT_POLICY_PACK } from '@invigilator/shared/policy/default-pack.ts';
import { policyPackProblems, validatePolicyPack } from '@invigilator/shared/policy/validate.ts';
import { rejudgeSchool } from '../../gateway/ingest.ts';
import { addPerson, changePersonAccess } from '../../people/people.ts';
import { schoolsWithin } from '../../people/rights.ts';
import { addSchool } from '../../schools.ts';
import { ROLES, type Person, type Role, type Store } from '../../store/types.ts';
import { assertSameSchool, audit, principalOf, type Principal } from '../access.ts';
import { errorBody } from '../errors.ts';
import { iso } from '../present.ts';
import { PEOPLE_RESPONSE, PERSON_RESPONSE, POLICY_RESPONSE, POLICY_SET_RESPONSE, SCHOOL_CREATED_RESPONSE } from './schemas.ts';

const ADMIN = { access: ['admin'] as const };
const SCHOOL_PARAM = { type: 'object', properties: { id: { type: 'string', minLength: 1, maxLength: 64 } } } as const;
const SCHOOLS_FIELD = { anyOf: [{ type: 'string', enum: ['all'] }, { type: 'array', maxItems: 200, items: { type: 'string', minLength: 1, maxLength: 64 } }] };
const ROLES_FIELD = { type: 'array', minItems: 1, maxItems: ROLES.length, items: { type: 'string', enum: ROLES } };
/** A policy pack is a few kilobytes; this leaves room for long clauses and bypass-tool lists. */
const MAX_PACK_BYTES = 256 * 1024;

const presentPerson = (person: Person) => ({
  id: person.id, email: person.email, name: person.name, roles: person.roles, schools: person.schools,
  createdAt: iso(person.createdAt), disabledAt: iso(person.disabledAt),
});

/** A person an administrator may see and change: every school of theirs lies within the administrator's. */
const withinReach = (principal: Principal, person: Pick<Person, 'schools'>): boolean => schoolsWithin(person.schools, principal.schools);

const schoolsAsked = (schools: string[] | 'all') => (schools === 'all' ? { schools: [], allSchools: true } : { schools, allSchools: false });

export const settingsRoutes = (app: FastifyInstance, store: Store): void => {
  app.get<{ Querystring: { school?: string; role?: Role; disabled?: boolean } }>('/api/v1/people', {
    config: ADMIN,
    schema: {
      querystring: {
        type: 'object', additionalProperties: false,
        properties: { school: { type: 'string', minLength: 1, maxLength: 64 }, role: { type: 'string', enum: ROLES }, disabled: { type: 'boolean' } },
      },
      response: { 200: PEOPLE_RESPONSE },
    },
  }, async (request) => {
    const principal = principalOf(request);
    const { school, role, disabled } = request.query;
    const people = await store.listPeople({ includeDisabled: disabled !== false, ...(school ? { schoolId: school } : {}), ...(role ? { role } : {}) });
    return {
      people: people.filter((p) => withinReach(principal, p) && (disabled === undefined || (p.disabledAt !== null) === disabled)).map(presentPerson),
    };
  });

  app.post<{ Body: { email: string; name: string; roles: Role[]; schools: string[] | 'all' } }>('/api/v1/people', {
    config: ADMIN,
    schema: {
      body: {
        type: 'object', additionalProperties: false, required: ['email', 'name', 'roles', 'schools'],
        properties: { email: { type: 'string', minLength: 3, maxLength: 320 }, name: { type: 'string', minLength: 1, maxLength: 200 }, roles: ROLES_FIELD, schools: SCHOOLS_FIELD },
      },
      response: { 201: PERSON_RESPONSE },
    },
  }, async (request, reply) => {
    const principal = principalOf(request);
    const { email, name, roles, schools } = request.body;
    if (!withinReach(principal, { schools })) throw new InvigilatorError('API_FORBIDDEN', '(you may add people only to your own schools)');
    const person = await addPerson(store, { email, name, roles, ...schoolsAsked(schools) }, Date.now());
    await audit(store, principal, 'add person', `${person.email} as ${person.roles.join(', ')}`, null);
    return reply.code(201).send({ person: presentPerson(person) });
  });

  app.patch<{ Params: { id: string }; Body: { roles?: Role[]; schools?: string[] | 'all'; disabled?: boolean } }>('/api/v1/people/:id', {
    config: ADMIN,
    schema: {
      body: {
        type: 'object', additionalProperties: false, minProperties: 1,
        properties: { roles: ROLES_FIELD, schools: SCHOOLS_FIELD, disabled: { type: 'boolean' } },
      },
      response: { 200: PERSON_RESPONSE },
    },
  }, async (request) => {
    const principal = principalOf(request);
    const person = await store.getPerson(request.params.id);
    if (!person || !withinReach(principal, person)) throw new InvigilatorError('NOT_FOUND');
    const { roles, schools, disabled } = request.body;
    if (schools !== undefined && !withinReach(principal, { schools })) throw new InvigilatorError('API_FORBIDDEN', '(you may give people only your own schools)');
    if (person.id === principal.personId && (disabled === true || (roles && !roles.includes('admin')))) {
      throw new InvigilatorError('BAD_REQUEST', 'You cannot disable yourself or take away your own administrator role; ask another administrator.');
    }
    if (roles !== undefined || schools !== undefined) {
      await changePersonAccess(store, person.id, { ...(roles ? { roles } : {}), ...(schools === undefined ? {} : schoolsAsked(schools)) });
    }
    if (disabled === true) await store.disablePerson(person.id, Date.now());
    if (disabled === false) await store.enablePerson(person.id);
    const changed = (await store.getPerson(person.id)) ?? person;
    await audit(store, principal, 'change person', `${changed.email}: ${JSON.stringify(request.body)}`, null);
    return { person: presentPerson(changed) };
  });

  app.post<{ Body: { id: string; name: string } }>('/api/v1/schools', {
    config: ADMIN,
    schema: {
      body: { type: 'object', additionalProperties: false, required: ['id', 'name'], properties: { id: { type: 'string', minLength: 1, maxLength: 64 }, name: { type: 'string', minLength: 1, maxLength: 200 } } },
      response: { 201: SCHOOL_CREATED_RESPONSE },
    },
  }, async (request, reply) => {
    const principal = principalOf(request);
    if (principal.schools !== 'all') throw new InvigilatorError('API_FORBIDDEN', '(only a trust-wide administrator adds schools)');
    const secret = await addSchool(store, request.body, Date.now());
    await audit(store, principal, 'add school', `school ${request.body.id}`, request.body.id);
    const school = await store.getSchool(request.body.id);
    // The only copy of the secret: no cache may keep it.
    return reply.code(201).header('cache-control', 'no-store').send({ school: { id: request.body.id, name: school?.name ?? request.body.name }, enrolmentSecret: secret });
  });

  app.get<{ Params: { id: string } }>('/api/v1/schools/:id/policy', {
    config: ADMIN, schema: { params: SCHOOL_PARAM, response: { 200: POLICY_RESPONSE } },
  }, async (request) => {
    assertSameSchool(principalOf(request), request.params.id);
    if (!(await store.getSchool(request.params.id))) throw new InvigilatorError('NOT_FOUND');
    const stored = await store.getPolicyPack(request.params.id);
    return { schoolId: request.params.id, pack: (stored ?? DEFAULT_POLICY_PACK) as Record<string, unknown>, default: stored === undefined };
  });

  app.put<{ Params: { id: string }; Body: unknown }>('/api/v1/schools/:id/policy', {
    config: ADMIN, bodyLimit: MAX_PACK_BYTES,
    schema: { params: SCHOOL_PARAM, body: { type: 'object' }, response: { 200: POLICY_SET_RESPONSE } },
  }, async (request, reply: FastifyReply) => {
    const principal = principalOf(request);
    const schoolId = request.params.id;
    assertSameSchool(principal, schoolId);
    if (!(await store.getSchool(schoolId))) throw new InvigilatorError('NOT_FOUND');
    const problems = policyPackProblems(request.body);
    if (problems.length > 0) {
      const error = new InvigilatorError('POLICY_INVALID', problems.map((p) => `${p.field || 'the pack'} ${p.problem}`).join('; '));
      return reply.code(400).send({ error: { ...errorBody(error).error, fields: problems } });
    }
    const now = Date.now();
    const pack = validatePolicyPack(request.body, `policy pack for school ${schoolId}`);
    await store.putPolicyPack(schoolId, pack, now);
    const rejudged = await rejudgeSchool(store, schoolId, now);
    await audit(store, principal, 'set policy pack', `school ${schoolId}: ${pack.id} version ${pack.version}`, schoolId);
    return { schoolId, pack, rejudged };
  });
};
