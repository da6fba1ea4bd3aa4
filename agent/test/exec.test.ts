// Runs real processes and reads real files on this (Linux) machine.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readSourceFile, runCommand, startLineStream } from '../src/exec.ts';

const SH = '/bin/sh';
const onLinux = process.platform === 'linux';

/** The process group ids of processes still alive (zombies count as gone: they only wait to be reaped). */
const liveGroups = (): Map<number, number[]> => {
  const groups = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    // Fields after the command name (which may hold spaces): state ppid pgrp ...
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (state === 'Z' || state === 'X') continue;
    const members = groups.get(Number(pgrp)) ?? [];
    members.push(Number(entry));
    groups.set(Number(pgrp), members);
  }
  return groups;
};

/** Polls until no live process is left in the group; returns the survivors if some outlive the wait. */
const waitForGroupGone = async (pgid: number, withinMs = 3000): Promise<number[]> => {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const survivors = liveGroups().get(pgid) ?? [];
    if (survivors.length === 0 || Date.now() > deadline) return survivors;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

const isAlive = (pid: number): boolean => [...liveGroups().values()].some((members) => members.includes(pid));

/** First two stdout lines of the scripts below: the shell's pid (its group id) and its background child's pid. */
const pidsFrom = (stdout: string): { shell: number; grandchild: number } => {
  const [shell = 0, grandchild = 0] = stdout.split('\n').slice(0, 2).map(Number);
  return { shell, grandchild };
};

describe.runIf(onLinux)('runCommand (Linux only)', () => {
  it('returns a normal command\'s exit code, stdout and stderr on close', async () => {
    const result = await runCommand({ file: SH, args: ['-c', 'printf hello; printf oops >&2; exit 3'] });
    expect(result).toMatchObject({ exitCode: 3, stdout: 'hello', stderr: 'oops' });
    expect(result.errorCode).toBeUndefined();
    expect(result.truncated).toBeUndefined();
  });

  it('keeps every byte of a multi-chunk output under the cap', async () => {
    const result = await runCommand({ file: SH, args: ['-c', 'head -c 300000 /dev/zero'], maxOutputBytes: 300_000 });
    expect(result.errorCode).toBeUndefined();
    expect(result.exitCode).toBe(0);
    expect(result.stdout.length).toBe(300_000);
  });

  it('clears its timer once the command has finished', async () => {
    // Every timer runCommand sets is cleared (counting live timers is disturbed by the rest of the process).
    const set = vi.spyOn(globalThis, 'setTimeout');
    const cleared = vi.spyOn(globalThis, 'clearTimeout');
    try {
      const result = await runCommand({ file: SH, args: ['-c', 'exit 0'], timeoutMs: 60_000 });
      expect(result.exitCode).toBe(0);
      const ours = set.mock.results.filter((_, index) => set.mock.calls[index]?.[1] === 60_000).map((entry) => entry.value as unknown);
      expect(ours).toHaveLength(1);
      expect(cleared.mock.calls.map((call) => call[0] as unknown)).toContain(ours[0]);
    } finally {
      set.mockRestore();
      cleared.mockRestore();
    }
  });

  it('honours the timeout when a grandchild keeps the pipes open, and kills the whole group', async () => {
    const started = Date.now();
    const result = await runCommand({ file: SH, args: ['-c', 'echo $$; sleep 6 & echo $!; sleep 6'], timeoutMs: 500 });
    const took = Date.now() - started;

    expect(result.errorCode).toBe('COMMAND_TIMED_OUT');
    expect(result.exitCode).toBeNull();
    // Settled by the timer, before the 6 s sleeps end (waiting for the pipes would take all 6 s), with the output read so far.
    expect(took).toBeLessThan(6000);
    const { shell, grandchild } = pidsFrom(result.stdout);
    expect(shell).toBeGreaterThan(1);
    expect(grandchild).toBeGreaterThan(1);
    expect(await waitForGroupGone(shell)).toEqual([]);
    expect(isAlive(grandchild)).toBe(false);
  }, 15_000);

  it('stops at the output cap when a grandchild keeps the pipes open, and kills the whole group', async () => {
    const started = Date.now();
    const result = await runCommand({
      file: SH,
      args: ['-c', 'echo $$; sleep 6 & echo $!; head -c 100000 /dev/zero; sleep 6'],
      maxOutputBytes: 1000,
      timeoutMs: 10_000,
    });
    const took = Date.now() - started;

    expect(result).toMatchObject({ exitCode: null, truncated: true, errorCode: 'COMMAND_OUTPUT_TOO_LARGE' });
    expect(Buffer.byteLength(result.stdout)).toBe(1000);
    expect(took).toBeLessThan(4000);
    const { shell, grandchild } = pidsFrom(result.stdout);
    expect(await waitForGroupGone(shell)).toEqual([]);
    expect(isAlive(grandchild)).toBe(false);
  }, 15_000);

  it('reports a command ended by a signal as failed, naming the signal, not as one that printed nothing', async () => {
    const result = await runCommand({ file: SH, args: ['-c', 'printf partial; kill -TERM $$'] });
    expect(result).toMatchObject({ exitCode: null, errorCode: 'COMMAND_FAILED' });
    expect(result.errorDetail).toBe(`${SH} was ended by SIGTERM before it finished.`);
  });

  it('reports a missing program as COMMAND_NOT_FOUND and a relative path as refused', async () => {
    expect((await runCommand({ file: '/nonexistent/invigilator-tool', args: [] })).errorCode).toBe('COMMAND_NOT_FOUND');
    expect((await runCommand({ file: 'sh', args: ['-c', 'true'] })).errorCode).toBe('COMMAND_PATH_NOT_ABSOLUTE');
  });
});

describe.runIf(onLinux)('readSourceFile (Linux only)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'invigilator-exec-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a /proc file (size 0 in fstat) whole, without a maxBytes-sized buffer', async () => {
    const expected = readFileSync('/proc/self/mountinfo', 'utf8');
    // Spies call through; they only record how large a buffer each read asked for.
    const alloc = vi.spyOn(Buffer, 'alloc');
    const allocUnsafe = vi.spyOn(Buffer, 'allocUnsafe');
    let result;
    let allocations: number[];
    try {
      result = await readSourceFile({ path: '/proc/self/mountinfo' });
    } finally {
      allocations = [...alloc.mock.calls, ...allocUnsafe.mock.calls].map(([size]) => size);
      alloc.mockRestore();
      allocUnsafe.mockRestore();
    }
    expect(result.errorCode).toBeUndefined();
    expect(result.truncated).toBeUndefined();
    expect(result.stdout.length).toBeGreaterThan(0);
    expect(result.stdout).toBe(expected);
    expect(allocations.length).toBeGreaterThan(0);
    expect(Math.max(...allocations)).toBeLessThanOrEqual(64 * 1024);
  });

  it('reads a pipe (no size, no seeking) across several chunks', async () => {
    const fifo = path.join(dir, 'pipe');
    expect(spawnSync('/usr/bin/mkfifo', [fifo]).status).toBe(0);
    const content = 'line of text\n'.repeat(20_000); // 260 000 bytes: several 64 KiB chunks
    const [result] = await Promise.all([readSourceFile({ path: fifo }), writeFile(fifo, content)]);
    expect(result.errorCode).toBeUndefined();
    expect(result.stdout).toBe(content);
  });

  it('reads a regular file whole, and an empty one as empty', async () => {
    const file = path.join(dir, 'exact.txt');
    writeFileSync(file, 'abcdef');
    expect(await readSourceFile({ path: file, maxBytes: 6 })).toMatchObject({ exitCode: 0, stdout: 'abcdef' });
    expect((await readSourceFile({ path: file, maxBytes: 6 })).truncated).toBeUndefined();
    const empty = path.join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const result = await readSourceFile({ path: empty });
    expect(result).toMatchObject({ exitCode: 0, stdout: '' });
    expect(result.truncated).toBeUndefined();
  });

  it('marks a regular file longer than maxBytes as truncated and keeps its head', async () => {
    const file = path.join(dir, 'long.bin');
    writeFileSync(file, Buffer.from([0xc3, 0xa9, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46]));
    const result = await readSourceFile({ path: file, maxBytes: 4, encoding: 'latin1' });
    expect(result).toMatchObject({ exitCode: 0, stdout: '\u00c3\u00a9AB', truncated: true });
  });

  it('marks a /proc file longer than maxBytes as truncated', async () => {
    const whole = readFileSync('/proc/self/mountinfo', 'utf8');
    const result = await readSourceFile({ path: '/proc/self/mountinfo', maxBytes: 20 });
    expect(result).toMatchObject({ exitCode: 0, truncated: true });
    expect(result.stdout).toBe(whole.slice(0, 20));
  });

  it('reports a missing file as COMMAND_NOT_FOUND', async () => {
    const result = await readSourceFile({ path: path.join(dir, 'missing.txt') });
    expect(result).toMatchObject({ exitCode: null, stdout: '', errorCode: 'COMMAND_NOT_FOUND' });
    expect(result.errorDetail).toContain('missing.txt');
  });
});

describe('startLineStream', () => {
  it('hands stdout and stderr lines to their own callbacks and reports the exit', async () => {
    const stdoutLines: string[] = [];
    const stderrLines: string[] = [];
    const exit = await new Promise<number | null>((resolve) => {
      startLineStream({
        file: '/bin/sh',
        args: ['-c', 'echo one; echo problem >&2; printf "two\\r\\n"; exit 3'],
        onLine: (line) => stdoutLines.push(line),
        onStderrLine: (line) => stderrLines.push(line),
        onExit: (code) => resolve(code),
      });
    });
    expect(exit).toBe(3);
    expect(stdoutLines).toEqual(['one', 'two']);
    expect(stderrLines).toEqual(['problem']);
  });
});

describe('startLineStream and the agent dying', () => {
  const childrenOf = (pid: number): number[] => readdirSync('/proc').filter((name) => /^\d+$/.test(name)).flatMap((name) => {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid ? [Number(name)] : [];
    } catch {
      return [];
    }
  });
  const alive = (pid: number): boolean => existsSync(`/proc/${pid}`) && !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z');

  it.runIf(process.platform === 'linux' && existsSync('/usr/bin/setpriv'))('a monitor it started ends when the agent is killed -9', async () => {
    const agent = spawn(process.execPath, [path.join(import.meta.dirname, 'helpers/line-stream-then-wait.ts')], { stdio: ['ignore', 'pipe', 'inherit'] });
    const pid = await new Promise<number>((resolve) => agent.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim()))));
    let monitors: number[] = [];
    for (let tries = 0; tries < 50 && monitors.length === 0; tries += 1) {
      monitors = childrenOf(pid);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(monitors).toHaveLength(1);
    agent.kill('SIGKILL');
    await new Promise((resolve) => agent.once('exit', resolve));
    for (let tries = 0; tries < 50 && alive(monitors[0]!); tries += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(alive(monitors[0]!)).toBe(false);
  });
});
