// Revocation against a collector running as its own process: a lost laptop revoked from the command
// line or through the API, a school's enrolment secret rotated, a token revoked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERRORS } from '@invigilator/shared/errors.ts';
import { Tri } from '@invigilator/shared/wire.ts';
import { connectAgent } from './helpers/agent-client.ts';
import { FACTS, firewallEvent } from './helpers/collector.ts';
import { collectorCli, startCollectorProcess, type CollectorProcess } from './helpers/collector-process.ts';
import { makeTempDir } from './helpers/temp-dir.ts';
import { join } from 'node:path';

let temp: ReturnType<typeof makeTempDir>;
let dataDir: string;
let collector: CollectorProcess;
const secrets: Record<string, string> = {};
let adminToken: string;
let southAdminToken: string;

const enrol = async (secret: string) => {
  const agent = await connectAgent(collector.agentUrl);
  agent.send({ enrolRequest: { enrolmentSecret: secret, facts: FACTS } });
  const reply = await agent.next();
  await agent.closed;
  return reply;
};

const hello = async (device: { deviceId: string; deviceCredential: string }) => {
  const agent = await connectAgent(collector.agentUrl);
  agent.send({ hello: { ...device, facts: FACTS } });
  return { agent, reply: await agent.next() };
};

const enrolled = async (school: string) => {
  const { enrolResponse } = await enrol(secrets[school]!);
  return { deviceId: enrolResponse!.deviceId!, deviceCredential: enrolResponse!.deviceCredential! };
};

const api = async (path: string, token: string, method = 'GET') => {
  const response = await fetch(`${collector.apiUrl}${path}`, { method, headers: { authorization: `Bearer ${token}` } });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, body: await response.json() as any, headers: response.headers };
};

beforeAll(async () => {
  temp = makeTempDir();
  dataDir = join(temp.dir, 'data');
  for (const school of ['north', 'south']) secrets[school] = collectorCli(dataDir, ['school', 'add', '--id', school, '--name', school]).stdout.trim();
  adminToken = collectorCli(dataDir, ['token', 'create', '--service', '--role', 'admin', '--label', 'trust admin']).stdout.trim();
  southAdminToken = collectorCli(dataDir, ['token', 'create', '--service', '--role', 'admin', '--school', 'south', '--label', 'south admin']).stdout.trim();
  collector = await startCollectorProcess(dataDir);
}, 60_000);
afterAll(async () => {
  await collector?.stop();
  temp?.remove();
});

describe('device revoke', () => {
  it('refuses a device revoked from the command line with AUTH_REVOKED, closes its open connection, and keeps its data', async () => {
    const device = await enrolled('north');
    const { agent, reply } = await hello(device);
    expect(reply.welcome).toBeDefined();
    agent.send({ batch: { events: [firewallEvent(1, Tri.TRI_NO)] } });
    expect((await agent.next()).ack?.upToSeq).toBe(1);

    const revoked = collectorCli(dataDir, ['device', 'revoke', '--id', device.deviceId]);
    expect(revoked).toMatchObject({ code: 0, stderr: '' });
    expect(revoked.stdout).toBe(`lab-07 (${device.deviceId}, school north) is revoked; its data is kept.\n`);

    // The connection already open is refused at its next message.
    agent.send({ batch: { events: [firewallEvent(2, Tri.TRI_YES)] } });
    expect((await agent.next()).error?.code).toBe('AUTH_REVOKED');
    expect(await agent.closed).toEqual({ code: 4403, reason: 'AUTH_REVOKED' });

    const again = await hello(device);
    expect(again.reply.error?.code).toBe('AUTH_REVOKED');
    expect((await again.agent.closed).code).toBe(4403);

    const kept = await api(`/api/v1/devices/${device.deviceId}`, adminToken);
    expect(kept.body.device.revokedAt).not.toBeNull();
    expect(kept.body.device.checks.firewall.status).toBe('fail');
    expect((await api(`/api/v1/devices/${device.deviceId}/events`, adminToken)).body.events.map((e: { seq: number }) => e.seq)).toEqual([1]);
    expect(collectorCli(dataDir, ['device', 'list', '--school', 'north']).stdout).toContain(`${device.deviceId}\tnorth\tlab-07`);
  });

  it('closes the connection at once when an administrator revokes through the API', async () => {
    const device = await enrolled('south');
    const { agent } = await hello(device);
    expect((await api(`/api/v1/devices/${device.deviceId}/revoke`, southAdminToken, 'POST')).status).toBe(200);
    expect((await agent.next()).error?.code).toBe('AUTH_REVOKED');
    expect((await agent.closed).code).toBe(4403);
    expect((await hello(device)).reply.error?.code).toBe('AUTH_REVOKED');
  });

  it('hides another school\'s device from a school administrator, and says so for an unknown id on the command line', async () => {
    const device = await enrolled('north');
    expect((await api(`/api/v1/devices/${device.deviceId}/revoke`, southAdminToken, 'POST')).status).toBe(404);
    expect((await hello(device)).reply.welcome).toBeDefined();
    const unknown = collectorCli(dataDir, ['device', 'revoke', '--id', 'no-such-device']);
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toBe(`DEVICE_UNKNOWN: ${ERRORS.DEVICE_UNKNOWN} (no-such-device)\n`);
  });
});

describe('school secret rotate', () => {
  it('prints a new secret; the old one stops enrolling, the new one enrols, enrolled devices carry on', async () => {
    const before = await enrolled('north');
    const rotated = collectorCli(dataDir, ['school', 'secret', 'rotate', '--id', 'north']);
    expect(rotated.code).toBe(0);
    const fresh = rotated.stdout.trim();
    expect(fresh).toMatch(/^s[A-Za-z0-9_-]{43}$/);
    expect((await enrol(secrets.north!)).error?.code).toBe('ENROLMENT_SECRET_INVALID');
    expect((await enrol(fresh)).enrolResponse?.deviceId).toBeDefined();
    expect((await hello(before)).reply.welcome).toBeDefined();
    secrets.north = fresh;
  });

  it('rotates through the API for an administrator of the school, with the secret not cached', async () => {
    const { status, body, headers } = await api('/api/v1/schools/south/enrolment-secret/rotate', southAdminToken, 'POST');
    expect(status).toBe(200);
    expect(headers.get('cache-control')).toBe('no-store');
    expect((await enrol(secrets.south!)).error?.code).toBe('ENROLMENT_SECRET_INVALID');
    expect((await enrol(body.enrolmentSecret)).enrolResponse?.deviceId).toBeDefined();
    expect((await api('/api/v1/schools/north/enrolment-secret/rotate', southAdminToken, 'POST')).status).toBe(404);
    const audit = await api('/api/v1/audit', adminToken);
    expect(audit.body.entries.find((e: { action: string }) => e.action === 'rotate enrolment secret')).toMatchObject({ label: 'south admin', schoolId: 'south' });
  });
});

describe('token revoke', () => {
  it('refuses a revoked token from its next request, from the command line or the API', async () => {
    const token = collectorCli(dataDir, ['token', 'create', '--service', '--role', 'technician', '--label', 'wallboard']).stdout.trim();
    expect((await api('/api/v1/devices', token)).status).toBe(200);
    const id = token.split('.')[0]!;
    expect(collectorCli(dataDir, ['token', 'list']).stdout).toMatch(new RegExp(`^${id}\tservice\ttechnician\tall schools\twallboard\t`, 'm'));
    expect(collectorCli(dataDir, ['token', 'revoke', '--id', id])).toMatchObject({ code: 0, stdout: `Token ${id} (wallboard) is revoked.\n` });
    expect(await api('/api/v1/devices', token)).toMatchObject({ status: 401, body: { error: { code: 'API_TOKEN_INVALID' } } });

    const second = collectorCli(dataDir, ['token', 'create', '--service', '--role', 'dsl', '--school', 'south', '--label', 'dsl']).stdout.trim();
    const secondId = second.split('.')[0]!;
    const listed = await api('/api/v1/tokens', southAdminToken);
    expect(listed.body.tokens.map((t: { id: string }) => t.id)).toContain(secondId);
    expect(listed.body.tokens.map((t: { id: string }) => t.id)).not.toContain(id);
    expect((await api(`/api/v1/tokens/${id}/revoke`, southAdminToken, 'POST')).status).toBe(404);
    const revoked = await api(`/api/v1/tokens/${secondId}/revoke`, southAdminToken, 'POST');
    expect(revoked).toMatchObject({ status: 200, body: { changed: true, token: { id: secondId, service: true, roles: ['dsl'], schools: ['south'] } } });
    expect((await api('/api/v1/alerts', second)).status).toBe(401);
    expect(collectorCli(dataDir, ['token', 'revoke', '--id', 'nope'])).toMatchObject({ code: 2, stderr: `TOKEN_UNKNOWN: ${ERRORS.TOKEN_UNKNOWN} (nope)\n` });
  });
});

describe('people and their tokens', () => {
  it('gives a person\'s token at most their rights, and stops it the moment they are disabled', async () => {
    expect(collectorCli(dataDir, ['person', 'add', '--email', 'tech@north.sch.uk', '--name', 'Tech', '--role', 'technician', '--school', 'north']).code).toBe(0);
    const tooMuch = collectorCli(dataDir, ['token', 'create', '--person', 'tech@north.sch.uk', '--role', 'dsl']);
    expect(tooMuch).toMatchObject({ code: 2, stdout: '' });
    expect(tooMuch.stderr).toMatch(/^TOKEN_RIGHTS_EXCEEDED: .* tech@north\.sch\.uk is not dsl\.\n$/);
    expect(collectorCli(dataDir, ['token', 'create', '--person', 'tech@north.sch.uk', '--school', 'south']).stderr)
      .toMatch(/^TOKEN_RIGHTS_EXCEEDED: .*covers north, not south\.\n$/);
    const token = collectorCli(dataDir, ['token', 'create', '--person', 'tech@north.sch.uk']).stdout.trim();
    const me = await api('/api/v1/me', token);
    expect(me.body).toMatchObject({ email: 'tech@north.sch.uk', roles: ['technician'], schools: ['north'], label: 'Tech\'s token' });
    expect(new Set((await api('/api/v1/devices', token)).body.devices.map((d: { schoolId: string }) => d.schoolId))).toEqual(new Set(['north']));
    expect(collectorCli(dataDir, ['person', 'disable', '--email', 'tech@north.sch.uk']).code).toBe(0);
    expect(await api('/api/v1/me', token)).toMatchObject({ status: 401, body: { error: { code: 'API_TOKEN_INVALID' } } });
  });
});
