// Cookie sessions: a random id in an HttpOnly cookie, found by its sha256 (a stolen database holds no
// usable session), ended by idleness, an absolute limit, sign-out, or the person being disabled.
import { createHash, randomBytes } from 'node:crypto';
import { parseCookie, stringifySetCookie } from 'cookie';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import type { Person, StoredSession, StoreOps } from '../store/types.ts';

export const SESSION_COOKIE = 'invigilator_session';

export interface SessionSettings {
  /** A session unused this long ends. */
  idleMs: number;
  /** A session ends this long after sign-in, however busy. */
  absoluteMs: number;
  /** Cookies carry Secure (the collector serves TLS, or sits behind an https address). */
  secureCookies: boolean;
}

export const DEFAULT_SESSION_SETTINGS: Omit<SessionSettings, 'secureCookies'> = {
  idleMs: 30 * 60_000,
  absoluteMs: 10 * 60 * 60_000,
};

type SessionStore = Pick<StoreOps, 'createSession' | 'getSession' | 'touchSession' | 'endSession' | 'getPerson'>;

const hashId = (id: string): string => createHash('sha256').update(id, 'utf8').digest('hex');

export const cookieOptions = (settings: SessionSettings) => ({
  path: '/', httpOnly: true, sameSite: 'lax' as const, secure: settings.secureCookies,
});

/** The Set-Cookie value that puts `value` in the browser (until it closes) or, for '', removes it. */
export const sessionCookieHeader = (value: string, settings: SessionSettings): string =>
  stringifySetCookie({ name: SESSION_COOKIE, value, ...cookieOptions(settings), ...(value === '' ? { maxAge: 0 } : {}) });

/** A cookie's value from a Cookie header, or undefined. */
export const cookieValue = (header: string | undefined, name: string): string | undefined =>
  (header ? parseCookie(header)[name] : undefined) || undefined;

export const sessionIdFromCookies = (header: string | undefined): string | undefined => cookieValue(header, SESSION_COOKIE);

export const startSession = async (
  store: SessionStore, person: Person, method: StoredSession['method'], address: string, settings: SessionSettings, now: number,
): Promise<{ id: string; session: StoredSession }> => {
  const id = randomBytes(32).toString('base64url');
  const session: StoredSession = {
    idHash: hashId(id), handle: randomBytes(6).toString('hex'), personId: person.id,
    csrfToken: randomBytes(32).toString('base64url'), method, address,
    createdAt: now, lastSeenAt: now, expiresAt: now + settings.absoluteMs, endedAt: null,
  };
  await store.createSession(session);
  return { id, session };
};

/**
 * Who uses a session: the person (a click, a search, a page they opened), or the page on its own (a live
 * stream's keep-alive, a refresh after a live update). Only the person's use keeps it alive: a dashboard left
 * open on a staff-room computer must still end after the idle limit, however busy the trust.
 */
export type SessionUse = 'person' | 'background';

/** The live session and its enabled person, or SESSION_INVALID; keeps the session alive while the person uses it. */
export const resolveSession = async (
  store: SessionStore, id: string, settings: SessionSettings, now: number, use: SessionUse = 'person',
): Promise<{ session: StoredSession; person: Person }> => {
  const session = await store.getSession(hashId(id));
  if (!session || session.endedAt !== null) throw new InvigilatorError('SESSION_INVALID');
  if (now >= session.expiresAt || now - session.lastSeenAt >= settings.idleMs) {
    await store.endSession(session.idHash, now);
    throw new InvigilatorError('SESSION_INVALID');
  }
  const person = await store.getPerson(session.personId);
  if (!person || person.disabledAt !== null) {
    // Ended, not paused: enabling the person again does not bring old sessions back.
    await store.endSession(session.idHash, now);
    throw new InvigilatorError('SESSION_INVALID');
  }
  // One write a minute at most (sooner for short idle limits): every dashboard refresh need not write.
  if (use === 'person' && now - session.lastSeenAt >= Math.min(60_000, settings.idleMs / 4)) await store.touchSession(session.idHash, now);
  return { session, person };
};

export const endSession = (store: Pick<StoreOps, 'endSession'>, id: string, now: number): Promise<boolean> =>
  store.endSession(hashId(id), now);
