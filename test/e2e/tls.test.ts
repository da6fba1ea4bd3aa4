// wss end to end: the collector serves TLS with its own certificate, and the real
// agent trusts it only through --ca-file.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENT_BIN, COLLECTOR_BIN, commandFor, freePort, runCli, startProcess, tempDir, waitFor, type RunningProcess } from '../support/processes.ts';

const dir = tempDir('tls');
const certFile = path.join(dir, 'collector.pem');
const keyFile = path.join(dir, 'collector.key');
const agentCommand = commandFor(AGENT_BIN);

/** GET over https trusting only the collector's own certificate. */
const httpsJson = (url: string, token?: string): Promise<{ status: number; body: unknown }> => new Promise((resolve, reject) => {
  const req = request(url, { ca: readFileSync(certFile), headers: token ? { authorization: `Bearer ${token}` } : {} }, (response) => {
    let text = '';
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => { text += chunk; });
    response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text ? JSON.parse(text) : undefined }));
  });
  req.on('error', reject);
  req.end();
});

describe('agent to collector over wss with a CA file', () => {
  let collector: RunningProcess;
  let agent: RunningProcess | undefined;
  let port: number;
  let secret: string;
  let token: string;

  beforeAll(async () => {
    execFileSync('/usr/bin/openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-keyout', keyFile, '-out', certFile, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    port = await freePort();
    secret = runCli(COLLECTOR_BIN, ['school', 'add', '--data-dir', dir, '--id', 'tls-school', '--name', 'TLS School']);
    token = runCli(COLLECTOR_BIN, ['token', 'create', '--data-dir', dir, '--role', 'technician', '--label', 'tls technician']);
    collector = startProcess(COLLECTOR_BIN, ['serve', '--data-dir', dir, '--listen', `127.0.0.1:${port}`, '--tls-cert', certFile, '--tls-key', keyFile],
      path.join(dir, 'collector.log'));
    await waitFor('the collector to answer over https', async () => ((await httpsJson(`https://127.0.0.1:${port}/healthz`)).status === 200 ? true : undefined));
  });
  afterAll(async () => {
    await agent?.stop();
    await collector?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses to enrol without the CA, with a sentence, and stores nothing', () => {
    const result = spawnSync(agentCommand.file, [...agentCommand.args, 'enroll', '--collector', `wss://127.0.0.1:${port}`, '--secret', secret,
      '--state-dir', path.join(dir, 'untrusting')], { encoding: 'utf8' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/ENROLMENT_FAILED.*certificate/i);
    expect(existsSync(path.join(dir, 'untrusting', 'enrolment.json'))).toBe(false);
  });

  it('says so when the CA file cannot be read', () => {
    const result = spawnSync(agentCommand.file, [...agentCommand.args, 'enroll', '--collector', `wss://127.0.0.1:${port}`, '--secret', secret,
      '--state-dir', path.join(dir, 'missing-ca'), '--ca-file', path.join(dir, 'no-such.pem')], { encoding: 'utf8' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('TLS_CA_UNREADABLE');
  });

  it('enrols and streams over wss when given the CA, and the device appears', async () => {
    const stateDir = path.join(dir, 'agent');
    runCli(AGENT_BIN, ['enroll', '--collector', `wss://127.0.0.1:${port}`, '--secret', secret, '--state-dir', stateDir, '--ca-file', certFile]);
    agent = startProcess(AGENT_BIN, ['run', '--state-dir', stateDir], path.join(dir, 'agent.log'));
    const checks = await waitFor('six verdicts over wss', async () => {
      const { body } = await httpsJson(`https://127.0.0.1:${port}/api/v1/devices`, token) as { body: { devices: Array<{ checks: Record<string, unknown> }> } };
      const found = body.devices[0];
      return found && Object.keys(found.checks).length === 6 ? found.checks : undefined;
    }, 60_000);
    expect(Object.keys(checks).sort()).toEqual(['antivirus', 'encryption', 'firewall', 'password-policy', 'removable-media', 'screen-lock']);
  });
});
