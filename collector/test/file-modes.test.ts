// The data folder holds pupils' user names and file names: only the collector's account may read it,
// even when the folder and database were created earlier with looser modes.
import { chmodSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createLogger } from '@invigilator/shared/logger.ts';
import { DATABASE_FILE, startCollector, type RunningCollector } from '../src/main.ts';
import { makeTempDir } from './helpers/temp-dir.ts';

const temp = makeTempDir();
let running: RunningCollector | undefined;
afterEach(async () => {
  await running?.stop();
  temp.remove();
});

const modeOf = (path: string): string => (statSync(path).mode & 0o777).toString(8);

it('makes the data folder 0700 and the database with its -wal and -shm files 0600, whatever they were', async () => {
  const dataDir = join(temp.dir, 'data');
  mkdirSync(dataDir, { mode: 0o755 });
  chmodSync(dataDir, 0o755);
  const database = join(dataDir, DATABASE_FILE);
  writeFileSync(database, '', { mode: 0o644 });
  chmodSync(database, 0o644);
  running = await startCollector({
    dataDir, host: '127.0.0.1', port: 0, logger: createLogger({ name: 'collector', level: 'silent' }),
  });
  await running.store.createSchool({ id: 'north', name: 'North', enrolmentSecretHash: 'x', createdAt: 1 });
  expect(modeOf(dataDir)).toBe('700');
  for (const file of [database, `${database}-wal`, `${database}-shm`]) expect([file, modeOf(file)]).toEqual([file, '600']);
});
