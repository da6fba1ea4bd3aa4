import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connectAgent } from '../helpers/agent-client.ts';
import { FACTS, startTestCollector, type TestCollector } from '../helpers/collector.ts';
import { addSchool } from '../../src/schools.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

let collector: TestCollector;
const certDir = makeTempDir();
const certFile = join(certDir.dir, 'cert.pem');
const keyFile = join(certDir.dir, 'key.pem');

beforeAll(async () => {
  // A throw-away self-signed certificate for 127.0.0.1.
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', keyFile, '-out', certFile, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'],
  { stdio: 'ignore' });
  collector = await startTestCollector({ tls: { certFile, keyFile } });
});
afterAll(async () => {
  await collector.cleanUp();
  certDir.remove();
});

it('serves the agent endpoint as wss and the API as https on the same port', async () => {
  expect(collector.agentUrl).toMatch(/^wss:\/\/127\.0\.0\.1:\d+\/agent$/);
  expect(collector.apiUrl).toMatch(/^https:/);
  const secret = await addSchool(collector.store, { id: 'north', name: 'North' }, Date.now());
  const agent = await connectAgent(collector.agentUrl, { ca: readFileSync(certFile) });
  agent.send({ enrolRequest: { enrolmentSecret: secret, facts: FACTS } });
  expect((await agent.next()).enrolResponse?.schoolId).toBe('north');
  expect((await agent.closed).code).toBe(1000);
});
