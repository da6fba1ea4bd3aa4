// Signing in with a school account against a real OpenID Connect provider run here, end to end over
// HTTP: the collector's redirect, the provider's login and consent, the callback, the cookie session.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERRORS } from '@invigilator/shared/errors.ts';
import { Tri } from '@invigilator/shared/wire.ts';
import { addPerson, disablePerson, enablePerson } from '../../src/people/people.ts';
import { createPersonToken } from '../../src/tokens.ts';
import { createBrowser, formAction, type Page } from '../helpers/browser-fetch.ts';
import { enrolDevice, firewallEvent, helloAgent, mediaAttachedEvent, startTestCollector, type TestCollector } from '../helpers/collector.ts';
import { startTestProvider, type TestProvider } from '../helpers/oidc-provider.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

type Browser = ReturnType<typeof createBrowser>;

let provider: TestProvider;
let collector: TestCollector;
let secretDir: ReturnType<typeof makeTempDir>;
const IDLE_MINUTES = 0.1; // six seconds: expiry is tested for real, by waiting
const devices: Record<string, string> = {};

const ACCOUNTS = {
  head: { email: 'Head@North.sch.uk', email_verified: true },
  both: { email: 'both@north.sch.uk', email_verified: true },
  trust: { email: 'trust@north.sch.uk', xms_edov: true },
  outsider: { email: 'someone@gmail.com', email_verified: true },
  stranger: { email: 'stranger@north.sch.uk', email_verified: true },
  unverified: { email: 'unverified@north.sch.uk', email_verified: false },
  leaver: { email: 'leaver@north.sch.uk', email_verified: true },
};

/** The whole sign-in: the collector's button, the provider's login form and consent, back to the collector. */
const signInAs = async (login: string, browser: Browser = createBrowser()): Promise<{ page: Page; browser: Browser }> => {
  const loginPage = await browser.go(`${collector.apiUrl}/auth/oidc/start`);
  expect(`${loginPage.status} ${loginPage.url}`).toMatch(new RegExp(`^200 ${provider.issuer}/interaction/`));
  let page = await browser.form(formAction(loginPage), { prompt: 'login', login, password: 'anything' });
  if (page.url.startsWith(provider.issuer) && page.text.includes('value="consent"')) {
    page = await browser.form(formAction(page), { prompt: 'consent' });
  }
  return { page, browser };
};

const sessionCookie = (browser: Browser) => browser.cookie(new URL(collector.apiUrl).host, 'invigilator_session');

const api = async (browser: Browser, path: string, init: RequestInit = {}) => {
  const page = await browser.go(`${collector.apiUrl}${path}`, init);
  // Bodies are read field by field in each test; their shapes are what is under test.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: page.status, body: JSON.parse(page.text) as any };
};

const schoolsOf = (items: Array<{ schoolId: string }>): string[] => [...new Set(items.map((i) => i.schoolId))].sort();

beforeAll(async () => {
  provider = await startTestProvider(ACCOUNTS);
  secretDir = makeTempDir();
  const clientSecretFile = join(secretDir.dir, 'client-secret');
  writeFileSync(clientSecretFile, `${provider.clientSecret}\n`, { mode: 0o600 });
  try {
    collector = await startTestCollector({
      signIn: {
        oidc: { issuer: provider.issuer, clientId: provider.clientId, clientSecretFile, allowedDomains: ['North.sch.uk'] },
        sessionIdleMinutes: IDLE_MINUTES,
      },
    });
  } catch (error) {
    await provider.stop();
    secretDir.remove();
    throw error;
  }
  provider.register(`${collector.apiUrl}/auth/oidc/callback`);
  for (const school of ['north', 'south', 'east']) {
    const device = await enrolDevice(collector, school);
    devices[school] = device.deviceId;
    const { agent } = await helloAgent(collector, device);
    agent.send({ batch: { events: [firewallEvent(1, Tri.TRI_NO), mediaAttachedEvent(2)] } });
    await agent.next();
    agent.socket.close();
  }
  const now = Date.now();
  const { store } = collector;
  await addPerson(store, { email: 'head@north.sch.uk', name: 'Ms Head', roles: ['dsl'], schools: ['north', 'south'] }, now);
  await addPerson(store, { email: 'both@north.sch.uk', name: 'Mr Both', roles: ['technician', 'dsl'], schools: ['north'] }, now);
  await addPerson(store, { email: 'trust@north.sch.uk', name: 'Trust Manager', roles: ['admin'], schools: [], allSchools: true }, now);
  await addPerson(store, { email: 'unverified@north.sch.uk', name: 'Unverified', roles: ['dsl'], schools: ['north'] }, now);
  await addPerson(store, { email: 'leaver@north.sch.uk', name: 'Leaver', roles: ['dsl'], schools: ['north'] }, now);
  await disablePerson(store, 'leaver@north.sch.uk', now);
}, 90_000);

afterAll(async () => {
  await collector?.cleanUp();
  await provider?.stop();
  secretDir?.remove();
});

describe('signing in with a school account', () => {
  it('signs a known, enabled person in and lands on the dashboard with a session cookie', async () => {
    const { page, browser } = await signInAs('head');
    expect(page.url).toBe(`${collector.apiUrl}/`);
    expect(page.text).toContain('<title>Invigilator</title>');
    expect(sessionCookie(browser)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const me = await api(browser, '/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email: 'head@north.sch.uk', label: 'Ms Head', roles: ['dsl'], schools: ['north', 'south'], tokenId: null });
    expect(me.body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The session is stored only hashed: the cookie's value appears nowhere in the database.
    const rows = await collector.store.listAudit({ limit: 5 });
    expect(rows.find((r) => r.action === 'sign in')).toMatchObject({ personEmail: 'head@north.sch.uk', sessionId: me.body.sessionId });
    // Neither the authorization code nor the session id reaches the log.
    const log = JSON.stringify(collector.logLines());
    expect(log).toContain('"url":"/auth/oidc/callback"');
    expect(log).not.toMatch(/callback\?/);
    expect(log).not.toContain(sessionCookie(browser));
  });

  it('shows a DSL with two schools the misuse alerts of both and of no other school, audited under their email', async () => {
    const { browser } = await signInAs('head');
    const { status, body } = await api(browser, '/api/v1/alerts');
    expect(status).toBe(200);
    expect(body.alerts.every((a: { category: string }) => a.category === 'misuse')).toBe(true);
    expect(schoolsOf(body.alerts)).toEqual(['north', 'south']);
    expect((await api(browser, '/api/v1/devices')).status).toBe(403);
    const [entry] = await collector.store.listAudit({ limit: 1, schoolIds: ['south'] });
    expect(entry).toMatchObject({ personEmail: 'head@north.sch.uk', tokenId: null, action: 'view misuse alerts', roles: ['dsl'] });
    expect(entry?.sessionId).toMatch(/^[0-9a-f]{12}$/);
  });

  it('shows a technician who is also DSL both categories, for their one school only', async () => {
    const { browser } = await signInAs('both');
    const { body } = await api(browser, '/api/v1/alerts');
    expect([...new Set(body.alerts.map((a: { category: string }) => a.category))].sort()).toEqual(['misuse', 'posture']);
    expect(schoolsOf(body.alerts)).toEqual(['north']);
    const listed = await api(browser, '/api/v1/devices');
    expect(listed.body.devices.map((d: { id: string }) => d.id)).toEqual([devices.north]);
    expect((await api(browser, `/api/v1/devices/${devices.south}`)).status).toBe(404);
  });

  it('accepts an email that Microsoft Entra ID vouches for with xms_edov', async () => {
    const { browser } = await signInAs('trust');
    expect((await api(browser, '/api/v1/me')).body).toMatchObject({ email: 'trust@north.sch.uk', schools: 'all' });
  });

  it.each([
    ['outsider', 'someone@gmail.com: a domain that is not allowed', /gmail\.com is not one of this collector(&#39;|')s allowed domains/],
    ['stranger', 'an allowed domain but no such person', /stranger@north\.sch\.uk is not a person on this collector/],
    ['leaver', 'a disabled person', /leaver@north\.sch\.uk is not enabled on this collector/],
    ['unverified', 'an email the provider does not vouch for', /did not say unverified@north\.sch\.uk is verified/],
  ])('refuses %s (%s) with SIGN_IN_REFUSED and no session', async (login, _why, detail) => {
    const { page, browser } = await signInAs(login);
    expect(page.status).toBe(403);
    expect(page.url.startsWith(`${collector.apiUrl}/auth/oidc/callback?`)).toBe(true);
    expect(page.text).toContain(ERRORS.SIGN_IN_REFUSED.replace(/'/g, '&#39;'));
    expect(page.text).toMatch(detail);
    expect(sessionCookie(browser)).toBeUndefined();
  });

  it('refuses a callback whose state was not the one this browser was given', async () => {
    const browser = createBrowser();
    await browser.go(`${collector.apiUrl}/auth/oidc/start`);
    const page = await browser.go(`${collector.apiUrl}/auth/oidc/callback?code=made-up&state=forged`);
    expect(page.status).toBe(502);
    expect(page.text).toContain('did not complete');
    expect(sessionCookie(browser)).toBeUndefined();
    const stranger = await createBrowser().go(`${collector.apiUrl}/auth/oidc/callback?code=made-up&state=forged`);
    expect(stranger.text).toContain('began in another browser');
  });
});

describe('sessions', () => {
  it('stops a session at once when its person is disabled, and enabling them does not revive it', async () => {
    const { browser } = await signInAs('both');
    expect((await api(browser, '/api/v1/me')).status).toBe(200);
    await disablePerson(collector.store, 'both@north.sch.uk', Date.now());
    try {
      expect(await api(browser, '/api/v1/me')).toMatchObject({ status: 401, body: { error: { code: 'SESSION_INVALID' } } });
    } finally {
      await enablePerson(collector.store, 'both@north.sch.uk');
    }
    expect((await api(browser, '/api/v1/me')).status).toBe(401);
  });

  it('refuses a session left idle past its limit', async () => {
    const { browser } = await signInAs('head');
    expect((await api(browser, '/api/v1/me')).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, IDLE_MINUTES * 60_000 + 500));
    expect(await api(browser, '/api/v1/me')).toMatchObject({ status: 401, body: { error: { code: 'SESSION_INVALID' } } });
  }, 20_000);

  it('refuses a change made with the cookie but without the anti-forgery token, or from another site', async () => {
    const { browser } = await signInAs('both');
    const { body: me } = await api(browser, '/api/v1/me');
    const { body } = await api(browser, '/api/v1/alerts?category=posture');
    const target = `/api/v1/alerts/${body.alerts[0].id}/acknowledge`;
    expect(await api(browser, target, { method: 'POST' })).toMatchObject({ status: 403, body: { error: { code: 'CSRF_REJECTED' } } });
    expect(await api(browser, target, { method: 'POST', headers: { 'x-csrf-token': 'guessed' } }))
      .toMatchObject({ status: 403, body: { error: { code: 'CSRF_REJECTED' } } });
    expect(await api(browser, target, { method: 'POST', headers: { 'x-csrf-token': me.csrfToken, origin: 'https://evil.example' } }))
      .toMatchObject({ status: 403, body: { error: { code: 'CSRF_REJECTED' } } });
    expect((await collector.store.getAlert(body.alerts[0].id))?.status).toBe('open');
    const done = await api(browser, target, { method: 'POST', headers: { 'x-csrf-token': me.csrfToken, origin: collector.apiUrl } });
    expect(done.status).toBe(200);
    expect(done.body.alert.acknowledgedBy).toBe('Mr Both <both@north.sch.uk> (dsl, technician)');
  });

  it('lets a bearer-token call change things without the anti-forgery token', async () => {
    const { token } = await createPersonToken(collector.store, { email: 'both@north.sch.uk', roles: ['technician'] }, Date.now());
    const { body } = await api(createBrowser(), '/api/v1/alerts?category=posture', { headers: { authorization: `Bearer ${token}` } });
    const resolved = await api(createBrowser(), `/api/v1/alerts/${body.alerts[0].id}/resolve`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(resolved.status).toBe(200);
  });

  it('ends the session on the collector at sign-out', async () => {
    const { browser } = await signInAs('head');
    const { body: me } = await api(browser, '/api/v1/me');
    const before = sessionCookie(browser);
    expect((await api(browser, '/auth/sign-out', { method: 'POST' })).status).toBe(403);
    const out = await api(browser, '/auth/sign-out', { method: 'POST', headers: { 'x-csrf-token': me.csrfToken } });
    expect(out).toMatchObject({ status: 200, body: { signedOut: true } });
    expect(sessionCookie(browser)).toBeUndefined();
    // The old cookie, replayed, is dead on the collector too.
    const replay = await fetch(`${collector.apiUrl}/api/v1/me`, { headers: { cookie: `invigilator_session=${before}` } });
    expect(replay.status).toBe(401);
  });
});
