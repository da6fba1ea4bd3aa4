// The test helpers' own promise: whatever a test file starts or creates is gone after it, even when
// a setup step failed half-way.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanUpTestResources, startCollector, tempDir } from '../support/processes.ts';

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('test resources', () => {
  it('are stopped and removed by the clean-up every end-to-end file runs', async () => {
    const dataDir = tempDir('cleanup');
    const collector = await startCollector(dataDir);
    const pid = collector.process.child.pid ?? 0;
    expect(isRunning(pid)).toBe(true);
    // As if a later setup step had thrown: nobody called stop().
    await cleanUpTestResources();
    expect(isRunning(pid)).toBe(false);
    expect(existsSync(dataDir)).toBe(false);
  });
});
