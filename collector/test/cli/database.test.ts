// `--database postgres://...`: the collector process and its commands keep their data in PostgreSQL (nothing
// in the data folder's SQLite file), and a wrong URL, an unreachable server or refused credentials stop them
// with one coded sentence and nothing on stdout.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLECTOR_BIN, cleanUpTestResources, startCollector, tempDir } from '../../../test/support/processes.ts';
import { SimAgent, sampleFileWritten, sampleObservation } from '../../../test/support/sim-agent.ts';
import { makePgDatabase, type PgDatabase } from '../../../test/support/postgres.ts';

let database: PgDatabase | undefined;
let dataDir: string;

beforeAll(async () => {
  dataDir = tempDir('collector-on-pg');
  database = await makePgDatabase('invigilator_cli');
});
afterAll(async () => {
  await cleanUpTestResources();
  await database?.drop();
});

const cli = (...args: string[]) => {
  const result = spawnSync(process.execPath, [COLLECTOR_BIN, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

describe('a collector on PostgreSQL', () => {
  it('enrols an agent, stores its batch and answers commands from the database, leaving no SQLite file', async () => {
    const url = database!.url;
    const secret = cli('school', 'add', '--id', 'north', '--name', 'North Primary', '--data-dir', dataDir, '--database', url).stdout.trim();
    expect(secret).toMatch(/^s[A-Za-z0-9_-]{43}$/);
    const collector = await startCollector(dataDir, undefined, '127.0.0.1', ['--database', url]);
    const credential = await SimAgent.enrol(collector.wsUrl, secret);
    const { agent } = await SimAgent.session(collector.wsUrl, credential);
    expect(await agent.sendBatch([sampleObservation(1), sampleObservation(2), sampleFileWritten(3, 'essay.docx')])).toBe(3);
    agent.close();
    await collector.process.stop();

    const devices = cli('device', 'list', '--data-dir', dataDir, '--database', url);
    expect(devices.code).toBe(0);
    expect(devices.stdout).toContain(credential.deviceId);
    expect(existsSync(join(dataDir, 'collector.sqlite'))).toBe(false);
    // The data folder's own SQLite store knows nothing of it.
    expect(cli('device', 'list', '--data-dir', dataDir).stdout).not.toContain(credential.deviceId);
  });

  it.each([
    ['a URL of another database', 'mysql://root@127.0.0.1/invigilator', /^DATABASE_URL_INVALID: .*\(it starts "mysql:\/\/"\)$/],
    ['no URL at all', 'invigilator', /^DATABASE_URL_INVALID: .*\(it is not a URL at all\)$/],
    ['no database name', 'postgres://postgres@127.0.0.1:5432', /^DATABASE_URL_INVALID: .*names no database/],
    ['a port nothing listens on', 'postgres://postgres@127.0.0.1:1/x', /^DATABASE_UNREACHABLE: .*ECONNREFUSED/],
    ['a host that does not exist', 'postgres://postgres@no-such-host.invalid/x', /^DATABASE_UNREACHABLE: .*ENOTFOUND/],
    ['a user the server refuses', 'postgres://no_such_user@127.0.0.1:5432/postgres', /^DATABASE_AUTH_FAILED: .*no_such_user/],
    ['a database that does not exist', 'postgres://postgres@127.0.0.1:5432/no_such_database_here', /^DATABASE_NOT_FOUND: /],
  ])('refuses %s with one coded sentence (exit 1)', (_what, url, sentence) => {
    for (const args of [['device', 'list'], ['serve', '--listen', '127.0.0.1:0']]) {
      const result = cli(...args, '--data-dir', dataDir, '--database', url);
      expect(result).toMatchObject({ code: 1, stdout: '' });
      expect(result.stderr.split('\n').filter((line) => line.startsWith('DATABASE_'))).toHaveLength(1);
      expect(result.stderr.split('\n').find((line) => line.startsWith('DATABASE_'))).toMatch(sentence);
    }
  });

  it('never prints the password of the URL', () => {
    const result = cli('device', 'list', '--data-dir', dataDir, '--database', 'postgres://someone:hunter2secret@127.0.0.1:1/x');
    expect(result.stderr).toMatch(/DATABASE_UNREACHABLE/);
    expect(result.stderr).not.toContain('hunter2secret');
  });
});
