// A simulated Chromebook end to end: a real collector process connected (`chromeos connect`) to a local HTTPS server
// answering as Google Admin with the Chromebook's directory record, and the extension loaded unpacked in Chromium.
// Chromium here is not a managed Chromebook, so the bundle is built with the test's fake adapter (identity, managed
// settings, storage events); the protocol, the outbox in chrome.storage.local and the collector are the real ones.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildExtension } from '../../chromeos/extension/build.ts';
import { COLLECTOR_BIN, ROOT, api, runCli, startCollector, tempDir, waitFor, type CollectorUnderTest } from '../support/processes.ts';
import type { PresentedAlert, PresentedDevice } from '../support/line.ts';
import { chromeosFixture, heldPoliciesFrom, startGoogleAdminServer, type GoogleAdminServer } from '../../collector/test/helpers/google-admin-server.ts';

const CHROMIUM = '/usr/bin/chromium';
const IDENTITY = { directoryDeviceId: 'a7f3c2e1-9b4d-4e8a-b1c6-2d5f8e9a0b13', serialNumber: '5CD1234XYZ', assetId: 'NP-CB-0142' };
const PUPIL = 'y5.pupil07@north-primary.example.org';

let collector: CollectorUnderTest;
let context: BrowserContext | undefined;
let worker: Worker;
let tokens: { dsl: string; technician: string };
let google: GoogleAdminServer | undefined;

/** Asynchronous: the Google server answers from this process. */
const collectorCli = (args: string[]): Promise<string> => new Promise((resolve, reject) => {
  execFile(process.execPath, [COLLECTOR_BIN, ...args], { encoding: 'utf8', env: { ...process.env, INVIGILATOR_CHROMEOS_CA_FILE: google?.caFile } },
    (error, stdout, stderr) => (error ? reject(new Error(`${args.join(' ')}: ${stderr}`)) : resolve(stdout.trim())));
});

interface FakeChromebook {
  attach(unit: { id: string; name: string; type: string; capacity: number }): void;
  detach(id: string): void;
  outbox(): Promise<{ outboxId: string; lastSeq: number; events: unknown[] } | undefined>;
  wipeOutbox(): Promise<void>;
  credential(): Promise<{ deviceId: string } | undefined>;
  wake(): Promise<void>;
  warnings: string[];
}
const fake = <T>(work: (chromebook: FakeChromebook) => T | Promise<T>): Promise<T> =>
  worker.evaluate(`(${work.toString()})(globalThis.fakeChromebook)`) as Promise<T>;

const misuseAlerts = async (): Promise<PresentedAlert[]> =>
  (await api<{ alerts: PresentedAlert[] }>(collector, tokens.dsl, '/api/v1/alerts?category=misuse')).body.alerts;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (.ci/run does).`);
  const dataDir = tempDir('chromeos-ext');
  collector = await startCollector(dataDir);
  const secret = runCli(COLLECTOR_BIN, ['school', 'add', '--data-dir', dataDir, '--id', 'north', '--name', 'North Primary']);
  tokens = {
    dsl: runCli(COLLECTOR_BIN, ['token', 'create', '--data-dir', dataDir, '--role', 'dsl', '--label', 'dsl']),
    technician: runCli(COLLECTOR_BIN, ['token', 'create', '--data-dir', dataDir, '--role', 'technician', '--label', 'technician']),
  };
  // Google Admin knows the Chromebook before its extension starts.
  google = await startGoogleAdminServer();
  google.devices = [chromeosFixture('directory-chromeosdevice.2-active-verified.json')];
  // Its unit blocks sticks and locks the screen after 10 minutes; the Workspace password policy is strong, 10 characters.
  google.chromePolicies = [...heldPoliciesFrom('chrome-policy-resolve.2-external-storage-disallow.json'),
    ...heldPoliciesFrom('chrome-policy-resolve.3-idle-lock-10-minutes.json')];
  google.identityPolicies = chromeosFixture('cloud-identity-policies.1-password.json').policies as Record<string, unknown>[];
  await collectorCli(['chromeos', 'connect', '--data-dir', dataDir, '--school', 'north', '--customer', 'C01b2c3d4',
    '--service-account-file', google.serviceAccountFile, '--admin-email', 'it@north.example.org', '--api-base', google.apiBase]);
  const extensionDir = path.join(tempDir('chromeos-ext-bundle'), 'extension');
  await buildExtension(extensionDir, path.join(ROOT, 'chromeos/extension/test/fake-chromebook.ts'));
  writeFileSync(path.join(extensionDir, 'test-chromebook.json'), JSON.stringify({ collectorUrl: collector.httpUrl, enrolmentSecret: secret, ...IDENTITY, userEmail: PUPIL }));
  context = await chromium.launchPersistentContext(tempDir('chromeos-ext-profile'), {
    executablePath: CHROMIUM, headless: false,
    args: ['--headless=new', `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`,
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
  });
  worker = context.serviceWorkers()[0] ?? await context.waitForEvent('serviceworker', { timeout: 30_000 });
  await waitFor('the extension to enrol', () => fake((chromebook) => chromebook.credential()));
}, 90_000);

afterAll(async () => {
  await context?.close();
  await google?.close();
});

it('the Chromebook Google Admin knows is one device with a verdict for every check from Google Admin\'s policies, joined by the extension', async () => {
  const enrolled = await fake((chromebook) => chromebook.credential());
  const { body } = await api<{ devices: PresentedDevice[] }>(collector, tokens.technician, '/api/v1/devices');
  expect(body.devices.map((device) => [device.id, device.hostname])).toEqual([[enrolled?.deviceId, 'NP-CB-0142']]);
  const checks = body.devices[0]?.checks ?? {};
  expect(Object.fromEntries(Object.entries(checks).map(([check, verdict]) => [check, verdict.status]))).toEqual({
    encryption: 'pass', antivirus: 'pass', firewall: 'pass', 'removable-media': 'pass', 'password-policy': 'unknown', 'screen-lock': 'pass',
  });
  expect(checks.firewall?.reason).toContain('ChromeOS built-in, not user-configurable');
  expect(checks['removable-media']?.reason).toContain('Google Admin External storage devices: Disallow for /North Primary/Pupils');
  expect(checks['screen-lock']?.reason).toContain('The screen locks after 10 minutes without use');
  // The Workspace policy's length is met; Google's "strong" is not a count of kinds of character.
  expect(checks['password-policy']?.reason).toContain('how many kinds of character');
});

it('enrols as the Chromebook and a stick plugged in reaches the DSL\'s misuse alerts in seconds', async () => {
  await fake((chromebook) => chromebook.attach({ id: 'transient-1', name: 'KINGSTON', type: 'removable', capacity: 15_500_000_000 }));
  const [alert] = await waitFor('a misuse alert', async () => {
    const alerts = await misuseAlerts();
    return alerts.length > 0 ? alerts : undefined;
  }, 15_000);
  expect(alert).toMatchObject({ category: 'misuse', status: 'open' });
  expect(JSON.stringify(alert?.detail)).toContain('KINGSTON');
  // Whose session it was: the signed-in user's email, from chrome.identity, and nothing else of the account.
  expect(alert?.summary).toContain(PUPIL);
  const { body } = await api<{ devices: (PresentedDevice & { facts?: Record<string, unknown> })[] }>(collector, tokens.technician, '/api/v1/devices');
  expect(body.devices.map((device) => device.hostname)).toEqual(['NP-CB-0142']);
  // Acknowledged, so it left the outbox; a fixed disk is not removable storage and reports nothing.
  await fake((chromebook) => chromebook.attach({ id: 'transient-2', name: '/home', type: 'fixed', capacity: 4098 }));
  await waitFor('the outbox to drain', async () => ((await fake((chromebook) => chromebook.outbox()))?.events.length === 0 ? true : undefined));
  expect((await fake((chromebook) => chromebook.outbox()))?.lastSeq).toBe(1);
}, 60_000);

it('keeps a stick plugged in while the collector is down, and sends it once the collector is back', async () => {
  await collector.process.stop();
  await fake((chromebook) => chromebook.attach({ id: 'transient-3', name: 'SANDISK', type: 'removable', capacity: 32_000_000_000 }));
  await waitFor('the event to wait in the outbox', async () => ((await fake((chromebook) => chromebook.outbox()))?.events.length === 1 ? true : undefined));
  await collector.restart();
  await fake((chromebook) => chromebook.wake());
  await waitFor('the second stick\'s alert', async () => {
    const alerts = await misuseAlerts();
    return JSON.stringify(alerts).includes('SANDISK') ? true : undefined;
  }, 30_000);
  await waitFor('the outbox to drain', async () => ((await fake((chromebook) => chromebook.outbox()))?.events.length === 0 ? true : undefined));
}, 90_000);

it('a wiped outbox (a Powerwash, a reinstall) starts a new series: its first stick is stored, not taken for one already held', async () => {
  const before = await fake((chromebook) => chromebook.outbox());
  await collector.process.stop();
  await fake((chromebook) => chromebook.wipeOutbox());
  await fake((chromebook) => chromebook.attach({ id: 'transient-4', name: 'TRANSCEND', type: 'removable', capacity: 8_000_000_000 }));
  const wiped = await waitFor('the stick in a new outbox', async () => {
    const outbox = await fake((chromebook) => chromebook.outbox());
    return outbox?.events.length === 1 ? outbox : undefined;
  });
  // Numbered 1 again, under an outbox id of its own: the collector already holds 1 and 2 from the old one.
  expect(wiped.lastSeq).toBe(1);
  expect(wiped.outboxId).not.toBe(before?.outboxId);
  await collector.restart();
  await fake((chromebook) => chromebook.wake());
  await waitFor('the wiped outbox\'s stick to reach the DSL', async () => (JSON.stringify(await misuseAlerts()).includes('TRANSCEND') ? true : undefined), 30_000);
  await waitFor('the outbox to drain', async () => ((await fake((chromebook) => chromebook.outbox()))?.events.length === 0 ? true : undefined));
}, 90_000);

it('Google Admin\'s USB telemetry: the stick the extension reported is not a second incident; one it never saw is', async () => {
  const kingston = (await misuseAlerts()).find((alert) => JSON.stringify(alert.detail).includes('KINGSTON'));
  const telemetry = chromeosFixture('chrome-management-telemetry-events.1-usb.json').telemetryEvents as Record<string, unknown>[];
  const stick = telemetry[1] ?? {};
  const seenBothWays = Date.parse((kingston as (PresentedAlert & { openedAt?: string }) | undefined)?.openedAt ?? '') + 30_000;
  expect(Number.isNaN(seenBothWays)).toBe(false);
  google!.telemetryEvents = [
    { ...stick, name: `${String(stick.name)}-1`, reportTime: new Date(seenBothWays).toISOString() },
    { ...stick, name: `${String(stick.name)}-2`, reportTime: new Date(seenBothWays - 40 * 60_000).toISOString() },
  ];
  const before = (await misuseAlerts()).length;
  // `connect` again reads the directory and the telemetry at once, as the collector's 30-minute job does.
  const connected = await collectorCli(['chromeos', 'connect', '--data-dir', collector.dataDir, '--school', 'north', '--customer', 'C01b2c3d4',
    '--service-account-file', google!.serviceAccountFile, '--admin-email', 'it@north.example.org', '--api-base', google!.apiBase]);
  expect(connected).toContain('USB telemetry: 2 memory-stick event(s) stored.');
  const alerts = await misuseAlerts();
  expect(alerts).toHaveLength(before + 1);
  const fromGoogle = alerts.filter((alert) => alert.summary.includes('DataTraveler 3.0'));
  expect(fromGoogle).toHaveLength(1);
  expect(fromGoogle[0]?.summary).toContain(PUPIL);
}, 60_000);

it('the Chromebook shows in the school\'s termly firewall review', async () => {
  const day = (offsetDays: number): string => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
  await collectorCli(['term', 'set', '--data-dir', collector.dataDir, '--school', 'north', '--name', 'This term', '--start', day(-30), '--end', day(30)]);
  const out = path.join(tempDir('chromeos-ext-report'), 'firewall-review.csv');
  await collectorCli(['report', 'firewall-review', '--data-dir', collector.dataDir, '--school', 'north', '--format', 'csv', '--out', out]);
  const csv = readFileSync(out, 'utf8');
  const row = csv.split('\n').find((line) => line.includes('NP-CB-0142'));
  expect(row, csv).toBeDefined();
  expect(row, csv).toMatch(/^NP-CB-0142,100\.0%,/); // the "Firewall on" column: built in, on whenever it was read
}, 60_000);
