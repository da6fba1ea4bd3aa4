import { mkdtempSync, rmSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '@invigilator/shared/logger.ts';
import { StopReason } from '@invigilator/shared/wire.ts';
import type { SourceProvider, SourceResult, SourceSpec } from '../../src/checks/types.ts';
import { whyStopping } from '../../src/stopping/index.ts';
import { NOTE_MAX_AGE_MS, parseInstallerNote, STOP_NOTE_FILE, takeInstallerNote } from '../../src/stopping/installer-note.ts';
import { LIST_JOBS } from '../../src/stopping/linux.ts';
import { unitOfCgroup } from '../../src/stopping/linux.ts';
import { parseListJobs } from '../../src/stopping/parse-list-jobs.ts';
import { absent, linuxFixture, ran } from '../checks/collected-from.ts';

const dirs: string[] = [];
const stateDir = (): string => {
  const dir = mkdtempSync(path.join(tmpdir(), 'invigilator-stopping-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => { for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true }); });

const logger = createLogger({ name: 'agent-test', level: 'silent' });

/** A provider that answers `systemctl list-jobs` with the given output and refuses anything else. */
const jobsProvider = (output: Omit<SourceResult, 'id'>): SourceProvider & { asked: string[] } => {
  const asked: string[] = [];
  return {
    asked,
    async read(spec: SourceSpec) {
      asked.push(spec.id);
      if (spec.id !== LIST_JOBS.id) throw new Error(`unexpected source ${spec.id}`);
      return { id: spec.id, ...output };
    },
  };
};

describe('systemctl list-jobs', () => {
  it('sees a restart in the job queue of a rebooting machine', () => {
    expect(parseListJobs(linuxFixture('systemctl-list-jobs.reboot.txt'))).toEqual({ ok: true, value: { going: 'reboot', unit: 'systemd-reboot.service' } });
  });

  it('sees no shutdown among the jobs of a machine that is starting a service, nor in an empty queue', () => {
    expect(parseListJobs(linuxFixture('systemctl-list-jobs.booting.txt'))).toEqual({ ok: true, value: { going: 'staying-up', unit: null } });
    expect(parseListJobs(linuxFixture('systemctl-list-jobs.none.txt'))).toEqual({ ok: true, value: { going: 'staying-up', unit: null } });
  });

  it('tells a power-off from a restart, and a stop job for a shutdown target from its start', () => {
    expect(parseListJobs('12 shutdown.target start waiting\n13 poweroff.target start waiting\n')).toMatchObject({ ok: true, value: { going: 'poweroff', unit: 'poweroff.target' } });
    expect(parseListJobs('12 shutdown.target start waiting\n')).toMatchObject({ ok: true, value: { going: 'shutdown' } });
    expect(parseListJobs('9 poweroff.target stop waiting\n')).toMatchObject({ ok: true, value: { going: 'staying-up' } });
  });

  it('refuses output it cannot read, with a coded reason', () => {
    expect(parseListJobs('')).toMatchObject({ ok: false, code: 'OUTPUT_EMPTY' });
    expect(parseListJobs('Failed to connect to bus: No such file or directory\n')).toMatchObject({ ok: false, code: 'OUTPUT_UNRECOGNISED' });
    expect(parseListJobs('JOB UNIT TYPE STATE\n')).toMatchObject({ ok: false, code: 'OUTPUT_UNRECOGNISED' });
  });
});

describe('the unit the agent runs as', () => {
  it('is read from the process\'s cgroup, under cgroup v2 and v1', () => {
    expect(unitOfCgroup('0::/system.slice/invigilator-agent.service\n')).toBe('invigilator-agent.service');
    expect(unitOfCgroup('12:pids:/system.slice/invigilator-agent.service\n1:name=systemd:/system.slice/invigilator-agent.service\n')).toBe('invigilator-agent.service');
    // A terminal session, a container: no service.
    expect(unitOfCgroup('0::/user.slice/user-1000.slice/session-2.scope\n')).toBeUndefined();
    expect(unitOfCgroup('9:name=systemd:/\n4:memory:/process_api/e63a78bf\n0::/\n')).toBeUndefined();
  });
});

describe('the installer\'s note', () => {
  it('says upgrade (with the next version) or uninstall, and nothing else', () => {
    expect(parseInstallerNote('upgrade 0.2.0\n')).toEqual({ action: 'upgrade', nextVersion: '0.2.0' });
    expect(parseInstallerNote('upgrade\r\n')).toEqual({ action: 'upgrade', nextVersion: '' });
    expect(parseInstallerNote('uninstall\n')).toEqual({ action: 'uninstall' });
    expect(parseInstallerNote('reinstall\n')).toBeUndefined();
  });

  it('is read once and removed; an old one is removed without being believed', () => {
    const dir = stateDir();
    writeFileSync(path.join(dir, STOP_NOTE_FILE), 'uninstall\n');
    expect(takeInstallerNote(dir)).toEqual({ action: 'uninstall' });
    expect(existsSync(path.join(dir, STOP_NOTE_FILE))).toBe(false);
    expect(takeInstallerNote(dir)).toBeUndefined();
    writeFileSync(path.join(dir, STOP_NOTE_FILE), 'uninstall\n');
    const old = (Date.now() - NOTE_MAX_AGE_MS - 60_000) / 1000;
    utimesSync(path.join(dir, STOP_NOTE_FILE), old, old);
    expect(takeInstallerNote(dir)).toBeUndefined();
    expect(existsSync(path.join(dir, STOP_NOTE_FILE))).toBe(false);
  });
});

describe('why the agent is stopping', () => {
  const unit = 'invigilator-agent.service';

  it('on Linux under systemd: a restart or power-off in the job queue, else a service stopped while the device stays on', async () => {
    const reboot = await whyStopping({ platform: 'linux', provider: jobsProvider(ran(linuxFixture('systemctl-list-jobs.reboot.txt'))), stateDir: stateDir(), signal: 'SIGTERM', logger, unit });
    expect(reboot).toMatchObject({ reason: StopReason.STOP_REASON_SYSTEM_REBOOT, signal: 'SIGTERM', detail: expect.stringContaining('systemd-reboot.service') });
    const poweroff = await whyStopping({ platform: 'linux', provider: jobsProvider(ran('1 poweroff.target start waiting\n')), stateDir: stateDir(), signal: 'SIGTERM', logger, unit });
    expect(poweroff.reason).toBe(StopReason.STOP_REASON_SYSTEM_SHUTDOWN);
    const stopped = await whyStopping({ platform: 'linux', provider: jobsProvider(ran(linuxFixture('systemctl-list-jobs.none.txt'))), stateDir: stateDir(), signal: 'SIGTERM', logger, unit });
    expect(stopped).toMatchObject({ reason: StopReason.STOP_REASON_SERVICE_STOPPED, detail: expect.stringContaining(`systemd stopped ${unit} while the device stays on`) });
  });

  it('says it could not tell, and why, when systemd cannot be asked', async () => {
    const why = await whyStopping({ platform: 'linux', provider: jobsProvider(absent()), stateDir: stateDir(), signal: 'SIGTERM', logger, unit });
    expect(why).toMatchObject({ reason: StopReason.STOP_REASON_UNSPECIFIED, detail: expect.stringContaining('ENOENT') });
  });

  it('believes an installer\'s note before anything else, without asking systemd', async () => {
    const dir = stateDir();
    writeFileSync(path.join(dir, STOP_NOTE_FILE), 'upgrade 0.2.0\n');
    const provider = jobsProvider(ran('1 reboot.target start waiting\n'));
    expect(await whyStopping({ platform: 'linux', provider, stateDir: dir, signal: 'SIGTERM', logger, unit })).toMatchObject({
      reason: StopReason.STOP_REASON_UPGRADE, nextVersion: '0.2.0', detail: expect.stringContaining('with 0.2.0'),
    });
    expect(provider.asked).toEqual([]);
  });

  it('outside a service manager, and on Windows and macOS without a note, says what it knows', async () => {
    const bare = await whyStopping({ platform: 'linux', provider: jobsProvider(absent()), stateDir: stateDir(), signal: 'SIGINT', logger, unit: undefined });
    expect(bare).toMatchObject({ reason: StopReason.STOP_REASON_SERVICE_STOPPED, signal: 'SIGINT', detail: expect.stringContaining('not run by a service manager') });
    for (const platform of ['windows', 'macos'] as const) {
      expect((await whyStopping({ platform, provider: jobsProvider(absent()), stateDir: stateDir(), signal: 'SIGINT', logger })).reason).toBe(StopReason.STOP_REASON_UNSPECIFIED);
    }
  });
});
