// Debian's Chromium driven by playwright-core for the dashboard's tests: sign in as a person, save a
// screenshot of a page as a test artefact, ask axe-core what a person with a screen reader or a
// keyboard would stumble on, and catch anything the page's security policy blocked.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ROOT } from './processes.ts';

export const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const SCREENSHOTS = path.join(ROOT, 'test-artifacts', 'screenshots');

export const launchChromium = async (): Promise<Browser> => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (npm run pretest does).`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
};

export interface SignedInPage {
  context: BrowserContext;
  page: Page;
  /** Console messages about the page's security policy refusing something: a page must cause none. */
  blocked: string[];
  /** Uncaught errors in the page's scripts. */
  errors: string[];
}

export const TABLET = { width: 820, height: 1180 };
export const DESKTOP = { width: 1360, height: 900 };

/** A fresh browser profile signed in with email and password through the sign-in page. */
export const signInAs = async (browser: Browser, baseUrl: string, email: string, password: string,
  viewport = DESKTOP): Promise<SignedInPage> => {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  const blocked: string[] = [];
  const errors: string[] = [];
  page.on('console', (message) => { if (/Content Security Policy/i.test(message.text())) blocked.push(message.text()); });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${baseUrl}/sign-in`);
  await page.fill('#email', email);
  await page.fill('#password', password);
  await page.click('button[type=submit]');
  await page.waitForSelector('#who');
  return { context, page, blocked, errors };
};

/** Saves the whole page as test-artifacts/screenshots/NAME.png. */
export const screenshot = async (page: Page, name: string): Promise<string> => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
};

/** axe-core's serious and critical findings on the page as it stands (WCAG 2.1 A and AA rules). */
export const seriousAccessibilityProblems = async (page: Page): Promise<string[]> => {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join('; ')}`);
};
