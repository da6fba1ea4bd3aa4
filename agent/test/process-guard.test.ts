// The agent never dies silently: a real child process rejects a promise nobody
// handles (logged with a code, keeps running), then throws past everything
// (logged, exits 70 for its service manager to restart it).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CRASH_EXIT_CODE } from '../src/process-guard.ts';

describe('guardProcess', () => {
  it('logs an unhandled rejection and keeps going, and exits with the crash code on an uncaught exception', () => {
    const child = spawnSync(process.execPath, [path.join(import.meta.dirname, 'helpers/reject-then-throw.ts')], { encoding: 'utf8', timeout: 20_000 });
    const lines = child.stderr.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ code: 'UNHANDLED_REJECTION', err: { message: 'a watcher failed without a catch' } });
    expect(child.stdout).toBe('still running\n');
    expect(lines[1]).toMatchObject({ code: 'AGENT_CRASHED', err: { message: 'state is now unknown' } });
    expect(child.status).toBe(CRASH_EXIT_CODE);
  });
});
