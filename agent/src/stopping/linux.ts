// Why systemd is stopping the agent: a power-off or restart queues start jobs for its
// targets before it stops the services, so the job list at the moment of our SIGTERM
// tells a shutdown from an administrator's `systemctl stop`.
import { StopReason, type AgentStopping } from '@invigilator/shared/wire.ts';
import { readFileSync } from 'node:fs';
import type { CommandSource, SourceProvider } from '../checks/types.ts';
import { LIST_JOBS_SOURCE, parseListJobs } from './parse-list-jobs.ts';

export const LIST_JOBS: CommandSource = {
  id: LIST_JOBS_SOURCE, kind: 'command', file: '/usr/bin/systemctl', args: ['list-jobs', '--no-pager'], timeoutMs: 3_000,
};

/** "0::/system.slice/invigilator-agent.service" -> "invigilator-agent.service": the unit this process runs in, if any. */
export const unitOfCgroup = (cgroupText: string): string | undefined => {
  for (const line of cgroupText.split('\n')) {
    const unit = /^\d+:[^:]*:\/(?:.*\/)?([^/]+\.service)$/.exec(line.trim())?.[1];
    if (unit) return unit;
  }
  return undefined;
};

export const ownUnit = (readCgroup: () => string = () => readFileSync('/proc/self/cgroup', 'utf8')): string | undefined => {
  try {
    return unitOfCgroup(readCgroup());
  } catch (error) {
    // No /proc (a chroot without it): not run by systemd as far as can be seen.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
};

export interface LinuxStopContext {
  provider: SourceProvider;
  signal: string;
  /** The systemd unit the agent runs as, when it does. */
  unit: string | undefined;
}

export const linuxStopReason = async ({ provider, signal, unit }: LinuxStopContext): Promise<AgentStopping> => {
  if (!unit) {
    return { reason: StopReason.STOP_REASON_SERVICE_STOPPED, signal, detail: `The agent, not run by a service manager, was stopped (${signal}).` };
  }
  const result = await provider.read(LIST_JOBS);
  const jobs = result.errorCode ? undefined : parseListJobs(result.stdout);
  if (!jobs?.ok) {
    const why = jobs && !jobs.ok ? jobs.reason : `systemctl list-jobs failed: ${result.errorDetail ?? result.errorCode}`;
    return { reason: StopReason.STOP_REASON_UNSPECIFIED, signal, detail: `systemd stopped ${unit}; why could not be read (${why}).` };
  }
  switch (jobs.value.going) {
    case 'reboot':
      return { reason: StopReason.STOP_REASON_SYSTEM_REBOOT, signal, detail: `The device is restarting (systemd is starting ${jobs.value.unit}).` };
    case 'poweroff':
    case 'shutdown':
      return { reason: StopReason.STOP_REASON_SYSTEM_SHUTDOWN, signal, detail: `The device is shutting down (systemd is starting ${jobs.value.unit}).` };
    case 'staying-up':
      return { reason: StopReason.STOP_REASON_SERVICE_STOPPED, signal, detail: `systemd stopped ${unit} while the device stays on (no shutdown or restart is queued).` };
  }
};
