// The .deb under a real systemd: a Debian container booted by systemd-nspawn (systemd its PID 1),
// the package installed with apt-get, the agent reporting to a real collector on this machine.
// What the chroot test (deb.test.ts) cannot show: the unit's sandbox in force, `systemctl stop`
// and a power-off told apart by the agent, a killed agent restarted by systemd with the silence
// alert covering the gap, start at boot, and apt-get remove and purge stopping and removing
// everything. The school's pack sets a 5 s heartbeat and a 15 s silence so the silence check can
// be run (the collector's own pass over its store) without waiting hours.
import { existsSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSilentDevices } from '../../../collector/src/jobs/silence.ts';
import { openDataDir } from '../../../collector/src/main.ts';
import { CHECK_NAMES } from '../../../shared/src/checks.ts';
import { DEFAULT_POLICY_PACK } from '../../../shared/src/policy/default-pack.ts';
import { defaultStamp, sourceDateEpoch } from '../../../scripts/build-agent.ts';
import { tempDir, waitFor } from '../../../test/support/processes.ts';
import { buildSeaOnce } from '../../../test/support/sea-under-test.ts';
import { buildDeb } from '../../linux/build-deb.ts';
import { startSchoolCollector, type SchoolCollector } from '../support/school-collector.ts';
import { startSystemdContainer, type SystemdContainer } from '../support/systemd-container.ts';

const UNIT = 'invigilator-agent.service';
const STATE = '/var/lib/invigilator-agent';
const SILENT_AFTER_S = 15;
/** The unit's RestartSec: how long systemd waits before starting a failed agent again. */
const RESTART_AFTER_S = 30;
const PACK = {
  ...DEFAULT_POLICY_PACK,
  agent: { ...DEFAULT_POLICY_PACK.agent, heartbeatSeconds: 5 },
  availability: { ...DEFAULT_POLICY_PACK.availability, silentAfterHours: SILENT_AFTER_S / 3600 },
};
/** Capability numbers (linux/capability.h) the unit's CapabilityBoundingSet takes away. */
const DROPPED_CAPABILITIES = { CAP_KILL: 5, CAP_SYS_MODULE: 16, CAP_SYS_PTRACE: 19, CAP_SYS_BOOT: 22 };

describe.skipIf(process.getuid?.() !== 0)('the .deb under systemd, in a booted Debian container (root only)', () => {
  const work = tempDir('deb-systemd-test');
  let school: SchoolCollector;
  let container: SystemdContainer | undefined;
  let deviceId: string;
  let hostname: string;

  /** systemctl inside the container; its trimmed output. */
  const systemctl = (...args: string[]): { status: number | null; out: string } => {
    const result = container!.run(['systemctl', ...args]);
    return { status: result.status, out: result.stdout.trim() };
  };
  const agentProcesses = (): string[] => container!.processes().filter((line) => line.includes('invigilator-agent'));
  /** The agent runs and is connected, by a status it wrote at `since` or later (not one left from before a restart). */
  const connectedSince = (since: number) => (): true | undefined => {
    const status = container!.run(['invigilator-agent', 'status', '--state-dir', STATE, '--json']);
    if (status.status !== 0) return undefined;
    const report = JSON.parse(status.stdout) as { running: boolean; connected: boolean; statusUpdatedAt: string | null };
    return report.running && report.connected && Date.parse(report.statusUpdatedAt ?? '') >= since ? true : undefined;
  };
  const lastStop = async (): Promise<Record<string, unknown> | undefined> => (await school.stops(deviceId)).at(-1);
  const openAlerts = async (): Promise<string[]> => (await school.availabilityAlerts()).filter((alert) => alert.status === 'open').map((alert) => alert.title);

  beforeAll(async () => {
    const deb = buildDeb({ executable: await buildSeaOnce(undefined, defaultStamp()), version: '0.1.0', outDir: path.join(work, 'deb'), sourceDateEpoch: sourceDateEpoch(), compression: 'none' });
    school = await startSchoolCollector(path.join(work, 'school'), 'systemd-school', PACK);
    container = await startSystemdContainer(work);
    copyFileSync(deb, container.path('/root/invigilator-agent.deb'));
  });

  afterAll(async () => {
    await container?.destroy();
    await school?.collector.process.stop();
  });

  it('installs with apt-get: enabled, started by systemd inside its sandbox, reporting', async () => {
    const install = container!.run(['apt-get', 'install', '-y', '/root/invigilator-agent.deb'],
      { INVIGILATOR_COLLECTOR: school.collector.httpUrl, INVIGILATOR_ENROLMENT_SECRET: school.secret }, 60_000);
    expect(install.status, install.stderr).toBe(0);
    expect(systemctl('is-enabled', UNIT).out).toBe('enabled');
    expect(systemctl('is-active', UNIT).out).toBe('active');
    const device = await waitFor('the device with a verdict for every check', async () =>
      (await school.devices()).find((found) => Object.keys(found.checks).length === CHECK_NAMES.length), 30_000);
    ({ id: deviceId, hostname } = device);
    // The sandbox is systemd's doing, so this is where it can be seen: no new privileges, a system call
    // filter, capabilities taken away, the file system read-only but for the state folder.
    const pid = systemctl('show', '--property=MainPID', '--value', UNIT).out;
    const status = (inContainer: string): string => container!.run(['cat', inContainer]).stdout;
    expect(status(`/proc/${pid}/status`)).toMatch(/^NoNewPrivs:\s+1$/m);
    expect(status(`/proc/${pid}/status`)).toMatch(/^Seccomp:\s+2$/m);
    const bounding = (text: string): bigint => BigInt(`0x${/^CapBnd:\s+([0-9a-f]+)$/m.exec(text)![1]}`);
    const agentCaps = bounding(status(`/proc/${pid}/status`));
    const systemdCaps = bounding(status('/proc/1/status'));
    const held = Object.entries(DROPPED_CAPABILITIES).filter(([, bit]) => (systemdCaps >> BigInt(bit)) & 1n);
    expect(held.length).toBeGreaterThan(0);
    for (const [name, bit] of held) expect((agentCaps >> BigInt(bit)) & 1n, name).toBe(0n);
    const mounts = status(`/proc/${pid}/mountinfo`).split('\n').map((line) => line.split(' '));
    const optionsAt = (point: string): string | undefined => mounts.filter((fields) => fields[4] === point).at(-1)?.[5];
    expect(optionsAt('/')).toMatch(/^ro\b/);
    expect(optionsAt(STATE)).toMatch(/^rw\b/);
  }, 40_000);

  it('systemctl stop: the last event says the service was stopped while the device stays on, the technicians are alerted; a start resolves it', async () => {
    expect(systemctl('stop', UNIT).status).toBe(0);
    expect(await lastStop()).toMatchObject({
      reason: 'STOP_REASON_SERVICE_STOPPED', signal: 'SIGTERM',
      detail: `systemd stopped ${UNIT} while the device stays on (no shutdown or restart is queued).`,
    });
    expect(await openAlerts()).toEqual([`The agent on ${hostname} was stopped`]);
    expect(agentProcesses()).toEqual([]);
    expect(systemctl('start', UNIT).status).toBe(0);
    await waitFor('the stop alert to be resolved by the agent running again', async () => ((await openAlerts()).length === 0 ? true : undefined), 15_000);
  }, 20_000);

  it('systemctl kill -s KILL: no last event and no alert at once; the silence alert covers the gap until systemd restarts the agent', async () => {
    await waitFor('the agent to be connected', connectedSince(0), 10_000);
    const stopsBefore = (await school.stops(deviceId)).length;
    const killedAt = Date.now();
    expect(systemctl('kill', '--signal=KILL', UNIT).status).toBe(0);
    await waitFor('systemd to see the agent die', () => (systemctl('is-active', UNIT).out === 'activating' ? true : undefined), 5_000);
    expect(agentProcesses()).toEqual([]);
    expect(await openAlerts()).toEqual([]);
    // The collector's silence pass, run on its store as its quarter-hourly job does.
    const store = openDataDir(school.collector.dataDir);
    try {
      await waitFor('the silence alert', async () => ((await checkSilentDevices(store, new Date())) > 0 ? true : undefined), (RESTART_AFTER_S - 5) * 1000);
    } finally {
      await store.close();
    }
    expect(Date.now() - killedAt).toBeLessThan(RESTART_AFTER_S * 1000);
    const [silence] = (await school.availabilityAlerts()).filter((alert) => alert.status === 'open');
    expect(silence?.title).toMatch(new RegExp(`^${hostname} not seen for `));
    expect(silence?.summary).toMatch(/its agent may have stopped/);
    // Killed, it said nothing: no last event was stored.
    expect((await school.stops(deviceId)).length).toBe(stopsBefore);
    await waitFor('systemd to restart the agent and the device to report in again', async () =>
      ((await school.availabilityAlerts()).every((alert) => alert.status !== 'open') ? true : undefined), (RESTART_AFTER_S + 15) * 1000);
    expect(systemctl('show', '--property=NRestarts', '--value', UNIT).out).toBe('1');
    expect((await school.availabilityAlerts()).find((alert) => alert.title === silence?.title)?.resolvedBy).toBe('collector: the device reported in again');
  }, 60_000);

  it('a power-off is reported as a shutdown and alerts nobody; at the next boot systemd starts the agent', async () => {
    await waitFor('the agent to be connected', connectedSince(0), 10_000);
    await container!.powerOff();
    expect(await lastStop()).toMatchObject({ reason: 'STOP_REASON_SYSTEM_SHUTDOWN', signal: 'SIGTERM', detail: expect.stringMatching(/^The device is shutting down/) });
    expect(await openAlerts()).toEqual([]);
    const bootedAt = Date.now();
    await container!.boot();
    expect(systemctl('is-active', UNIT).out).toBe('active');
    await waitFor('the agent started at boot to report', connectedSince(bootedAt), 15_000);
  }, 35_000);

  it('apt-get remove: reported as an uninstall with its alert; the service, program and process go, the state stays', async () => {
    const remove = container!.run(['apt-get', 'remove', '-y', 'invigilator-agent']);
    expect(remove.status, remove.stderr).toBe(0);
    expect(await lastStop()).toMatchObject({ reason: 'STOP_REASON_UNINSTALL', signal: 'SIGTERM' });
    expect(await openAlerts()).toEqual([`The agent was uninstalled from ${hostname}`]);
    expect(agentProcesses()).toEqual([]);
    expect(systemctl('is-active', UNIT).out).toBe('inactive');
    expect(systemctl('is-enabled', UNIT).status).not.toBe(0);
    expect(existsSync(container!.path('/usr/bin/invigilator-agent'))).toBe(false);
    expect(existsSync(container!.path(`${STATE}/enrolment.json`))).toBe(true);
  }, 15_000);

  it('apt-get purge: the state folder and settings go; no process, unit or unit file is left', () => {
    const purge = container!.run(['apt-get', 'purge', '-y', 'invigilator-agent']);
    expect(purge.status, purge.stderr).toBe(0);
    expect(existsSync(container!.path(STATE))).toBe(false);
    expect(existsSync(container!.path('/etc/invigilator'))).toBe(false);
    expect(agentProcesses()).toEqual([]);
    expect(systemctl('list-units', '--all', '--plain', '--no-legend', 'invigilator*').out).toBe('');
    expect(systemctl('list-unit-files', '--plain', '--no-legend', 'invigilator*').out).toBe('');
    expect(container!.run(['dpkg-query', '--status', 'invigilator-agent']).status).not.toBe(0);
  }, 10_000);
});
