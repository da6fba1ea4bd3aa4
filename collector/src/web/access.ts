// Who may see what. One hook checks every route's caller and roles as the request arrives, before its
// query or body is parsed, so a caller without rights learns nothing about the route's parameters;
// handlers then narrow by data category (posture vs safeguarding) and by the caller's schools.
// A caller is a bearer token (a person's or a service's) or a person's sign-in session cookie; a
// change made with the cookie must also carry the session's anti-forgery token and come from our origin.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { coversSchool } from '../people/people.ts';
import type { SignIn } from '../sign-in/sign-in.ts';
import { sessionIdFromCookies } from '../sign-in/sessions.ts';
import { tokenRights, verifyApiToken } from '../tokens.ts';
import type { AlertCategory, EventKind, Person, Role, SchoolFilter, Store, StoredSession } from '../store/types.ts';

export interface Principal {
  personId: string | null;
  /** The person's email, for the audit log; null for a service token. */
  email: string | null;
  tokenId: string | null;
  /** The sign-in session's public handle (never the cookie's value). */
  sessionId: string | null;
  roles: Role[];
  schools: string[] | 'all';
  label: string;
  /** The session's anti-forgery token, handed to the signed-in page; null for a token. */
  csrfToken: string | null;
}

/** The session behind a cookie-authenticated request (sign-out needs it). */
export interface SignedIn { id: string; session: StoredSession; person: Person }

/** A route's access: "public", or the roles that may call it. */
export type Access = 'public' | readonly Role[];

declare module 'fastify' {
  interface FastifyRequest { principal?: Principal; signedIn?: SignedIn }
  interface FastifyContextConfig { access?: Access }
}

/** Roles that look after devices (posture, availability) and roles that see safeguarding (misuse) data. */
export const DEVICE_ROLES: readonly Role[] = ['admin', 'network-manager', 'technician'];
export const SAFEGUARDING_ROLES: readonly Role[] = ['admin', 'network-manager', 'dsl'];
export const ALERT_ROLES: readonly Role[] = ['admin', 'network-manager', 'technician', 'dsl'];

const holdsAny = (roles: readonly Role[], wanted: readonly Role[]): boolean => roles.some((role) => wanted.includes(role));

/** What several roles together may see: the union of each one's categories. */
export const visibleCategories = (roles: readonly Role[]): AlertCategory[] => [
  ...(holdsAny(roles, DEVICE_ROLES) ? ['posture', 'availability'] as const : []),
  ...(holdsAny(roles, SAFEGUARDING_ROLES) ? ['misuse'] as const : []),
];

export const visibleEventKinds = (roles: readonly Role[]): EventKind[] => [
  ...(holdsAny(roles, DEVICE_ROLES) ? ['observation', 'lifecycle'] as const : []),
  ...(holdsAny(roles, SAFEGUARDING_ROLES) ? ['misuse'] as const : []),
];

export const seesDevices = (principal: Principal): boolean => holdsAny(principal.roles, DEVICE_ROLES);

/** The store filter for the principal's schools: all of them, or exactly those listed. */
export const schoolScope = (principal: Principal): SchoolFilter =>
  principal.schools === 'all' ? {} : { schoolIds: principal.schools };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-csrf-token';

export const bearerToken = (header: string | undefined): string | undefined => {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
};

const sameText = (a: string, b: string): boolean => {
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && timingSafeEqual(x, y);
};

/** A browser's request to change something must come from the collector's own pages (or its public address). */
export const assertSameOrigin = (request: FastifyRequest, publicUrl: string): void => {
  const origin = request.headers.origin;
  if (origin === undefined) return;
  const own = `${request.protocol}://${request.host}`;
  if (origin !== own && origin !== publicUrl) throw new InvigilatorError('CSRF_REJECTED', `(from ${origin})`);
};

const assertCsrf = (request: FastifyRequest, session: StoredSession, publicUrl: string): void => {
  assertSameOrigin(request, publicUrl);
  const header = request.headers[CSRF_HEADER];
  if (typeof header !== 'string' || !sameText(header, session.csrfToken)) {
    throw new InvigilatorError('CSRF_REJECTED', `(no valid ${CSRF_HEADER} header)`);
  }
};

const tokenPrincipal = async (store: Store, text: string): Promise<Principal> => {
  const token = await verifyApiToken(store, text);
  const { person, rights } = await tokenRights(store, token);
  return {
    personId: person?.id ?? null, email: person?.email ?? null, tokenId: token.id, sessionId: null,
    roles: [...rights.roles], schools: rights.schools === 'all' ? 'all' : [...rights.schools], label: token.label, csrfToken: null,
  };
};

const sessionPrincipal = ({ session, person }: SignedIn): Principal => ({
  personId: person.id, email: person.email, tokenId: null, sessionId: session.handle,
  roles: person.roles, schools: person.schools, label: person.name, csrfToken: session.csrfToken,
});

/** The onRequest hook every route runs; routes without an access list are admin-only. */
export const authorise = (store: Store, signIn: SignIn) => async (request: FastifyRequest): Promise<void> => {
  const access = request.routeOptions.config.access ?? ['admin'];
  if (access === 'public') return;
  const text = bearerToken(request.headers.authorization);
  if (text) {
    request.principal = await tokenPrincipal(store, text);
  } else {
    const id = sessionIdFromCookies(request.headers.cookie);
    if (!id) throw new InvigilatorError('API_TOKEN_MISSING');
    const signedIn = { id, ...(await signIn.session(id, Date.now())) };
    if (!SAFE_METHODS.has(request.method)) assertCsrf(request, signedIn.session, signIn.publicUrl());
    request.signedIn = signedIn;
    request.principal = sessionPrincipal(signedIn);
  }
  if (!holdsAny(request.principal.roles, access)) throw new InvigilatorError('API_FORBIDDEN');
};

export const principalOf = (request: FastifyRequest): Principal => {
  if (!request.principal) throw new InvigilatorError('API_TOKEN_MISSING');
  return request.principal;
};

/** An item of another school is "not found" to a caller without that school, so ids never leak. */
export const assertSameSchool = (principal: Principal, schoolId: string): void => {
  if (!coversSchool(principal, schoolId)) throw new InvigilatorError('NOT_FOUND');
};

export const byWhom = (principal: Principal): string =>
  `${principal.label}${principal.email ? ` <${principal.email}>` : ''} (${principal.roles.join(', ')})`;

/** Writes who saw or changed safeguarding data, and when: the person, and the token or session used. */
export const audit = (store: Store, principal: Principal, action: string, target: string, schoolId: string | null) =>
  store.appendAudit({
    at: Date.now(), personEmail: principal.email, tokenId: principal.tokenId, sessionId: principal.sessionId,
    roles: principal.roles, label: principal.label, action, target, schoolId,
  });
