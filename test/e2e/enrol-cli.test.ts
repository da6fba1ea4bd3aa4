// Enrolling as a network manager would type it, against a real collector: the address the collector
// prints, the secret from a file, and one plain sentence when something is wrong.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENT_BIN, COLLECTOR_BIN, runCli, startCollector, tempDir, type CollectorUnderTest } from '../support/processes.ts';

let collector: CollectorUnderTest;
let secretFile: string;

const agent = (...args: string[]) => {
  const result = spawnSync(process.execPath, [AGENT_BIN, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

beforeAll(async () => {
  const dataDir = tempDir('enrol-cli');
  collector = await startCollector(dataDir);
  secretFile = path.join(dataDir, 'enrolment-secret');
  writeFileSync(secretFile, `${runCli(COLLECTOR_BIN, ['school', 'add', '--data-dir', dataDir, '--id', 'north', '--name', 'North'])}\n`);
});
afterAll(() => collector.process.stop());

describe('invigilator-agent enroll against a real collector', () => {
  it('takes the http:// address the collector prints and a secret file, and prints the device id alone', () => {
    const result = agent('enroll', '--collector', collector.httpUrl, '--secret-file', secretFile, '--state-dir', path.join(tempDir('enrol-ok'), 'state'));
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^[0-9a-f-]{36}\n$/);
  });

  it('a wrong secret: one sentence, said once, nothing saved', () => {
    const stateDir = path.join(tempDir('enrol-wrong'), 'state');
    const result = agent('enroll', `--collector=${collector.httpUrl}`, '--secret=sWrongSecret', `--state-dir=${stateDir}`);
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toBe('ENROLMENT_SECRET_INVALID: The enrolment secret is wrong or has been withdrawn.\n');
    expect(agent('status', '--state-dir', stateDir).stdout).toMatch(/^Enrolled: {10}no/m);
  });
});
