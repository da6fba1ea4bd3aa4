// The dashboard as people see it, in a real browser: a technician sees device
// health and no misuse; a DSL sees misuse alerts and no device list.
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, waitFor } from '../support/processes.ts';
import { startLine, type Line, type PresentedAlert, type PresentedDevice } from '../support/line.ts';
import { mountUsbStick, type UsbStick } from '../support/usb-stick.ts';

const CHROMIUM = '/usr/bin/chromium';
const suffix = randomBytes(3).toString('hex');
const label = `DASH${suffix}`.toUpperCase();

describe('the dashboard', () => {
  let line: Line;
  let browser: Browser;
  let stick: UsbStick | undefined;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (.ci/run does).`);
    line = await startLine('dashboard');
    await waitFor('six verdicts', async () => {
      const { body } = await api<{ devices: PresentedDevice[] }>(line.collector, line.tokens.admin, '/api/v1/devices');
      return body.devices[0] && Object.keys(body.devices[0].checks).length === 6 ? true : undefined;
    }, 60_000);
    stick = mountUsbStick({ mountRoot: line.mediaRoot, user: `pupil-${suffix}`, label });
    await waitFor('a misuse alert', async () => {
      const { body } = await api<{ alerts: PresentedAlert[] }>(line.collector, line.tokens.dsl, '/api/v1/alerts?category=misuse');
      return body.alerts.find((alert) => JSON.stringify(alert.detail).includes(label));
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });
  afterAll(async () => {
    await browser?.close();
    stick?.destroy();
    await line?.stop();
  });

  const signIn = async (token: string): Promise<Page> => {
    const page = await browser.newPage();
    await page.goto(`${line.collector.httpUrl}/`);
    await page.fill('#token', token);
    await page.click('button[type=submit]');
    await page.waitForSelector('#signin-section', { state: 'hidden' });
    return page;
  };

  it('shows a technician every device with its six checks, and no misuse', async () => {
    const page = await signIn(line.tokens.technician);
    await page.waitForSelector('#devices tr td .verdict');
    const headers = await page.locator('#devices-section th').allTextContents();
    expect(headers).toEqual(['Device', 'Last seen', 'Encryption', 'Anti-virus', 'Firewall', 'Password policy', 'Removable media', 'Screen lock']);
    const verdicts = await page.locator('#devices tr').first().locator('.verdict').allTextContents();
    expect(verdicts).toHaveLength(6);
    expect(verdicts[0]).toBe('Fail'); // this machine's root filesystem is not encrypted
    expect(await page.locator('#who').textContent()).toContain('technician');
    expect(await page.locator('#alerts').textContent()).not.toContain(label);
    await page.screenshot({ path: `${line.dataDir}/dashboard-technician.png`, fullPage: true });
  });

  it('shows the DSL the misuse alert and no device list', async () => {
    const page = await signIn(line.tokens.dsl);
    await page.waitForSelector('#alerts tr td strong');
    expect(await page.locator('#devices-section').isHidden()).toBe(true);
    expect(await page.locator('#alerts-title').textContent()).toBe('Open misuse alerts');
    const alerts = await page.locator('#alerts').textContent();
    expect(alerts).toMatch(/memory stick|removable|USB/i);
    await page.screenshot({ path: `${line.dataDir}/dashboard-dsl.png`, fullPage: true });
  });

  it('sends a wrong token back to sign-in with the reason', async () => {
    const page = await browser.newPage();
    await page.goto(`${line.collector.httpUrl}/`);
    await page.fill('#token', 'not-a-token');
    await page.click('button[type=submit]');
    await expect.poll(() => page.locator('#signin-error').textContent(), { timeout: 10_000 }).toMatch(/token/i);
  });
});
