// `systemctl list-jobs --no-pager`: a header, one line per queued job (id, unit, job type,
// state), a footer; or "No jobs running.". A power-off or restart shows as start jobs for
// its targets and services while every other unit's stop job runs, ours among them.
import { parsed, type Parsed } from '../checks/types.ts';
import { unreadable } from '../parsers/reasons.ts';

export const LIST_JOBS_SOURCE = 'linux.systemctl-list-jobs';

export type SystemGoing = 'reboot' | 'poweroff' | 'shutdown' | 'staying-up';

/** Units whose start job means the device is going down, and how. */
const GOING_BY_UNIT: Readonly<Record<string, Exclude<SystemGoing, 'staying-up'>>> = {
  'reboot.target': 'reboot', 'systemd-reboot.service': 'reboot',
  'kexec.target': 'reboot', 'systemd-kexec.service': 'reboot',
  'soft-reboot.target': 'reboot', 'systemd-soft-reboot.service': 'reboot',
  'poweroff.target': 'poweroff', 'systemd-poweroff.service': 'poweroff',
  'halt.target': 'poweroff', 'systemd-halt.service': 'poweroff',
  // Going down, not saying whether it comes back.
  'shutdown.target': 'shutdown', 'final.target': 'shutdown',
};
const RANK: Record<SystemGoing, number> = { 'staying-up': 0, shutdown: 1, poweroff: 2, reboot: 3 };

export interface QueuedShutdown { going: SystemGoing; unit: string | null }

export const parseListJobs = (text: string): Parsed<QueuedShutdown> => {
  const lines = text.replace(/\r/g, '').split('\n').map((line) => line.trim()).filter((line) => line !== '');
  if (lines.length === 0) return unreadable('OUTPUT_EMPTY', LIST_JOBS_SOURCE, 'nothing was printed');
  if (lines.length === 1 && /^No jobs (?:running|listed)\.$/.test(lines[0]!)) return parsed({ going: 'staying-up', unit: null });
  let found: QueuedShutdown = { going: 'staying-up', unit: null };
  let jobs = 0;
  for (const line of lines) {
    if (/^JOB\s+UNIT\s+TYPE\s+STATE$/.test(line) || /^\d+ jobs? listed\.$/.test(line)) continue;
    const job = /^\d+\s+(\S+)\s+(\S+)\s+(\S+)$/.exec(line);
    if (!job) return unreadable('OUTPUT_UNRECOGNISED', LIST_JOBS_SOURCE, `"${line.slice(0, 80)}" is not a job line`);
    jobs += 1;
    const going = job[2] === 'start' ? GOING_BY_UNIT[job[1]!] : undefined;
    if (going && RANK[going] > RANK[found.going]) found = { going, unit: job[1]! };
  }
  if (jobs === 0) return unreadable('OUTPUT_UNRECOGNISED', LIST_JOBS_SOURCE, 'a header without any job');
  return parsed(found);
};
