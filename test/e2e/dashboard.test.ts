// The dashboard as each role lives in it, in a real browser against a real collector: a trust of three
// schools whose devices report over the real wire protocol, people added and given passwords with the
// collector's CLI, each signing in with email and password. Every page is screenshotted (under
// test-artifacts/screenshots) and checked by axe-core; no page may trip its own security policy.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MisuseKind } from '@invigilator/shared/wire.ts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  launchChromium, screenshot, SCREENSHOTS, seriousAccessibilityProblems, signInAs, TABLET, type SignedInPage,
} from '../support/dashboard-browser.ts';
import { FLEET_PASSWORD, FLEET_PEOPLE, seedFleet, stickIncident, type Fleet, type FleetDevice, type FleetRole } from '../support/dashboard-fleet.ts';
import { api, startCollector, tempDir, waitFor, type CollectorUnderTest } from '../support/processes.ts';
import { SimAgent } from '../support/sim-agent.ts';

const DEVICES_PER_SCHOOL = 20;
const COPIED = ['year9-reports.docx', 'pupil-contacts.xlsx', 'safeguarding-minutes.pdf', 'photo 001.jpg', '<b>not-markup</b>.txt'];

let collector: CollectorUnderTest;
let fleet: Fleet;
let browser: Browser;
const opened: SignedInPage[] = [];

const device = (hostname: string): FleetDevice => {
  const found = fleet.devices.find((d) => d.hostname === hostname);
  if (!found) throw new Error(`no device ${hostname}`);
  return found;
};

const signIn = async (role: FleetRole, viewport?: { width: number; height: number }): Promise<SignedInPage> => {
  const signedIn = await signInAs(browser, collector.httpUrl, FLEET_PEOPLE[role].email, FLEET_PASSWORD, viewport);
  opened.push(signedIn);
  return signedIn;
};

/**
 * Opens the page at `fragment` afresh: a change of fragment alone would keep the last page's rows on screen
 * until the new ones arrive, and `ready` could match those.
 */
const go = async (page: Page, fragment: string, ready: string): Promise<void> => {
  await page.goto('about:blank');
  await page.goto(`${collector.httpUrl}/${fragment}`);
  await page.waitForSelector(ready);
};

const navLabels = (page: Page) => page.locator('header nav a').allTextContents();

/** The page's screenshot saved, and no serious or critical accessibility problem on it. */
const lookAt = async (page: Page, name: string): Promise<void> => {
  await screenshot(page, name);
  expect(await seriousAccessibilityProblems(page), name).toEqual([]);
};

/** Waits until the element's text includes `text` (the page fetched and drew it). */
const textShows = (page: Page, selector: string, text: string) =>
  expect.poll(() => page.locator(selector).first().textContent(), { timeout: 15_000 }).toContain(text);

const focusedText = async (page: Page): Promise<string> => String(await page.evaluate('document.activeElement?.textContent ?? ""'));

/** What the API answers this signed-in page (its cookie): the status only. */
const statusFromPage = (page: Page, path: string): Promise<number> => page.evaluate(async (url) => (await fetch(url)).status, path);

beforeAll(async () => {
  process.stdout.write(`dashboard screenshots: ${SCREENSHOTS}\n`);
  const dataDir = tempDir('dashboard');
  collector = await startCollector(dataDir);
  fleet = await seedFleet(collector, dataDir, DEVICES_PER_SCHOOL);
  // A misuse incident in the DSL's school and one in a school she does not cover.
  await fleet.send(device('NP-LAPTOP-003'), stickIncident(Date.now() - 30 * 60_000, 'j.smith', COPIED));
  await fleet.send(device('SA-LAPTOP-003'), stickIncident(Date.now() - 20 * 60_000, 'k.jones', ['south-only.docx']));
  browser = await launchChromium();
}, 300_000);

afterEach(() => {
  // Nothing the pages did was refused by their policy, and nothing threw.
  for (const { blocked, errors } of opened.splice(0)) {
    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
  }
});

afterAll(async () => {
  await browser?.close();
});

describe('the network manager and the administrator', () => {
  it('see each school on the overview with the share passing each check, failing and silent counts, alerts by category and a trend', async () => {
    const { page } = await signIn('network-manager');
    expect(await navLabels(page)).toEqual(['Overview', 'Devices', 'Alerts', 'Termly reports']);
    await go(page, '#/overview', '#schools-overview tbody tr');
    const rows = await page.locator('#schools-overview tbody tr th').allTextContents();
    expect(rows).toEqual(['East High School', 'North Primary', 'South Academy', 'All schools']);
    const north = await page.locator('#schools-overview tbody tr', { hasText: 'North Primary' }).locator('td').allTextContents();
    expect(north[0]).toBe(String(DEVICES_PER_SCHOOL));
    expect(north.slice(1, 7).every((cell) => /^\d+%$/.test(cell))).toBe(true);
    // The trend is drawn by the chart library on a canvas, a line per check.
    await page.waitForSelector('.chart canvas');
    expect(await page.locator('.chart .u-legend .u-series').count()).toBe(7);
    // A network manager sees misuse as a count only: no inbox, no incident.
    expect(await statusFromPage(page, '/api/v1/incidents')).toBe(403);
    await lookAt(page, 'network-manager-overview');
  });

  it('lets the administrator see every page but the safeguarding inbox, which is the DSL\'s alone', async () => {
    const { page } = await signIn('admin');
    expect(await navLabels(page)).toEqual(['Overview', 'Devices', 'Alerts', 'Termly reports', 'Settings', 'Audit log']);
    await go(page, '#/overview', '.chart canvas');
    await lookAt(page, 'admin-overview');
  });
});

describe('the technician', () => {
  it('pages, searches, filters and sorts the device list on the collector', async () => {
    const { page } = await signIn('technician');
    expect(await navLabels(page)).toEqual(['Devices', 'Alerts']);
    await go(page, '#/devices', '#devices tbody tr');
    // North and South: the East school's devices are not theirs.
    expect(await page.locator('.pager [role=status]').textContent()).toContain(`${2 * DEVICES_PER_SCHOOL} devices in all`);
    expect(await page.locator('#devices tbody tr').count()).toBe(2 * DEVICES_PER_SCHOOL);
    expect(await page.locator('#devices').textContent()).not.toContain('EH-');
    await lookAt(page, 'technician-devices');

    await page.selectOption('#filter-school', 'north');
    await textShows(page, '.pager [role=status]', `${DEVICES_PER_SCHOOL} devices in all`);
    await page.fill('#device-search', 'mac');
    await page.click('form[role=search] button[type=submit]');
    const macs = fleet.devices.filter((d) => d.schoolId === 'north' && d.hostname.includes('MAC')).length;
    await textShows(page, '.pager [role=status]', `${macs} devices in all`);
    const hosts = await page.locator('#devices tbody th a').allTextContents();
    expect(hosts.every((host) => host.startsWith('NP-MAC-'))).toBe(true);
    expect(page.url()).toContain('q=mac');

    await go(page, '#/devices?failing=firewall&sort=hostname', '#devices tbody tr');
    const firewallColumn = await page.locator('#devices tbody tr td:nth-child(7)').allTextContents();
    expect(firewallColumn.length).toBeGreaterThan(0);
    expect(firewallColumn.every((cell) => cell === 'Fail')).toBe(true);
  });

  it('pages through more devices than fit on a page', async () => {
    const { page } = await signIn('admin');
    await go(page, '#/devices', '#devices tbody tr');
    expect(await page.locator('#devices tbody tr').count()).toBe(50);
    const first = await page.locator('#devices tbody th a').first().textContent();
    await page.click('.pager button:has-text("Next")');
    await textShows(page, '.pager [role=status]', 'Page 2');
    expect(await page.locator('#devices tbody tr').count()).toBe(3 * DEVICES_PER_SCHOOL - 50);
    expect(await page.locator('#devices tbody th a').allTextContents()).not.toContain(first);
    await page.click('.pager button:has-text("Previous")');
    await expect.poll(() => page.locator('#devices tbody th a').first().textContent()).toBe(first);
  });

  it('follows a device from the list to its checks, facts, clause, verdict timeline, alerts, backlog and bundle steps', async () => {
    const { page } = await signIn('technician');
    await go(page, '#/devices?q=NP-LAPTOP-001', '#devices tbody tr');
    await page.click('#devices tbody th a');
    await page.waitForSelector('#checks tbody tr');
    expect(await page.locator('h1').textContent()).toBe('NP-LAPTOP-001');
    expect(await page.locator('#checks tbody tr').count()).toBe(6);
    const firewall = page.locator('#checks tbody tr', { hasText: 'Firewall' });
    expect(await firewall.locator('.badge').textContent()).toBe('Pass');
    expect(await firewall.textContent()).toContain('Firewalls are switched on at all times');
    // Three weeks ago its firewall was off: the timeline shows it going from Fail to Pass.
    await page.selectOption('#timeline-check', 'firewall');
    await expect.poll(async () => {
      const entries = await page.locator('#timeline li').allTextContents();
      return entries.length >= 2 && entries.every((entry) => entry.includes('Firewall'));
    }).toBe(true);
    const timeline = await page.locator('#timeline li').allTextContents();
    expect(timeline[0]).toMatch(/Firewall: Fail → Pass/);
    expect(timeline.at(-1)).toMatch(/Firewall: first verdict Fail/);
    expect(await page.locator('#outbox').textContent()).toContain('12 events waiting');
    expect(await page.locator('#diagnostics').textContent()).toContain('diagnose');
    await lookAt(page, 'technician-device');
  });

  it('acknowledges and resolves a health alert with notes; the list puts critical above warning and shows the category', async () => {
    const { page } = await signIn('technician');
    await go(page, '#/alerts', 'table.alerts tbody tr');
    const severities = await page.locator('table.alerts tbody tr td:first-child').allTextContents();
    const rank = (severity: string) => ['Critical', 'Warning', 'Info'].indexOf(severity);
    expect(severities.map(rank)).toEqual([...severities.map(rank)].sort((a, b) => a - b));
    expect(new Set(await page.locator('table.alerts tbody tr td:nth-child(2)').allTextContents())).toEqual(new Set(['Device health']));
    await lookAt(page, 'technician-alerts');

    const row = page.locator('table.alerts tbody tr').first();
    const alertId = await row.getAttribute('data-alert');
    await row.locator('button:has-text("Acknowledge")').click();
    await row.locator('textarea').fill('Looking at it this afternoon.');
    await row.locator('button[type=submit]').click();
    await page.waitForSelector(`tr[data-alert="${alertId}"] .badge.acknowledged`);

    await go(page, `#/alerts/${alertId}`, 'h1');
    await page.click('button:has-text("Resolve")');
    await page.fill('textarea', 'BitLocker switched back on; checked with manage-bde.');
    await page.click('button[type=submit]');
    await page.waitForSelector('.badge.resolved');
    const history = await page.locator('.timeline').textContent();
    expect(history).toContain('Tom Technician');
    expect(history).toContain('Looking at it this afternoon.');
    expect(history).toContain('BitLocker switched back on');
  });

  it('sees no safeguarding data and no administration', async () => {
    const { page } = await signIn('technician');
    await page.goto(`${collector.httpUrl}/#/inbox`);
    await page.waitForURL(/#\/devices/);
    expect(await statusFromPage(page, '/api/v1/incidents')).toBe(403);
    expect(await statusFromPage(page, '/api/v1/alerts?category=misuse')).toBe(403);
    expect(await statusFromPage(page, '/api/v1/people')).toBe(403);
  });
});

describe('the designated safeguarding lead', () => {
  let incidentId: string;

  it('opens the inbox to the incident with device, user and stick, and nothing of another school', async () => {
    const { page } = await signIn('dsl');
    expect(await navLabels(page)).toEqual(['Safeguarding inbox']);
    await go(page, '#/inbox', '#incidents tbody tr');
    // The stick plugged in, and files copied to it: the copying first (critical above warning).
    const rows = page.locator('#incidents tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.locator('td:first-child').allTextContents()).toEqual(['Critical', 'Warning']);
    const row = await rows.first().textContent();
    expect(row).toContain('Files copied to a stick');
    expect(row).toContain('NP-LAPTOP-003');
    expect(row).toContain('j.smith');
    expect(row).toContain('SanDisk Cruzer Blade');
    expect(row).toContain('PUPILWORK');
    expect(await page.locator('#incidents').textContent()).not.toContain('south-only');
    await lookAt(page, 'dsl-inbox');
    incidentId = (await rows.first().locator('a').getAttribute('href'))!.split('/').at(-1)!;
    expect(await statusFromPage(page, '/api/v1/devices')).toBe(403);
  });

  it('reads every file copied, the clause and steps and the timeline; acknowledges, notes, resolves and exports', async () => {
    const { page } = await signIn('dsl');
    await go(page, `#/inbox/${incidentId}`, '#files li');
    expect(await page.locator('#files li .file-name').allTextContents()).toEqual(COPIED);
    // A file name that looks like markup is shown as the text it is.
    expect(await page.locator('#files b').count()).toBe(0);
    const facts = await page.locator('#incident-facts').textContent();
    for (const text of ['4C530001190512', 'PUPILWORK', 'j.smith', 'NP-LAPTOP-003']) expect(facts).toContain(text);
    expect(await page.locator('#clause').textContent()).toContain('Removable media');
    const timeline = await page.locator('#incident-timeline li strong').allTextContents();
    expect(timeline[0]).toBe('Plugged in');
    expect(timeline.filter((kind) => kind === 'File written')).toHaveLength(COPIED.length);
    expect(timeline.at(-1)).toBe('Removed');

    await page.click('#incident-facts button:has-text("Acknowledge")');
    await page.fill('#incident-facts textarea', 'Spoke to the form tutor.');
    await page.click('#incident-facts button[type=submit]');
    await textShows(page, '#incident-facts', 'by Dana Lead');
    await page.fill('#case-note', 'Parents informed by phone.');
    await page.click('#notes button[type=submit]');
    await textShows(page, '#notes', 'Parents informed by phone.');
    await lookAt(page, 'dsl-incident');

    const pdf = page.waitForEvent('download');
    await page.click('button:has-text("Export PDF")');
    const pdfPath = await (await pdf).path();
    expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
    const csv = page.waitForEvent('download');
    await page.click('button:has-text("Export CSV")');
    const csvText = readFileSync(await (await csv).path(), 'utf8');
    for (const name of COPIED) expect(csvText).toContain(name);
    expect(csvText).toContain('Parents informed by phone.');

    await page.click('#incident-facts button:has-text("Resolve")');
    await page.fill('#incident-facts textarea', 'Closed: stick returned, data deleted.');
    await page.click('#incident-facts button[type=submit]');
    await page.waitForSelector('.badge.resolved');
    const history = await page.locator('#history').textContent();
    expect(history).toContain('Spoke to the form tutor.');
    expect(history).toContain('Closed: stick returned, data deleted.');

    // Resolved, it leaves the list of things to do but stays findable.
    await go(page, '#/inbox', 'main h1');
    await page.waitForSelector('.empty, #incidents');
    expect(await page.locator('#incidents').textContent()).not.toContain('Files copied');
    await page.selectOption('#incident-state', 'resolved');
    await page.waitForSelector('#incidents tbody tr');
    await page.fill('#incident-search', 'pupil-contacts');
    await page.click('form[role=search] button[type=submit]');
    await expect.poll(() => page.locator('#incidents tbody tr').count()).toBe(1);
  });

  it('sees a new incident arrive without reloading, and the alert link in a message opens it', async () => {
    const { page } = await signIn('dsl');
    await go(page, '#/inbox', 'main h1');
    await page.waitForSelector('.live.on');
    await fleet.send(device('NP-MAC-005'), [{ occurredAtMs: Date.now(), misuse: { kind: MisuseKind.SAFEGUARD_DISABLED, user: 'a.pupil', detail: 'Real-time protection was switched off', subject: 'Microsoft Defender Antivirus' } }]);
    await page.waitForSelector('#incidents tbody tr:has-text("NP-MAC-005")', { timeout: 20_000 });
    expect(await page.locator('.toast').textContent()).toContain('NP-MAC-005');
    const id = (await page.locator('#incidents tbody tr:has-text("NP-MAC-005") a').getAttribute('href'))!.split('/').at(-1)!;

    // The link in her email, opened in a browser not yet signed in: sign in first, then that incident.
    const context = await browser.newContext();
    const linked = await context.newPage();
    await linked.goto(`${collector.httpUrl}/?alert=${id}`);
    await linked.waitForURL(/\/sign-in$/);
    await linked.fill('#email', FLEET_PEOPLE.dsl.email);
    await linked.fill('#password', FLEET_PASSWORD);
    await linked.click('button[type=submit]');
    await linked.waitForSelector('#incident-facts');
    expect(await linked.locator('#incident-facts').textContent()).toContain('NP-MAC-005');
    await context.close();
  });
});

describe('the governor', () => {
  it('sees the termly reports and nothing else', async () => {
    const { page } = await signIn('governor');
    expect(await navLabels(page)).toEqual(['Termly reports']);
    await go(page, '#/reports', '#report-firewall-review dl');
    expect(await page.locator('#report-firewall-review').textContent()).toContain('Firewall on, in school time');
    await page.waitForSelector('#report-evidence-pack table');
    await lookAt(page, 'governor-reports');
    const pdf = page.waitForEvent('download');
    await page.click('#report-firewall-review button:has-text("Download PDF")');
    expect(readFileSync(await (await pdf).path()).subarray(0, 5).toString()).toBe('%PDF-');
    await page.goto(`${collector.httpUrl}/#/devices`);
    await page.waitForURL(/#\/reports/);
    for (const path of ['/api/v1/devices', '/api/v1/alerts', '/api/v1/incidents', '/api/v1/overview']) {
      expect(await statusFromPage(page, path), path).toBe(403);
    }
  });
});

describe('the administrator\'s settings', () => {
  it('rotates an enrolment secret, shown once, and the old one stops', async () => {
    const { page } = await signIn('admin');
    await go(page, '#/settings?tab=schools', '#schools tbody tr');
    page.once('dialog', (dialog) => dialog.accept());
    await page.click('button:has-text("Rotate the secret of North Primary")');
    const secret = (await (await page.waitForSelector('#shown-secret')).textContent())!.trim();
    await lookAt(page, 'admin-settings-schools');
    await expect(SimAgent.enrol(collector.wsUrl, secret, { hostname: 'NP-NEW-001', platform: 2, osName: 'Windows 11 Pro', osVersion: '23H2', agentVersion: '0.1.0' }))
      .resolves.toHaveProperty('deviceId');
    await page.reload();
    await page.waitForSelector('#schools tbody tr');
    expect(await page.locator('#shown-secret').count()).toBe(0);
  });

  it('revokes a device, which can then no longer connect', async () => {
    const { page } = await signIn('admin');
    const lost = device('EH-LAPTOP-006');
    await go(page, `#/devices/${lost.id}`, '#checks');
    page.once('dialog', (dialog) => dialog.accept());
    await page.click('button:has-text("Revoke this device")');
    await page.waitForSelector('.badge.fail:has-text("Revoked")');
    await expect(SimAgent.session(collector.wsUrl, lost.credential, lost.facts)).rejects.toThrow();
  });

  it('adds a webhook channel and sends it a test, which the other end receives', async () => {
    const received: string[] = [];
    const hook = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => { body += chunk.toString(); });
      request.on('end', () => { received.push(body); response.end('ok'); });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = hook.address() as AddressInfo;
      const { page } = await signIn('admin');
      await go(page, '#/settings?tab=channels', '#channel-kind');
      await page.selectOption('#channel-school', 'north');
      await page.selectOption('#channel-kind', 'webhook');
      await page.fill('#channel-url', `http://127.0.0.1:${port}/hook`);
      await page.click('button:has-text("Add channel")');
      await page.waitForSelector('#channels tbody tr');
      await page.click('#channels button:has-text("Send a test")');
      await textShows(page, '#channels', 'accepted');
      // The test message arrived (the school's open alerts may follow it down the new channel too).
      expect(received.filter((body) => body.includes('Test message from Invigilator for North Primary'))).toHaveLength(1);
      await lookAt(page, 'admin-settings-channels');
    } finally {
      hook.close();
    }
  });

  it('shows where an uploaded policy pack is wrong, and the audit log of who saw what', async () => {
    const { page } = await signIn('admin');
    await go(page, '#/settings?tab=policy', '#pack-text');
    await expect.poll(() => page.locator('#pack-text').inputValue()).toContain('"checks"');
    const pack = JSON.parse(await page.locator('#pack-text').inputValue());
    pack.checks.antivirus.maxSignatureAgeHours = 'three days';
    await page.fill('#pack-text', JSON.stringify(pack, null, 2));
    await page.click('button:has-text("Check and save")');
    await page.waitForSelector('.pack-error-field');
    expect(await page.locator('.pack-error-field').allTextContents()).toContain('checks.antivirus.maxSignatureAgeHours');
    // The cursor is put on the refused field in the pack's text.
    expect(await page.evaluate("(() => { const t = document.querySelector('#pack-text'); return t.value.slice(t.selectionStart, t.selectionEnd); })()"))
      .toBe('"maxSignatureAgeHours"');
    await lookAt(page, 'admin-settings-policy');

    for (const tab of ['people', 'terms', 'tokens']) {
      await go(page, `#/settings?tab=${tab}`, `#${tab}, .empty`);
      await lookAt(page, `admin-settings-${tab}`);
    }

    await go(page, `#/audit?person=${encodeURIComponent(FLEET_PEOPLE.dsl.email)}`, '#audit tbody tr');
    const actions = await page.locator('#audit tbody tr td:nth-child(3)').allTextContents();
    expect(actions).toContain('view misuse incident');
    expect(actions).toContain('export misuse incident');
    const who = await page.locator('#audit tbody tr td:nth-child(2)').allTextContents();
    expect(who.every((cell) => cell.includes(FLEET_PEOPLE.dsl.email))).toBe(true);
    await lookAt(page, 'admin-audit');
  });
});

describe('on a tablet, with a keyboard', () => {
  it('fits the device list to a tablet and reaches every page from the keyboard', async () => {
    const { page } = await signIn('technician', TABLET);
    await go(page, '#/devices', '#devices tbody tr');
    // The page itself never scrolls sideways; a wide table scrolls inside its card.
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await lookAt(page, 'technician-devices-tablet');
    // From a fresh load, the first Tab reaches the skip link, then the pages, all without a mouse.
    await page.reload();
    await page.waitForSelector('#devices tbody tr');
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('Skip to the page');
    const reached: string[] = [];
    for (let step = 0; step < 8 && !reached.includes('Alerts'); step += 1) {
      await page.keyboard.press('Tab');
      reached.push(await focusedText(page));
    }
    expect(reached).toContain('Alerts');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/alerts/);
    await page.waitForSelector('table.alerts');
  });
});

it('audits the first view of a new incident, and not a refresh that shows nothing new', async () => {
  const views = async (): Promise<number> => (await api<{ entries: unknown[] }>(collector, fleet.adminToken,
    `/api/v1/audit?person=${encodeURIComponent(FLEET_PEOPLE.dsl.email)}&action=${encodeURIComponent('view misuse alerts')}&limit=500`)).body.entries.length;
  const before = await views();
  await fleet.send(device('NP-LAPTOP-004'), stickIncident(Date.now(), 'l.brown', ['coursework.docx']));
  const { page } = await signIn('dsl');
  await go(page, '#/inbox', '#incidents tbody tr:has-text("NP-LAPTOP-004")');
  const afterFirst = await waitFor('the first view audited', async () => ((await views()) > before ? views() : undefined));
  await page.reload();
  await page.waitForSelector('#incidents tbody tr:has-text("NP-LAPTOP-004")');
  expect(await views()).toBe(afterFirst);
});

it('still signs in with an API token pasted into the page, and says why a wrong one is refused', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${collector.httpUrl}/#token`);
  await page.fill('#token-input', 'not-a-token');
  await page.click('button[type=submit]');
  await expect.poll(() => page.locator('#signin-error').textContent()).toMatch(/token/i);
  await page.fill('#token-input', fleet.adminToken);
  await page.click('button[type=submit]');
  await page.waitForSelector('#who');
  expect(await page.locator('#who').textContent()).toContain('Administrator');
  await context.close();
});
