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
import { sessionIdFromCookies, type SessionUse } from '../sign-in/sessions.ts';
import { tokenRights, verifyApiToken } from '../tokens.ts';
import type { SafeguardingView } from '../store/dashboard-types.ts';
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

/**
 * Roles that look after devices (posture, availability) and the role that reads safeguarding (misuse) detail.
 * An administrator or network manager is told how many safeguarding alerts are open (overview, messages), never
 * who, which stick or which file: that is the DSL's alone (a person who is both holds both roles).
 */
export const DEVICE_ROLES: readonly Role[] = ['admin', 'network-manager', 'technician'];
export const SAFEGUARDING_ROLES: readonly Role[] = ['dsl'];
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
export const seesMisuse = (principal: Principal): boolean => holdsAny(principal.roles, SAFEGUARDING_ROLES);

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

/** The header the dashboard puts on requests it makes on its own (refreshes after live updates): not a person's use. */
export const BACKGROUND_HEADER = 'x-invigilator-background';

/**
 * The caller of a request as of now: its token or session checked again, its person's current roles and schools.
 * A long-lived answer (the live stream) calls this again as it runs, so a revoked token or an ended session stops it;
 * those checks, and requests marked as the page's own, do not count as the person's use of the session.
 */
export const resolvePrincipal = async (store: Store, signIn: SignIn, request: FastifyRequest, use?: SessionUse): Promise<Principal> => {
  const text = bearerToken(request.headers.authorization);
  if (text) return tokenPrincipal(store, text);
  const id = sessionIdFromCookies(request.headers.cookie);
  if (!id) throw new InvigilatorError('API_TOKEN_MISSING');
  const byPage = request.headers[BACKGROUND_HEADER] === '1';
  const signedIn = { id, ...(await signIn.session(id, Date.now(), use ?? (byPage ? 'background' : 'person'))) };
  if (!SAFE_METHODS.has(request.method)) assertCsrf(request, signedIn.session, signIn.publicUrl());
  request.signedIn = signedIn;
  return sessionPrincipal(signedIn);
};

/** The onRequest hook every route runs; routes without an access list are admin-only. */
export const authorise = (store: Store, signIn: SignIn) => async (request: FastifyRequest): Promise<void> => {
  const access = request.routeOptions.config.access ?? ['admin'];
  if (access === 'public') return;
  request.principal = await resolvePrincipal(store, signIn, request);
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

/** Who was shown something, as the views-shown record knows them: the person, or the service token. */
const viewerOf = (principal: Principal): string => (principal.personId ? `person:${principal.personId}` : `token:${principal.tokenId ?? principal.label}`);

/**
 * Audits safeguarding data shown to the caller, one row per school, naming only what they had not been shown
 * before in that state: a page refreshed every 30 seconds writes nothing until something new appears.
 * `views` are the items shown (an id and a fingerprint of what was shown of it); returns how many rows were written.
 */
export const auditShown = async (
  store: Store, principal: Principal, action: string, views: readonly SafeguardingView[], context: string,
): Promise<number> => {
  if (views.length === 0) return 0;
  const fresh = await store.recordSafeguardingViews(viewerOf(principal), views, Date.now());
  const bySchool = Map.groupBy(fresh, (view) => view.schoolId);
  for (const [schoolId, shown] of bySchool) {
    await audit(store, principal, action, `${shown.length} not shown to them before: ${shown.map((view) => view.item).join(', ')}${context ? ` (${context})` : ''}`, schoolId);
  }
  return bySchool.size;
};
