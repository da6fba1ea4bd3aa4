// Local passwords: the sign-in form, the cookie it sets, and failures counted per account and per
// address until they lock (each lock in the audit log).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERRORS } from '@invigilator/shared/errors.ts';
import { addPerson } from '../../src/people/people.ts';
import { hashPassword, passwordMatches, setPersonPassword } from '../../src/sign-in/passwords.ts';
import { DEFAULT_SESSION_SETTINGS, sessionCookieHeader, startSession } from '../../src/sign-in/sessions.ts';
import { BACKGROUND_HEADER } from '../../src/web/access.ts';
import { startTestCollector, type TestCollector } from '../helpers/collector.ts';

let collector: TestCollector;
const PASSWORD = 'correct horse battery staple';
const LIMITS = { windowMs: 60_000, lockMs: 60_000, accountFailures: 3, addressFailures: 6 };

const signIn = (email: string, password: string, headers: Record<string, string> = {}) =>
  fetch(`${collector.apiUrl}/auth/password`, {
    method: 'POST', redirect: 'manual', body: new URLSearchParams({ email, password }),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  });

const html = (text: string): string => text.replace(/'/g, '&#39;');

beforeAll(async () => {
  collector = await startTestCollector({ signInThrottle: LIMITS });
  await collector.store.createSchool({ id: 'north', name: 'North', enrolmentSecretHash: 'ab'.repeat(32), createdAt: 1 });
  for (const email of ['office@north.sch.uk', 'locked@north.sch.uk', 'other@north.sch.uk']) {
    await addPerson(collector.store, { email, name: email.split('@')[0] ?? email, roles: ['technician'], schools: ['north'] }, Date.now());
    await setPersonPassword(collector.store, email, PASSWORD, Date.now());
  }
});
afterAll(async () => { await collector?.cleanUp(); });

describe('passwords', () => {
  it('are stored as salted scrypt hashes that differ for the same password', async () => {
    const [a, b] = [await hashPassword(PASSWORD), await hashPassword(PASSWORD)];
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(a).not.toBe(b);
    expect(await passwordMatches(PASSWORD, a)).toBe(true);
    expect(await passwordMatches(`${PASSWORD}!`, a)).toBe(false);
  });

  it('signs in with the right password: a session cookie that is HttpOnly and SameSite=Lax, then the dashboard', async () => {
    const response = await signIn('Office@North.sch.uk', PASSWORD);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/');
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('invigilator_session='));
    expect(cookie).toMatch(/^invigilator_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax$/);
    const me = await fetch(`${collector.apiUrl}/api/v1/me`, { headers: { cookie: cookie!.split(';')[0]! } });
    expect(await me.json()).toMatchObject({ email: 'office@north.sch.uk', roles: ['technician'], schools: ['north'] });
  });

  it('ends the session a browser held when it signs in again', async () => {
    const sessionOf = (response: Response): string => response.headers.getSetCookie()[0]!.split(';')[0]!;
    const first = sessionOf(await signIn('office@north.sch.uk', PASSWORD));
    const second = sessionOf(await signIn('office@north.sch.uk', PASSWORD, { cookie: first }));
    const me = (cookie: string) => fetch(`${collector.apiUrl}/api/v1/me`, { headers: { cookie } }).then((r) => r.status);
    expect([await me(first), await me(second)]).toEqual([401, 200]);
  });

  it('is kept alive by the person\'s requests, not by those the dashboard marks as its own', async () => {
    // A session begun twenty minutes ago and not used since.
    const twentyMinutesAgo = Date.now() - 20 * 60_000;
    const person = (await collector.store.getPersonByEmail('other@north.sch.uk'))!;
    const { id, session } = await startSession(collector.store, person, 'password', '127.0.0.1', { ...DEFAULT_SESSION_SETTINGS, secureCookies: false }, twentyMinutesAgo);
    const cookie = `invigilator_session=${id}`;
    const lastSeen = async () => (await collector.store.getSession(session.idHash))!.lastSeenAt;
    const me = (headers: Record<string, string>) => fetch(`${collector.apiUrl}/api/v1/me`, { headers: { cookie, ...headers } }).then((r) => r.status);
    expect(await me({ [BACKGROUND_HEADER]: '1' })).toBe(200);
    expect(await lastSeen()).toBe(twentyMinutesAgo);
    expect(await me({})).toBe(200);
    expect(await lastSeen()).toBeGreaterThan(twentyMinutesAgo);
  });

  it('marks the cookie Secure when the collector is reached over TLS', () => {
    expect(sessionCookieHeader('x', { idleMs: 1, absoluteMs: 1, secureCookies: true })).toContain('; Secure');
  });

  it('answers a wrong password and an unknown email alike, on the page, with 401', async () => {
    for (const [email, password] of [['other@north.sch.uk', 'not the password'], ['nobody@north.sch.uk', PASSWORD]] as const) {
      const response = await signIn(email, password);
      expect(response.status).toBe(401);
      expect(response.headers.getSetCookie()).toEqual([]);
      expect(await response.text()).toContain(html(ERRORS.SIGN_IN_FAILED));
    }
  });

  it('offers no school account sign-in when none is set up, and says so if asked for it', async () => {
    const page = await fetch(`${collector.apiUrl}/sign-in`).then((r) => r.text());
    expect(page).not.toContain('Sign in with your school account');
    expect(page).toContain('Sign in with email and password');
    const start = await fetch(`${collector.apiUrl}/auth/oidc/start`, { redirect: 'manual' });
    expect(start.status).toBe(404);
    expect(await start.text()).toContain(ERRORS.SIGN_IN_NOT_CONFIGURED);
  });

  it('refuses a sign-in form posted from another site', async () => {
    const response = await signIn('office@north.sch.uk', PASSWORD, { origin: 'https://evil.example' });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain(html(ERRORS.CSRF_REJECTED));
  });

  it('locks an account after repeated failures, even against the right password, and audits the lock', async () => {
    for (let n = 0; n < LIMITS.accountFailures; n += 1) expect((await signIn('locked@north.sch.uk', `wrong ${n}`)).status).toBe(401);
    const locked = await signIn('locked@north.sch.uk', PASSWORD);
    expect(locked.status).toBe(429);
    expect(await locked.text()).toContain(html(ERRORS.SIGN_IN_LOCKED));
    const locks = (await collector.store.listAudit({ limit: 50 })).filter((e) => e.action === 'lock sign-in');
    expect(locks).toHaveLength(1);
    expect(locks[0]).toMatchObject({ personEmail: 'locked@north.sch.uk', label: 'sign-in' });
    expect(locks[0]?.target).toMatch(/^account:locked@north\.sch\.uk after 3 failed sign-ins, until /);
    // Another account is not locked by it.
    expect((await signIn('office@north.sch.uk', PASSWORD)).status).toBe(303);
  });

  it('locks an address that fails across many accounts, for everyone signing in from it', async () => {
    // Failures so far from this address: 1 (wrong password) + 1 (unknown email) + 3 (the locked account).
    expect((await signIn('guess@north.sch.uk', 'guess')).status).toBe(401);
    const locked = await signIn('office@north.sch.uk', PASSWORD);
    expect(locked.status).toBe(429);
    const locks = (await collector.store.listAudit({ limit: 50 })).filter((e) => e.action === 'lock sign-in');
    expect(locks.map((e) => e.target.split(' ')[0])).toEqual(['address:127.0.0.1', 'account:locked@north.sch.uk']);
  });
});
