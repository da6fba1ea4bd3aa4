// Who may see what. One hook checks every route's token and role as the request arrives, before its
// query or body is parsed, so a caller without a token learns nothing about the route's parameters;
// handlers then narrow by data category (posture vs safeguarding) and school.
import type { FastifyRequest } from 'fastify';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { verifyApiToken } from '../tokens.ts';
import type { AlertCategory, EventKind, Role, Store } from '../store/types.ts';

export interface Principal { tokenId: string; role: Role; schoolId: string | null; label: string }

/** A route's access: "public", or the roles that may call it. */
export type Access = 'public' | readonly Role[];

declare module 'fastify' {
  interface FastifyRequest { principal?: Principal }
  interface FastifyContextConfig { access?: Access }
}

/** Roles that look after devices (posture, availability) and roles that see safeguarding (misuse) data. */
export const DEVICE_ROLES: readonly Role[] = ['admin', 'network-manager', 'technician'];
export const SAFEGUARDING_ROLES: readonly Role[] = ['admin', 'network-manager', 'dsl'];
export const ALERT_ROLES: readonly Role[] = ['admin', 'network-manager', 'technician', 'dsl'];

export const visibleCategories = (role: Role): AlertCategory[] => [
  ...(DEVICE_ROLES.includes(role) ? ['posture', 'availability'] as const : []),
  ...(SAFEGUARDING_ROLES.includes(role) ? ['misuse'] as const : []),
];

export const visibleEventKinds = (role: Role): EventKind[] => [
  ...(DEVICE_ROLES.includes(role) ? ['observation'] as const : []),
  ...(SAFEGUARDING_ROLES.includes(role) ? ['misuse'] as const : []),
];

export const bearerToken = (header: string | undefined): string | undefined => {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
};

/** The onRequest hook every route runs; routes without an access list are admin-only. */
export const authorise = (store: Store) => async (request: FastifyRequest): Promise<void> => {
  const access = request.routeOptions.config.access ?? ['admin'];
  if (access === 'public') return;
  const text = bearerToken(request.headers.authorization);
  if (!text) throw new InvigilatorError('API_TOKEN_MISSING');
  const token = await verifyApiToken(store, text);
  request.principal = { tokenId: token.id, role: token.role, schoolId: token.schoolId, label: token.label };
  if (!access.includes(token.role)) throw new InvigilatorError('API_FORBIDDEN');
};

export const principalOf = (request: FastifyRequest): Principal => {
  if (!request.principal) throw new InvigilatorError('API_TOKEN_MISSING');
  return request.principal;
};

/** An item of another school is "not found" to a school-scoped token, so ids never leak. */
export const assertSameSchool = (principal: Principal, schoolId: string): void => {
  if (principal.schoolId !== null && principal.schoolId !== schoolId) throw new InvigilatorError('NOT_FOUND');
};

export const byWhom = (principal: Principal): string => `${principal.label} (${principal.role})`;

/** Writes who saw or changed safeguarding data, and when. */
export const audit = (store: Store, principal: Principal, action: string, target: string, schoolId: string | null) =>
  store.appendAudit({
    at: Date.now(), tokenId: principal.tokenId, role: principal.role, label: principal.label, action, target, schoolId,
  });
