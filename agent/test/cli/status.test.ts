// `status` says what it could not read and why, instead of a confident "not enrolled" or "no outbox yet".
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { statePaths, writeEnrolment } from '../../src/state.ts';
import { runBin } from '../helpers/run-bin.ts';
import { useTempDirs } from '../helpers/temp-dirs.ts';

const tempDir = useTempDirs('status-test');
// The unprivileged case needs root to switch user, and a checkout the unprivileged account can read.
const canRunAsNobody = process.getuid?.() === 0
  && spawnSync('/usr/sbin/runuser', ['-u', 'nobody', '--', process.execPath, '-e', '0']).status === 0;
const enrolment = { collectorUrl: 'ws://127.0.0.1:1', deviceId: 'dev-1', deviceCredential: 'c', schoolId: 'north' };

describe('invigilator-agent status', () => {
  it('a folder with nothing in it: not enrolled, nothing waiting, exit 0', async () => {
    const result = await runBin(['status', '--state-dir', tempDir(), '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ enrolled: false, running: false, outboxDepth: 0, problems: [] });
  });

  it('a damaged outbox is named, with its path, not "no outbox yet"', async () => {
    const dir = tempDir();
    writeEnrolment(dir, enrolment);
    writeFileSync(statePaths(dir).outbox, 'this is not a database, it is a pupil\'s essay '.repeat(200));
    const result = await runBin(['status', '--state-dir', dir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^Enrolled: {10}yes \(device dev-1/m);
    expect(result.stdout).toMatch(/^Events waiting: {4}cannot tell \(OUTBOX_DAMAGED, see below\)$/m);
    expect(result.stdout).toContain(`OUTBOX_DAMAGED: The agent's outbox file is damaged and cannot be read. (${statePaths(dir).outbox}: file is not a database)`);
  });

  it.skipIf(!canRunAsNobody)('as a user who may not read the root-only state folder: permission denied, not "not enrolled" (needs root and a checkout "nobody" can read)', async () => {
    const parent = tempDir();
    chmodSync(parent, 0o755);
    const dir = path.join(parent, 'state');
    mkdirSync(dir);
    writeEnrolment(dir, enrolment);
    chmodSync(dir, 0o700);
    const result = await runBin(['status', '--state-dir', dir, '--json'], 60_000, 'nobody');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { enrolled: boolean | null; running: boolean | null; problems: { part: string; code: string; message: string }[] };
    expect(report.enrolled).toBeNull();
    expect(report.running).toBeNull();
    expect(report.problems.map((problem) => [problem.part, problem.code])).toEqual([
      ['enrolment', 'PERMISSION_DENIED'], ['status', 'PERMISSION_DENIED'], ['outbox', 'PERMISSION_DENIED'],
    ]);
    expect(report.problems[0]?.message).toContain(`${statePaths(dir).enrolment}: EACCES: permission denied`);
  });
});
