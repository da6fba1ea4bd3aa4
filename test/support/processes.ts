// Starting the real collector and agent as processes for end-to-end tests and the benchmark.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const COLLECTOR_BIN = path.join(ROOT, 'collector/bin/invigilator-collector.js');
export const SOURCE_AGENT_BIN = path.join(ROOT, 'agent/bin/invigilator-agent.js');
/**
 * The agent the end-to-end tests drive: the sources, or what INVIGILATOR_AGENT_BIN names —
 * the esbuild bundle (a .cjs file run by this Node) or a single executable (run as it is).
 */
export const AGENT_BIN = process.env.INVIGILATOR_AGENT_BIN ? path.resolve(process.env.INVIGILATOR_AGENT_BIN) : SOURCE_AGENT_BIN;

/** How to start `bin`: a script through this Node (with its flags), an executable directly. */
export const commandFor = (bin: string, nodeArgs: readonly string[] = []): { file: string; args: string[] } => {
  if (/\.(?:[cm]?js|ts)$/.test(bin)) return { file: process.execPath, args: [...nodeArgs, bin] };
  // A single executable carries its Node flags inside it.
  if (nodeArgs.length > 0) throw new Error(`${bin} is an executable: Node flags (${nodeArgs.join(' ')}) cannot be added`);
  return { file: bin, args: [] };
};

// Everything a test file starts or creates, so its afterAll (test/support/cleanup.ts) can end and
// remove it whatever failed on the way: a suite leaves no process and no folder behind.
const liveProcesses = new Set<RunningProcess>();
const madeDirs = new Set<string>();
/** Undone after the processes stop and before the folders go (a stick is unmounted before its folder is removed). */
const undoers = new Set<() => void>();

/** Runs `undo` at clean-up unless the caller forgets it first; returns the function that forgets it. */
export const undoAtCleanUp = (undo: () => void): (() => void) => {
  undoers.add(undo);
  return () => undoers.delete(undo);
};

/** Set INVIGILATOR_KEEP_TEST_DATA=1 to keep a failed run's folders for a look. */
export const tempDir = (prefix: string, parent = tmpdir()): string => {
  const dir = mkdtempSync(path.join(parent, `invigilator-${prefix}-`));
  madeDirs.add(dir);
  return dir;
};

/** Stops every process still running (SIGTERM, then SIGKILL after 5 s) and removes the temporary folders. */
export const cleanUpTestResources = async (): Promise<void> => {
  await Promise.all([...liveProcesses].map(async (running) => {
    const timer = setTimeout(() => running.child.kill('SIGKILL'), 5000);
    await running.stop();
    clearTimeout(timer);
  }));
  for (const undo of undoers) {
    try { undo(); } catch { /* already undone */ }
  }
  undoers.clear();
  if (process.env.INVIGILATOR_KEEP_TEST_DATA === '1') return;
  for (const dir of madeDirs) rmSync(dir, { recursive: true, force: true });
  madeDirs.clear();
};

export const freePort = (): Promise<number> => new Promise((resolve, reject) => {
  const server = createServer();
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
  });
});

/** Runs a CLI to completion and returns its stdout, trimmed. */
export const runCli = (bin: string, args: string[]): string => {
  const command = commandFor(bin);
  return execFileSync(command.file, [...command.args, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
};

export interface RunningProcess {
  child: ChildProcess;
  logFile: string;
  log(): string;
  /** SIGTERM and wait for exit. */
  stop(): Promise<void>;
  /** kill -9: no chance to flush or say goodbye. */
  kill9(): Promise<void>;
}

const exited = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));

/** A program that runs node for us, e.g. `ip netns exec <name>` to start the agent inside a network namespace. */
export interface Launcher { file: string; args: readonly string[] }

export const startProcess = (bin: string, args: string[], logFile: string, nodeArgs: readonly string[] = [], launcher?: Launcher): RunningProcess => {
  const fd = openSync(logFile, 'a');
  const command = commandFor(bin, nodeArgs);
  const child = launcher
    ? spawn(launcher.file, [...launcher.args, command.file, ...command.args, ...args], { stdio: ['ignore', fd, fd] })
    : spawn(command.file, [...command.args, ...args], { stdio: ['ignore', fd, fd] });
  const running: RunningProcess = {
    child,
    logFile,
    log: () => readFileSync(logFile, 'utf8'),
    stop: async () => { child.kill('SIGTERM'); await exited(child); },
    kill9: async () => { child.kill('SIGKILL'); await exited(child); },
  };
  liveProcesses.add(running);
  child.once('exit', () => liveProcesses.delete(running));
  return running;
};

/** Thrown by a probe to stop waiting at once (the process it waits for has exited). */
export class GaveUp extends Error {}

/** Polls until `probe` returns a value (not undefined), or fails with `what` after the deadline or when it throws GaveUp. */
export const waitFor = async <T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 30_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      if (error instanceof GaveUp) throw error;
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};

export interface CollectorUnderTest {
  dataDir: string;
  port: number;
  httpUrl: string;
  wsUrl: string;
  process: RunningProcess;
  restart(): Promise<void>;
}

const startCollectorOn = async (dataDir: string, listenPort: number, host: string, extraArgs: readonly string[]): Promise<CollectorUnderTest> => {
  const httpUrl = `http://${host}:${listenPort}`;
  const launch = async (): Promise<RunningProcess> => {
    const running = startProcess(COLLECTOR_BIN, ['serve', '--data-dir', dataDir, '--listen', `${host}:${listenPort}`, ...extraArgs], path.join(dataDir, 'collector.log'));
    try {
      await waitFor('the collector to answer /healthz', async () => {
        if (running.child.exitCode !== null) throw new GaveUp(`collector exited: ${running.log().slice(-2000)}`);
        return (await fetch(`${httpUrl}/healthz`)).ok ? true : undefined;
      });
    } catch (error) {
      await running.kill9();
      throw error;
    }
    return running;
  };
  const collector: CollectorUnderTest = {
    dataDir, port: listenPort, httpUrl, wsUrl: `ws://${host}:${listenPort}`,
    process: await launch(),
    restart: async () => { collector.process = await launch(); },
  };
  return collector;
};

/**
 * A collector process on a free port (or the one given). Another program can take a free port between
 * the look and the listen on a busy machine: then it tries another port, up to three times.
 */
export const startCollector = async (dataDir: string, port?: number, host = '127.0.0.1', extraArgs: readonly string[] = []): Promise<CollectorUnderTest> => {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startCollectorOn(dataDir, port ?? await freePort(), host, extraArgs);
    } catch (error) {
      if (port !== undefined || attempt >= 3 || !String(error).includes('PORT_IN_USE')) throw error;
    }
  }
};

export const api = async <T = unknown>(collector: CollectorUnderTest, token: string, route: string, init: RequestInit = {}): Promise<{ status: number; body: T }> => {
  const response = await fetch(`${collector.httpUrl}${route}`, { ...init, headers: { authorization: `Bearer ${token}`, ...(init.headers ?? {}) } });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
};
