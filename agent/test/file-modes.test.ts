// The agent's state folder holds its credential and unsent events (pupils' user and file names):
// the agent's account alone may read it, even when an installer or an older agent made it 0755.
import { chmodSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { Outbox } from '../src/outbox.ts';
import { ensureStateDir, statePaths, writeEnrolment, writeStatus } from '../src/state.ts';
import { captureLogger } from './helpers/capture-logger.ts';
import { misuseInput } from './helpers/events.ts';
import { useTempDirs } from './helpers/temp-dirs.ts';

const tempDir = useTempDirs('invigilator-modes');
const modeOf = (file: string): string => (statSync(file).mode & 0o777).toString(8);

it('makes an existing 0755 state folder 0700 and every file in it 0600, the outbox with its -wal and -shm', () => {
  const dir = path.join(tempDir(), 'state');
  mkdirSync(dir, { mode: 0o755 });
  chmodSync(dir, 0o755);
  const paths = statePaths(dir);
  writeFileSync(paths.outbox, '', { mode: 0o644 });
  chmodSync(paths.outbox, 0o644);

  ensureStateDir(dir);
  const outbox = new Outbox({ file: paths.outbox, logger: captureLogger().logger });
  expect(outbox.append(misuseInput('stick plugged in'))).toBe(1);
  writeEnrolment(dir, { collectorUrl: 'wss://collector:8470/agent', deviceId: 'd', deviceCredential: 'c', schoolId: 's' });
  writeStatus(dir, { connected: false, lastAckAtMs: null, lastAckSeq: null, outboxDepth: 1, lastError: null, updatedAtMs: 1, pid: 1 });

  expect(modeOf(dir)).toBe('700');
  for (const file of [paths.outbox, `${paths.outbox}-wal`, `${paths.outbox}-shm`, paths.enrolment, paths.status]) {
    expect([file, modeOf(file)]).toEqual([file, '600']);
  }
  outbox.close();
});
