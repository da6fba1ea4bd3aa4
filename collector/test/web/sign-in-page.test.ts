// The sign-in page in a real browser: email and password to the dashboard on the cookie, sign-out
// ending the session, and no script the page's policy would block (the pages carry no inline script).
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPerson } from '../../src/people/people.ts';
import { addSchool } from '../../src/schools.ts';
import { setPersonPassword } from '../../src/sign-in/passwords.ts';
import { startTestCollector, type TestCollector } from '../helpers/collector.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const CHROMIUM = '/usr/bin/chromium';
const PASSWORD = 'correct horse battery staple';
let collector: TestCollector;
let browser: Browser;
let secretDir: ReturnType<typeof makeTempDir>;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (.ci/run does).`);
  secretDir = makeTempDir();
  writeFileSync(join(secretDir.dir, 'secret'), 'client-secret');
  // Discovery is lazy: the button shows without reaching the provider.
  collector = await startTestCollector({
    signIn: { oidc: { issuer: 'https://accounts.google.com', clientId: 'test', clientSecretFile: join(secretDir.dir, 'secret'), allowedDomains: ['north.sch.uk'] } },
  });
  await addSchool(collector.store, { id: 'north', name: 'North' }, Date.now());
  await addPerson(collector.store, { email: 'khan@north.sch.uk', name: 'Ms Khan', roles: ['dsl', 'technician'], schools: ['north'] }, Date.now());
  await setPersonPassword(collector.store, 'khan@north.sch.uk', PASSWORD, Date.now());
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await collector?.cleanUp();
  secretDir?.remove();
});

describe('the sign-in page', () => {
  it('offers the school account and email and password, and signs in to the dashboard on the cookie', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 760 } });
    const blocked: string[] = [];
    page.on('console', (message) => { if (/Content Security Policy/i.test(message.text())) blocked.push(message.text()); });
    const response = await page.goto(`${collector.apiUrl}/sign-in`);
    expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self'; style-src 'self';/);
    expect(response?.headers()['content-security-policy']).not.toContain('unsafe-inline');
    expect(await page.locator('a.button').textContent()).toBe('Sign in with your school account');
    await page.screenshot({ path: join(collector.dir, 'sign-in.png') });

    await page.fill('#email', 'khan@north.sch.uk');
    await page.fill('#password', 'not my password');
    await page.click('button[type=submit]');
    expect(await page.locator('.error').textContent()).toContain('The email address or password is wrong');

    await page.fill('#email', 'khan@north.sch.uk');
    await page.fill('#password', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector('#who:not(:empty)');
    expect(await page.locator('#who').textContent()).toBe('Ms Khan · Safeguarding lead, Technician · north');
    expect(await page.locator('header nav a').allTextContents()).toEqual(['Devices', 'Safeguarding inbox', 'Alerts']);

    await page.click('#signout');
    await page.waitForURL(/\/sign-in$/);
    // The session ended on the collector: the dashboard sends the browser back to sign in.
    await page.goto(`${collector.apiUrl}/`);
    await page.waitForURL(/\/sign-in$/);
    await page.waitForSelector('#email');
    expect(await page.locator('#who').count()).toBe(0);
    expect(blocked).toEqual([]);
  });
});
