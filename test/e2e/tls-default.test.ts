// A collector listening beyond loopback with no certificate given makes its own CA and server certificate,
// prints the fingerprint, and real agents pin it at enrolment (given, or accepted on first use when asked).
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:https';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CHECK_NAMES } from '@invigilator/shared/checks.ts';
import { AGENT_BIN, COLLECTOR_BIN, freePort, runCli, startProcess, tempDir, waitFor, type RunningProcess } from '../support/processes.ts';

const dir = tempDir('tls-default');
let collector: RunningProcess;
let agent: RunningProcess | undefined;
let port: number;
let secret: string;
let fingerprint: string;

const caFile = path.join(dir, 'tls', 'ca.pem');
const httpsStatus = (url: string, token?: string): Promise<{ status: number; headers: Record<string, unknown>; text: string }> =>
  new Promise((resolve, reject) => {
    const req = request(url, { ca: readFileSync(caFile), headers: token ? { authorization: `Bearer ${token}` } : {} }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => { text += chunk.toString('utf8'); });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text }));
    });
    req.on('error', reject);
    req.end();
  });
const enroll = (stateDir: string, ...extra: string[]) => spawnSync(process.execPath, [AGENT_BIN, 'enroll', '--collector', `https://127.0.0.1:${port}`,
  '--secret', secret, '--state-dir', path.join(dir, stateDir), ...extra], { encoding: 'utf8' });

beforeAll(async () => {
  port = await freePort();
  secret = runCli(COLLECTOR_BIN, ['school', 'add', '--data-dir', dir, '--id', 'tls-school', '--name', 'TLS School']);
  collector = startProcess(COLLECTOR_BIN, ['serve', '--data-dir', dir, '--listen', `0.0.0.0:${port}`], path.join(dir, 'collector.log'));
  const line = await waitFor('the fingerprint in the log', () => collector.log().split('\n').find((entry) => entry.includes('"fingerprint"')));
  fingerprint = (JSON.parse(line) as { fingerprint: string }).fingerprint;
  await waitFor('https to answer', async () => ((await httpsStatus(`https://127.0.0.1:${port}/healthz`).catch(() => ({ status: 0 }))).status === 200 || undefined));
});
afterAll(async () => {
  await agent?.stop();
  await collector?.stop();
  rmSync(dir, { recursive: true, force: true });
});

it('makes its own CA and certificate beyond loopback, keeps the keys 0600, and serves HSTS', async () => {
  expect(fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  expect(statSync(path.join(dir, 'tls', 'server-key.pem')).mode & 0o777).toBe(0o600);
  expect(statSync(path.join(dir, 'tls', 'ca-key.pem')).mode & 0o777).toBe(0o600);
  const { headers } = await httpsStatus(`https://127.0.0.1:${port}/healthz`);
  expect(headers['strict-transport-security']).toBe('max-age=31536000');
});

it('refuses an untrusted certificate at enrolment unless confirmed, showing its fingerprint, and sends no secret', () => {
  const result = enroll('unconfirmed');
  expect(result.status).not.toBe(0);
  expect(result.stderr).toContain('ENROLMENT_FAILED');
  expect(result.stderr).toContain(fingerprint);
  expect(collector.log()).not.toContain('Device enrolled');
});

it('refuses a fingerprint that does not match with TLS_FINGERPRINT_MISMATCH', () => {
  const result = enroll('wrong-pin', '--fingerprint', 'A'.repeat(64));
  expect(result.status).not.toBe(0);
  expect(result.stderr).toContain('TLS_FINGERPRINT_MISMATCH');
  expect(collector.log()).not.toContain('Device enrolled');
});

it('accepts the certificate on first use when asked, showing the fingerprint it pinned', () => {
  const result = enroll('first-use', '--trust-first-use');
  expect(result.status, result.stderr).toBe(0);
  expect(result.stderr).toContain(`pinned from now on: SHA256 ${fingerprint}`);
  const saved = JSON.parse(readFileSync(path.join(dir, 'first-use', 'enrolment.json'), 'utf8')) as { pinSha256: string };
  expect(saved.pinSha256).toBe(fingerprint.replaceAll(':', ''));
});

it('enrols with --fingerprint, pins it, and streams to the collector', async () => {
  const result = enroll('pinned', '--fingerprint', fingerprint);
  expect(result.status, result.stderr).toBe(0);
  const token = runCli(COLLECTOR_BIN, ['token', 'create', '--data-dir', dir, '--role', 'technician']);
  agent = startProcess(AGENT_BIN, ['run', '--state-dir', path.join(dir, 'pinned')], path.join(dir, 'agent.log'));
  await waitFor('the pinned agent\'s checks', async () => {
    const { text } = await httpsStatus(`https://127.0.0.1:${port}/api/v1/devices`, token);
    const devices = (JSON.parse(text) as { devices: { id: string; checks: Record<string, unknown> }[] }).devices;
    return devices.some((device) => Object.keys(device.checks).length === CHECK_NAMES.length) || undefined;
  }, 60_000);
});

it('refuses a plain http collector beyond this machine unless forced', () => {
  const result = spawnSync(process.execPath, [AGENT_BIN, 'enroll', '--collector', 'http://192.0.2.10:8470', '--secret', secret,
    '--state-dir', path.join(dir, 'plain')], { encoding: 'utf8' });
  expect(result.status).toBe(2);
  expect(result.stderr).toContain('plain http beyond this machine');
});
