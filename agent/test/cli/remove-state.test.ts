// `remove-state`, the uninstallers' last step, with the real bin: it removes the state folder a real
// agent left (enrolled, run, stopped), and removes nothing from a folder that is not the agent's own.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeStateDir, SERVICE_LOG_PREFIX, SERVICE_LOGS_FOLDER } from '../../src/state-removal.ts';
import { writeInstallerNote } from '../../src/stopping/installer-note.ts';
import { FakeCollector, waitFor } from '../helpers/fake-collector.ts';
import { BIN, runBin } from '../helpers/run-bin.ts';
import { useTempDirs } from '../helpers/temp-dirs.ts';

const tempDir = useTempDirs('remove-state-test');
/** The name the state folder has on Linux (/var/lib/invigilator-agent). */
const LINUX_NAME = 'invigilator-agent';

const collector = new FakeCollector({ config: { heartbeatSeconds: 1, policyVersion: 'test-pack' } });
afterAll(async () => { await collector.close(); });

/** Everything under dir, relative, sorted: to show a refusal changed nothing. */
const listing = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();

describe.skipIf(process.platform !== 'linux')('invigilator-agent remove-state (Linux only)', () => {
  it('removes the state folder an agent enrolled, ran and stopped with, and nothing beside it', async () => {
    const parent = tempDir();
    const stateDir = path.join(parent, LINUX_NAME);
    writeFileSync(path.join(parent, 'neighbour.txt'), 'not the agent\'s\n');
    await collector.listen();
    const secretFile = path.join(parent, 'secret');
    writeFileSync(secretFile, 'right-secret\n', { mode: 0o600 });
    expect((await runBin(['enroll', '--collector', collector.url, '--secret-file', secretFile, '--state-dir', stateDir])).code).toBe(0);
    const agent = spawn(process.execPath, [BIN, 'run', '--state-dir', stateDir], { stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => agent.on('close', resolve));
    try {
      await waitFor(() => existsSync(path.join(stateDir, 'status.json')) && collector.heartbeats.length > 0, 60_000, 'the agent running and reporting');
    } finally {
      agent.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    // An uninstaller's note and a write stopped before its rename are the agent's own too.
    writeInstallerNote(stateDir, { action: 'uninstall' });
    writeFileSync(path.join(stateDir, 'status.json.4242.tmp'), '{');
    const left = readdirSync(stateDir);
    expect(left).toEqual(expect.arrayContaining(['enrolment.json', 'outbox.sqlite', 'status.json', 'stopping-for', 'status.json.4242.tmp']));

    const removed = await runBin(['remove-state', '--state-dir', stateDir]);
    expect(removed).toEqual({
      code: 0, stderr: '',
      stdout: `Removed the agent's state folder ${stateDir} (${left.length} file(s)): this device's enrolment and unsent events are gone.\n`,
    });
    expect(existsSync(stateDir)).toBe(false);
    expect(readdirSync(parent).sort()).toEqual(['neighbour.txt', 'secret']);
    // Run again (an uninstall retried): nothing there, nothing to do.
    expect(await runBin(['remove-state', '--state-dir', stateDir])).toEqual({ code: 0, stderr: '', stdout: `There is no state folder at ${stateDir}: nothing to remove.\n` });
  });

  it('removes nothing from a folder holding anything the agent did not write', async () => {
    const stateDir = path.join(tempDir(), LINUX_NAME);
    mkdirSync(path.join(stateDir, 'photos'), { recursive: true });
    writeFileSync(path.join(stateDir, 'enrolment.json'), '{}');
    writeFileSync(path.join(stateDir, 'outbox.sqlite'), '');
    writeFileSync(path.join(stateDir, 'photos/pupil.jpg'), 'jpeg');
    writeFileSync(path.join(stateDir, 'notes.txt'), 'someone\'s notes');
    const before = listing(stateDir);
    const refused = await runBin(['remove-state', '--state-dir', stateDir]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe(`STATE_DIR_NOT_OURS: The folder is not the agent's own state folder, so nothing in it was removed. (${stateDir}: it holds "notes.txt", "photos", which the agent did not write)\n`);
    expect(listing(stateDir)).toEqual(before);
  });

  it('refuses a folder of another name, a relative path and a link, whatever they hold', async () => {
    const parent = tempDir();
    const elsewhere = path.join(parent, 'home');
    mkdirSync(elsewhere);
    writeFileSync(path.join(elsewhere, 'enrolment.json'), '{}');
    const link = path.join(parent, 'links', LINUX_NAME);
    mkdirSync(path.dirname(link));
    symlinkSync(elsewhere, link);
    for (const [dir, why] of [
      [elsewhere, 'the agent\'s state folder is called "invigilator-agent"'],
      [path.join('relative', LINUX_NAME), 'the folder must be given by its full path'],
      [link, 'it is a link, not a folder'],
    ] as const) {
      const refused = await runBin(['remove-state', '--state-dir', dir]);
      expect(refused, dir).toMatchObject({ code: 1, stdout: '' });
      expect(refused.stderr).toBe(`STATE_DIR_NOT_OURS: The folder is not the agent's own state folder, so nothing in it was removed. (${dir}: ${why})\n`);
    }
    expect(readdirSync(elsewhere)).toEqual(['enrolment.json']);
  });
});

describe('removeStateDir for the Windows service', () => {
  const windowsState = (name: string): string => {
    const stateDir = path.join(tempDir(), name);
    mkdirSync(path.join(stateDir, SERVICE_LOGS_FOLDER), { recursive: true });
    writeFileSync(path.join(stateDir, 'enrolment.json'), '{}');
    for (const log of ['out.log', 'err.log', 'wrapper.log']) writeFileSync(path.join(stateDir, SERVICE_LOGS_FOLDER, `${SERVICE_LOG_PREFIX}${log}`), 'log');
    return stateDir;
  };

  it('takes the service wrapper\'s logs folder with it (the folder name in any case, as Windows does)', () => {
    const stateDir = windowsState('INVIGILATOR');
    expect(removeStateDir(stateDir, 'windows')).toEqual({ removed: true, files: 4 });
    expect(existsSync(stateDir)).toBe(false);
  });

  it('removes nothing when the logs folder holds another program\'s file, or on a platform without that folder', () => {
    const stateDir = windowsState('Invigilator');
    writeFileSync(path.join(stateDir, SERVICE_LOGS_FOLDER, 'other-program.log'), 'not ours');
    const before = listing(stateDir);
    expect(() => removeStateDir(stateDir, 'windows')).toThrow(/^The folder is not the agent's own state folder, so nothing in it was removed\. \(.*: it holds "logs\/other-program\.log", which the agent did not write\)$/);
    expect(listing(stateDir)).toEqual(before);
    const linuxState = windowsState(LINUX_NAME);
    expect(() => removeStateDir(linuxState, 'linux')).toThrow(/it holds "logs", which the agent did not write/);
    expect(existsSync(path.join(linuxState, 'enrolment.json'))).toBe(true);
  });
});
