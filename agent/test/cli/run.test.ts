// enroll → run → status → SIGTERM, with the real bin against an in-test collector.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHECK_NAMES } from '@invigilator/shared/checks.ts';
import { StopReason } from '@invigilator/shared/wire.ts';
import { FakeCollector, waitFor } from '../helpers/fake-collector.ts';
import { BIN, runBin } from '../helpers/run-bin.ts';

const stateDir = mkdtempSync(path.join(tmpdir(), 'run-test-'));
const collector = new FakeCollector({ config: { heartbeatSeconds: 1, policyVersion: 'test-pack' } });
afterAll(async () => {
  await collector.close();
  rmSync(stateDir, { recursive: true, force: true });
  rmSync(`${stateDir}.secret`, { force: true });
});

describe.skipIf(process.platform !== 'linux')('enroll, run and status (Linux only)', () => {
  it('enrols, sends one observation per check, reports status, and stops cleanly on SIGTERM', async () => {
    await collector.listen();
    // The secret comes from a file, as the installers pass it: never on the command line.
    const secretFile = `${stateDir}.secret`;
    writeFileSync(secretFile, 'right-secret\n', { mode: 0o600 });
    const enrolled = await runBin(['enroll', '--collector', collector.url, '--secret-file', secretFile, '--state-dir', stateDir]);
    expect(enrolled.code).toBe(0);
    expect(enrolled.stdout).toBe('dev-1\n');
    const enrolmentFile = path.join(stateDir, 'enrolment.json');
    expect(statSync(enrolmentFile).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(enrolmentFile, 'utf8'))).toMatchObject({ deviceId: 'dev-1', deviceCredential: 'cred-1', schoolId: 'school-1' });

    const agent = spawn(process.execPath, [BIN, 'run', '--state-dir', stateDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    agent.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
    agent.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString('utf8'); });
    const exited = new Promise<number | null>((resolve) => agent.on('close', resolve));
    try {
      await waitFor(() => CHECK_NAMES.every((name) => collector.events.some((event) => event.observation?.check === name)), 60_000, 'five observations');
      expect(collector.hellos[0]).toMatchObject({ deviceId: 'dev-1', deviceCredential: 'cred-1' });
      await waitFor(() => collector.heartbeats.length > 0, 10_000, 'a heartbeat');

      await waitFor(() => JSON.parse(readFileSync(path.join(stateDir, 'status.json'), 'utf8')).lastAckSeq >= 5, 15_000, 'status.json with the ack');
      const status = await runBin(['status', '--state-dir', stateDir, '--json']);
      expect(status.code).toBe(0);
      expect(JSON.parse(status.stdout)).toMatchObject({ enrolled: true, deviceId: 'dev-1', running: true, connected: true, outboxDepth: 0, lastError: null });
      const human = await runBin(['status', '--state-dir', stateDir]);
      expect(human.stdout).toMatch(/Connected:\s+yes/);
    } finally {
      agent.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    // Its last event, acknowledged before it exited: run by hand, not by a service manager.
    expect(collector.events.at(-1)?.stopping).toMatchObject({ reason: StopReason.STOP_REASON_SERVICE_STOPPED, signal: 'SIGTERM' });
    expect(stdout).toBe('');
    expect(stderr).toMatch(/The agent stopped cleanly/);
    // The credential never reaches a log line.
    expect(stderr).not.toContain('cred-1');
    const after = await runBin(['status', '--state-dir', stateDir, '--json']);
    expect(JSON.parse(after.stdout)).toMatchObject({ running: false, connected: false });
  });
});
