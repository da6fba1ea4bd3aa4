// The same minimal Debian as debian-chroot.ts, with systemd, booted as a container by
// systemd-nspawn: systemd is its PID 1, so units start, stop, restart and go down at power-off
// as on a laptop. It shares the host's network (a collector on 127.0.0.1 is reachable) and is
// driven through nsenter. No machine manager is needed on the host (--register=no, --keep-unit).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { GaveUp, waitFor } from '../../../test/support/processes.ts';
import { aptMirror, removeRootfs, rootfsTarball, unpackRootfs, type DebianChroot } from './debian-chroot.ts';

type RunResult = ReturnType<DebianChroot['run']>;

export interface SystemdContainer {
  root: string;
  /** Runs a command inside the running container as root; never throws on a non-zero exit. */
  run(args: readonly string[], env?: Record<string, string>, timeoutMs?: number): RunResult;
  /** The host path of a path inside the container. */
  path(inside: string): string;
  /** Every process in the container, as its command line. */
  processes(): string[];
  /** `systemctl poweroff` inside, then waits for the container to have gone down. */
  powerOff(): Promise<void>;
  /** Boots the container (again) and waits until systemd has finished starting it. */
  boot(): Promise<void>;
  /** Kills whatever still runs and removes the container's files; safe to call at any point. */
  destroy(): Promise<void>;
}

const NSPAWN_STATE = '/run/systemd/nspawn';
const BOOT_TIMEOUT_MS = 60_000;

const exited = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));

/** The process whose parent is `pid`: nspawn's one child is the container's PID 1. */
const childOf = (pid: number): number | undefined => {
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      // "pid (comm) state ppid …": the command may hold spaces, so count from its closing bracket.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  return undefined;
};

/** Boots a fresh Debian container with systemd; `logDir` receives its console output. */
export const startSystemdContainer = async (logDir: string): Promise<SystemdContainer> => {
  const root = unpackRootfs(rootfsTarball(aptMirror(), ['systemd', 'systemd-sysv']), 'nspawn');
  // nspawn's lock on the folder is named by its device and inode: removed with the folder.
  const { dev, ino } = statSync(root);
  const machine = `invigilator-${randomBytes(4).toString('hex')}`;
  const consoleLog = path.join(logDir, `${machine}.log`);
  let nspawn: ChildProcess | undefined;
  let init: number | undefined;

  const run: SystemdContainer['run'] = (args, env = {}, timeoutMs = 60_000) => {
    if (init === undefined) throw new Error('the container is not running');
    const result = spawnSync('nsenter', ['--target', String(init), '--all', '--', ...args], {
      encoding: 'utf8', timeout: timeoutMs,
      env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', LANG: 'C.UTF-8', DEBIAN_FRONTEND: 'noninteractive', ...env },
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  const consoleTail = (): string => readFileSync(consoleLog, 'utf8').slice(-3000);

  const container: SystemdContainer = {
    root,
    run,
    path: (inside) => path.join(root, inside),
    processes: () => {
      const listed = run(['sh', '-c', 'for p in /proc/[0-9]*; do tr "\\0" " " < "$p/cmdline" 2>/dev/null; echo; done']);
      return listed.stdout.split('\n').map((line) => line.trim()).filter((line) => line !== '');
    },
    boot: async () => {
      const log = openSync(consoleLog, 'a');
      try {
        nspawn = spawn('systemd-nspawn', ['--directory', root, '--machine', machine, '--register=no', '--keep-unit', '--boot', '--console=passive'],
          { stdio: ['ignore', log, log] });
      } finally {
        closeSync(log);
      }
      const started = nspawn;
      init = await waitFor('the container\'s systemd to start', () => {
        if (started.exitCode !== null) throw new GaveUp(`systemd-nspawn exited (${started.exitCode}): ${consoleTail()}`);
        return childOf(started.pid!);
      }, 10_000);
      await waitFor('systemd in the container to finish booting', () => {
        if (started.exitCode !== null) throw new GaveUp(`systemd-nspawn exited (${started.exitCode}): ${consoleTail()}`);
        const state = run(['systemctl', 'is-system-running']).stdout.trim();
        return state === 'running' || state === 'degraded' ? state : undefined;
      }, BOOT_TIMEOUT_MS);
    },
    powerOff: async () => {
      const running = nspawn;
      if (!running) return;
      run(['systemctl', 'poweroff']);
      await waitFor('the container to power off', () => (running.exitCode !== null || running.signalCode !== null ? true : undefined), 30_000);
      if (running.exitCode !== 0) throw new Error(`systemd-nspawn exited with ${running.exitCode ?? running.signalCode} at power-off: ${consoleTail()}`);
      nspawn = undefined;
      init = undefined;
    },
    destroy: async () => {
      const running = nspawn;
      if (running && running.exitCode === null && running.signalCode === null) {
        // SIGKILL to the container's PID 1 ends every process in it; nspawn then exits.
        if (init !== undefined) {
          try { process.kill(init, 'SIGKILL'); } catch { /* already gone */ }
        }
        const timer = setTimeout(() => running.kill('SIGKILL'), 10_000);
        await exited(running);
        clearTimeout(timer);
      }
      nspawn = undefined;
      init = undefined;
      removeRootfs(root);
      rmSync(path.join(NSPAWN_STATE, 'propagate', machine), { recursive: true, force: true });
      rmSync(path.join(NSPAWN_STATE, 'locks', `inode-${dev}:${ino}`), { force: true });
    },
  };
  try {
    await container.boot();
  } catch (error) {
    await container.destroy();
    throw error;
  }
  return container;
};
