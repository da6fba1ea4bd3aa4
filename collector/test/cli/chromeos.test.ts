// `chromeos connect` and `chromeos status` through the real command, against the local Google server.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { chromeosFixture, startGoogleAdminServer, type GoogleAdminServer } from '../helpers/google-admin-server.ts';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'invigilator-collector.js');
let temp: ReturnType<typeof makeTempDir>;
let google: GoogleAdminServer;

// Asynchronous: the Google server answers from this same process.
const cli = (...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> => new Promise((resolve) => {
  execFile(process.execPath, [BIN, ...args, '--data-dir', join(temp.dir, 'data')],
    { encoding: 'utf8', env: { ...process.env, INVIGILATOR_CHROMEOS_CA_FILE: google.caFile } },
    (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }));
});

const connectArgs = (...extra: string[]): string[] => ['chromeos', 'connect', '--school', 'north', '--customer', 'C01b2c3d4',
  '--service-account-file', google.serviceAccountFile, '--admin-email', 'it@north.example.org', '--api-base', google.apiBase, ...extra];

beforeEach(async () => {
  temp = makeTempDir();
  google = await startGoogleAdminServer();
  google.devices = [chromeosFixture('directory-chromeosdevice.2-active-verified.json'), chromeosFixture('directory-chromeosdevice.3-developer-mode.json')];
});
afterEach(async () => {
  await google.close();
  temp.remove();
});

it('connects a school, reads its Chromebooks at once, and says so in status', async () => {
  expect((await cli('school', 'add', '--id', 'north', '--name', 'North Primary')).code).toBe(0);
  const connected = await cli(...connectArgs('--org-unit', '/North Primary'));
  expect(connected).toMatchObject({ code: 0, stderr: '' });
  expect(connected.stdout).toBe('School north is connected to Google Admin: 2 Chromebook(s) read; the collector reads them again every 30 minutes.\n'
    + 'USB telemetry: 0 memory-stick event(s) stored.\n');
  const status = await cli('chromeos', 'status', '--school', 'north');
  expect(status.code).toBe(0);
  expect(status.stdout).toMatch(/^School north: Google Admin customer C01b2c3d4 as it@north\.example\.org, organisational unit \/North Primary\.\n/);
  expect(status.stdout).toMatch(/Last sync: \d{4}-\d\d-\d\d \d\d:\d\d UTC \(last full read \d{4}-\d\d-\d\d \d\d:\d\d UTC\)\.\n/);
  expect(status.stdout).toContain('Chromebooks known: 2.\n');
  expect(status.stdout).toContain('USB telemetry: no USB event read yet.\n');
  expect(status.stdout).toContain('Last error: none since the last good sync.\n');
});

it('says when USB telemetry could not be read, naming the scope to grant, while the Chromebooks are read', async () => {
  await cli('school', 'add', '--id', 'north', '--name', 'North Primary');
  google.refusedScopes = new Set(['https://www.googleapis.com/auth/chrome.management.telemetry.readonly']);
  const connected = await cli(...connectArgs());
  expect(connected).toMatchObject({ code: 0, stderr: '' });
  expect(connected.stdout).toContain('2 Chromebook(s) read');
  expect(connected.stdout).toContain('USB telemetry was not read: Google refused the read-only scope https://www.googleapis.com/auth/chrome.management.telemetry.readonly: '
    + 'add it to the service account\'s domain-wide delegation in Google Admin');
});

it('keeps the settings when Google refuses the account, exits 1, and status gives the error in words', async () => {
  await cli('school', 'add', '--id', 'north', '--name', 'North Primary');
  google.revoked = true;
  const refused = await cli(...connectArgs());
  expect(refused).toMatchObject({ code: 1, stdout: '' });
  expect(refused.stderr).toMatch(/^CHROMEOS_ACCESS_REFUSED: Google refused the connector's service account .*unauthorized_client/);
  const status = await cli('chromeos', 'status', '--school', 'north');
  expect(status.stdout).toContain('Last sync: never finished.');
  expect(status.stdout).toMatch(/Last error \(.* UTC\): CHROMEOS_ACCESS_REFUSED — Google refused/);
});

it.each([
  [['--customer', 'north'], 'CONFIG_INVALID', /customer id "north" is not a Google customer id/],
  [['--admin-email', 'it-at-north'], 'CONFIG_INVALID', /admin email "it-at-north"/],
  [['--org-unit', 'Pupils'], 'CONFIG_INVALID', /must be a full path starting with \//],
  [['--api-base', 'http://127.0.0.1:1'], 'CONFIG_INVALID', /must be an https:\/\/ URL/],
  [['--service-account-file', '/nonexistent/key.json'], 'CHROMEOS_SERVICE_ACCOUNT_INVALID', /\/nonexistent\/key\.json: cannot be read/],
  [['--service-account-file', 'NOT_A_KEY'], 'CHROMEOS_SERVICE_ACCOUNT_INVALID', /no private_key/],
])('refuses %j with %s (exit 2) and saves nothing', async (mistake, code, words) => {
  await cli('school', 'add', '--id', 'north', '--name', 'North Primary');
  const notAKey = join(temp.dir, 'not-a-key.json');
  writeFileSync(notAKey, JSON.stringify({ type: 'service_account', client_email: 'x@y.iam.gserviceaccount.com' }));
  const [option = '', given = ''] = mistake;
  const args = connectArgs();
  const value = given === 'NOT_A_KEY' ? notAKey : given;
  if (args.includes(option)) args[args.indexOf(option) + 1] = value;
  else args.push(option, value);
  const result = await cli(...args);
  expect(result).toMatchObject({ code: 2, stdout: '' });
  expect(result.stderr.startsWith(`${code}: `)).toBe(true);
  expect(result.stderr).toMatch(words);
  expect((await cli('chromeos', 'status', '--school', 'north')).stderr).toMatch(/^CHROMEOS_NOT_CONNECTED: /);
});

it('refuses to connect a school that does not exist', async () => {
  const result = await cli(...connectArgs());
  expect(result).toMatchObject({ code: 2, stdout: '' });
  expect(result.stderr).toMatch(/^SCHOOL_UNKNOWN: /);
});
