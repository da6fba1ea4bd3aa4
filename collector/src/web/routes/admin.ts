// What an administrator revokes or renews through the API: tokens, a lost device's credential, a school's
// enrolment secret. A school-scoped administrator reaches only their schools' items; each act is audited.
import type { FastifyInstance } from 'fastify';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { revokeDevice } from '../../devices.ts';
import { schoolsWithin } from '../../people/rights.ts';
import { rotateEnrolmentSecret } from '../../schools.ts';
import { revokeApiToken } from '../../tokens.ts';
import type { ApiToken, Store } from '../../store/types.ts';
import { assertSameSchool, audit, principalOf, type Principal } from '../access.ts';
import { iso, presentDevice } from '../present.ts';
import { DEVICE_REVOKED_RESPONSE, SECRET_ROTATED_RESPONSE, TOKEN_REVOKED_RESPONSE, TOKENS_RESPONSE } from './schemas.ts';

const ADMIN = { access: ['admin'] as const };

const presentToken = (token: ApiToken, emails: Map<string, string>) => ({
  id: token.id, person: token.personId === null ? null : (emails.get(token.personId) ?? null), service: token.personId === null,
  roles: token.roles, schools: token.schools, label: token.label, createdAt: iso(token.createdAt), revokedAt: iso(token.revokedAt),
});

/** A token whose schools all lie within the administrator's; others are "not found" to them. */
const visibleToken = (principal: Principal, token: ApiToken | undefined): token is ApiToken =>
  token !== undefined && schoolsWithin(token.schools, principal.schools);

export interface AdminRouteDeps {
  store: Store;
  /** Closes a revoked device's open connections. */
  onDeviceRevoked(deviceId: string): void;
}

export const adminRoutes = (app: FastifyInstance, { store, onDeviceRevoked }: AdminRouteDeps): void => {
  const personEmails = async () =>
    new Map((await store.listPeople({ includeDisabled: true })).map((person) => [person.id, person.email]));

  app.get('/api/v1/tokens', { config: ADMIN, schema: { response: { 200: TOKENS_RESPONSE } } }, async (request) => {
    const principal = principalOf(request);
    const [tokens, emails] = [await store.listApiTokens(), await personEmails()];
    return { tokens: tokens.filter((token) => visibleToken(principal, token)).map((token) => presentToken(token, emails)) };
  });

  app.post<{ Params: { id: string } }>('/api/v1/tokens/:id/revoke', { config: ADMIN, schema: { response: { 200: TOKEN_REVOKED_RESPONSE } } }, async (request) => {
    const principal = principalOf(request);
    if (!visibleToken(principal, await store.getApiToken(request.params.id))) throw new InvigilatorError('NOT_FOUND');
    const { token, changed } = await revokeApiToken(store, request.params.id, Date.now());
    await audit(store, principal, 'revoke token', `token ${token.id} (${token.label})`, null);
    const revoked = (await store.getApiToken(token.id)) ?? token;
    return { token: presentToken(revoked, await personEmails()), changed };
  });

  app.post<{ Params: { id: string } }>('/api/v1/devices/:id/revoke', { config: ADMIN, schema: { response: { 200: DEVICE_REVOKED_RESPONSE } } }, async (request) => {
    const principal = principalOf(request);
    const device = await store.getDevice(request.params.id);
    if (!device) throw new InvigilatorError('NOT_FOUND');
    assertSameSchool(principal, device.schoolId);
    const { changed } = await revokeDevice(store, device.id, Date.now());
    onDeviceRevoked(device.id);
    await audit(store, principal, 'revoke device', `device ${device.id} (${device.hostname})`, device.schoolId);
    const revoked = (await store.getDevice(device.id)) ?? device;
    return { device: presentDevice(revoked, await store.listVerdicts(device.id)), changed };
  });

  app.post<{ Params: { id: string } }>('/api/v1/schools/:id/enrolment-secret/rotate', { config: ADMIN, schema: { response: { 200: SECRET_ROTATED_RESPONSE } } }, async (request, reply) => {
    const principal = principalOf(request);
    if (!(await store.getSchool(request.params.id))) throw new InvigilatorError('NOT_FOUND');
    assertSameSchool(principal, request.params.id);
    const secret = await rotateEnrolmentSecret(store, request.params.id);
    await audit(store, principal, 'rotate enrolment secret', `school ${request.params.id}`, request.params.id);
    // The only copy of the secret: no cache may keep it.
    return reply.header('cache-control', 'no-store').send({ schoolId: request.params.id, enrolmentSecret: secret });
  });
};
