// The one place the agent runs programs or reads system files for checks:
// absolute paths only, argument arrays, no shell, a timeout and an output cap.
// A lint rule forbids node:child_process everywhere else in agent/src.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { open, readdir, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { InvigilatorError, type ErrorCode } from '@invigilator/shared/errors.ts';

export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_OUTPUT_BYTES = 4 * 1024 * 1024;

export interface CommandRequest {
  file: string;
  args: readonly string[];
  timeoutMs?: number;
  maxOutputBytes?: number;
  /** How stdout is decoded; Windows tools that write UTF-16LE say so here. */
  encoding?: 'utf8' | 'utf16le';
  env?: Readonly<Record<string, string>>;
}

export interface RawOutput {
  /** null when the process never ran or was killed. */
  exitCode: number | null;
  stdout: string;
  stderr: string;
  durationMs: number;
  /** Set when nothing usable came back: the command was missing, timed out, was denied… */
  errorCode?: ErrorCode;
  errorDetail?: string;
  truncated?: boolean;
}

const decode = (chunks: Buffer[], encoding: 'utf8' | 'utf16le'): string => {
  const buffer = Buffer.concat(chunks);
  // Tools that write UTF-16LE start with a byte-order mark; honour it whatever was asked.
  if (buffer.length >= 2 && buffer[0] === 0xff && buffer[1] === 0xfe) return buffer.subarray(2).toString('utf16le');
  const text = buffer.toString(encoding);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
};

const IS_WINDOWS = process.platform === 'win32';
const MAX_STDERR_BYTES = 64 * 1024;
const FILE_CHUNK_BYTES = 64 * 1024;

const TASKKILL = path.win32.join(
  process.env.SystemRoot && path.win32.isAbsolute(process.env.SystemRoot) ? process.env.SystemRoot : 'C:\\Windows',
  'System32', 'taskkill.exe',
);

/**
 * Kills the program and everything it started: a grandchild that inherited the pipes
 * would otherwise keep them open (and the check waiting) after the program itself died.
 */
const killTree = (child: ChildProcess): void => {
  const pid = child.pid;
  if (pid === undefined) return;
  if (IS_WINDOWS) {
    const killer = spawn(TASKKILL, ['/PID', String(pid), '/T', '/F'], { shell: false, windowsHide: true, stdio: 'ignore' });
    killer.on('error', () => child.kill('SIGKILL'));
    killer.unref();
    return;
  }
  try {
    // The program leads its own process group (spawned detached), so this reaches its children too.
    process.kill(-pid, 'SIGKILL');
  } catch {
    // The group is already gone; the program itself may still need reaping.
    child.kill('SIGKILL');
  }
};

export const runCommand = (request: CommandRequest): Promise<RawOutput> => {
  const started = performance.now();
  const elapsed = (): number => Math.round(performance.now() - started);
  if (!path.isAbsolute(request.file) && !path.win32.isAbsolute(request.file)) {
    return Promise.resolve({
      exitCode: null, stdout: '', stderr: '', durationMs: 0,
      errorCode: 'COMMAND_PATH_NOT_ABSOLUTE', errorDetail: request.file,
    });
  }
  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = request.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
  const encoding = request.encoding ?? 'utf8';

  return new Promise((resolve) => {
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let stdoutBytes = 0;
    let stderrBytes = 0;
    let settled = false;

    const child = spawn(request.file, [...request.args], {
      shell: false,
      windowsHide: true,
      // Own process group on POSIX so a timeout can kill the whole tree (it no longer gets the terminal's signals).
      detached: !IS_WINDOWS,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_ALL: 'C', LANG: 'C', ...request.env },
    });
    const timer = setTimeout(
      () => abandon('COMMAND_TIMED_OUT', `${request.file} ran longer than ${timeoutMs} ms.`, false),
      timeoutMs,
    );

    const finish = (output: RawOutput): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(output);
    };
    const collected = (exitCode: number | null): RawOutput => ({
      exitCode,
      stdout: decode(stdout, encoding),
      stderr: decode(stderr, 'utf8'),
      durationMs: elapsed(),
    });
    /** Settles now with what was read: waiting for 'close' would wait for every grandchild holding the pipes. */
    const abandon = (errorCode: ErrorCode, errorDetail: string, truncated: boolean): void => {
      if (settled) return;
      killTree(child);
      child.stdout.destroy();
      child.stderr.destroy();
      child.unref();
      finish({ ...collected(null), errorCode, errorDetail, ...(truncated ? { truncated } : {}) });
    };

    child.stdout.on('data', (chunk: Buffer) => {
      if (settled) return;
      if (stdoutBytes + chunk.length > maxBytes) {
        stdout.push(chunk.subarray(0, maxBytes - stdoutBytes));
        stdoutBytes = maxBytes;
        abandon('COMMAND_OUTPUT_TOO_LARGE', `${request.file} printed more than ${maxBytes} bytes.`, true);
        return;
      }
      stdoutBytes += chunk.length;
      stdout.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderrBytes >= MAX_STDERR_BYTES) return;
      stderrBytes += chunk.length;
      stderr.push(chunk);
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      const errorCode: ErrorCode = error.code === 'ENOENT' ? 'COMMAND_NOT_FOUND'
        : error.code === 'EACCES' ? 'PERMISSION_DENIED' : 'COMMAND_FAILED';
      finish({ exitCode: null, stdout: '', stderr: '', durationMs: elapsed(), errorCode, errorDetail: `${request.file}: ${error.message}` });
    });
    // Ended by a signal (killed by another program, the OS short of memory): what it printed is not its answer.
    child.on('close', (code, signal) => finish(signal
      ? { ...collected(null), errorCode: 'COMMAND_FAILED', errorDetail: `${request.file} was ended by ${signal} before it finished.` }
      : collected(code)));
  });
};

export interface FileRequest {
  path: string;
  maxBytes?: number;
  /** latin1 keeps binary headers (ClamAV databases) byte-for-byte. */
  encoding?: 'utf8' | 'latin1';
}

/**
 * Reads from the handle's current position until EOF or `limit` bytes, `chunkBytes` at a time.
 * Sequential reads (no position) so pipes and /proc files work as well as regular files.
 */
const readUpTo = async (handle: FileHandle, limit: number, chunkBytes: number): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total < limit) {
    const chunk = Buffer.allocUnsafe(Math.min(chunkBytes, limit - total));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
  }
  // One chunk (the usual case) is returned as is, not copied.
  return chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks, total);
};

/**
 * The file's first maxBytes and whether there was more. A regular file's size is known up front;
 * /proc files and pipes report size 0, so they are read in chunks with one byte past the cap to tell.
 */
const readHead = async (handle: FileHandle, maxBytes: number): Promise<{ bytes: Buffer; truncated: boolean }> => {
  const stats = await handle.stat();
  if (stats.isFile() && stats.size > 0) {
    const wanted = Math.min(stats.size, maxBytes);
    return { bytes: await readUpTo(handle, wanted, wanted), truncated: stats.size > maxBytes };
  }
  const bytes = await readUpTo(handle, maxBytes + 1, FILE_CHUNK_BYTES);
  return bytes.length > maxBytes ? { bytes: bytes.subarray(0, maxBytes), truncated: true } : { bytes, truncated: false };
};

/**
 * Reads (the head of) a file as text; a missing file is a result, not a throw.
 * A file longer than maxBytes is marked truncated, not failed: some checks ask for a header only.
 */
export const readSourceFile = async (request: FileRequest): Promise<RawOutput> => {
  const started = performance.now();
  const elapsed = (): number => Math.round(performance.now() - started);
  const maxBytes = request.maxBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
  try {
    const handle = await open(request.path, 'r');
    try {
      const { bytes, truncated } = await readHead(handle, maxBytes);
      const stdout = bytes.toString(request.encoding ?? 'utf8');
      return { exitCode: 0, stdout, stderr: '', durationMs: elapsed(), ...(truncated ? { truncated } : {}) };
    } finally {
      await handle.close();
    }
  } catch (error) {
    return fileSystemFailure(request.path, error, elapsed());
  }
};

/** A file or folder that could not be read, as a result: missing reads as COMMAND_NOT_FOUND, as a missing program does. */
const fileSystemFailure = (where: string, error: unknown, durationMs: number): RawOutput => {
  const code = (error as NodeJS.ErrnoException).code;
  const errorCode: ErrorCode = code === 'ENOENT' || code === 'ENOTDIR' ? 'COMMAND_NOT_FOUND'
    : code === 'EACCES' || code === 'EPERM' ? 'PERMISSION_DENIED' : 'COMMAND_FAILED';
  return { exitCode: null, stdout: '', stderr: '', durationMs, errorCode, errorDetail: `${where}: ${(error as Error).message}` };
};

/** A folder's entries in name order, one a line, sub-folders ending in "/"; a name holding a line break is left out. */
export const listSourceFolder = async (folder: string): Promise<RawOutput> => {
  const started = performance.now();
  try {
    const entries = await readdir(folder, { withFileTypes: true });
    const names = entries.filter((entry) => !/[\r\n]/.test(entry.name)).map((entry) => (entry.isDirectory() ? `${entry.name}/` : entry.name)).sort();
    return { exitCode: 0, stdout: names.map((name) => `${name}\n`).join(''), stderr: '', durationMs: Math.round(performance.now() - started) };
  } catch (error) {
    return fileSystemFailure(folder, error, Math.round(performance.now() - started));
  }
};

export const assertNever = (value: never): never => {
  throw new InvigilatorError('INTERNAL', `Unexpected value ${String(value)}`);
};

export interface LineStreamRequest {
  file: string;
  args: readonly string[];
  onLine: (line: string) => void;
  /** Called once when the process ends for any reason (a watcher restarts it). */
  onExit: (exitCode: number | null, errorCode?: ErrorCode, detail?: string) => void;
  /** Lines the program writes to stderr (its own error reports), for the log; ignored when absent. */
  onStderrLine?: (line: string) => void;
  /** A single line longer than this is dropped (and reported through onExit's sibling, the logger). */
  maxLineBytes?: number;
}

/** util-linux's setpriv: on Linux a long-running child is started through it so that it dies with the agent. */
const SETPRIV = '/usr/bin/setpriv';

/**
 * The program and arguments to spawn. On Linux, `setpriv --pdeathsig` asks the kernel to end the
 * program when the agent dies, even by kill -9: a monitor left behind would run on unread for ever.
 */
const dyingWithParent = (file: string, args: readonly string[]): { file: string; args: string[] } =>
  process.platform === 'linux' && existsSync(SETPRIV)
    ? { file: SETPRIV, args: ['--pdeathsig', 'SIGKILL', '--', file, ...args] }
    : { file, args: [...args] };

/** Calls onLine for each complete non-blank line of a text stream; an over-long line is dropped. */
const splitLines = (stream: NodeJS.ReadableStream, maxLineBytes: number, onLine: (line: string) => void): void => {
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    pending += chunk;
    let newline = pending.indexOf('\n');
    while (newline >= 0) {
      const line = pending.slice(0, newline).replace(/\r$/, '');
      pending = pending.slice(newline + 1);
      if (line.trim() !== '') onLine(line);
      newline = pending.indexOf('\n');
    }
    if (pending.length > maxLineBytes) pending = '';
  });
};

export interface LineStream {
  stop(): void;
}

/** A long-running program whose stdout is read line by line (e.g. a WMI event subscription). */
export const startLineStream = (request: LineStreamRequest): LineStream => {
  if (!path.isAbsolute(request.file) && !path.win32.isAbsolute(request.file)) {
    queueMicrotask(() => request.onExit(null, 'COMMAND_PATH_NOT_ABSOLUTE', request.file));
    return { stop: () => undefined };
  }
  const maxLineBytes = request.maxLineBytes ?? 256 * 1024;
  const launch = dyingWithParent(request.file, request.args);
  if (launch.file !== request.file && !existsSync(request.file)) {
    // setpriv would start and then fail to run it: say plainly that the program is missing.
    queueMicrotask(() => request.onExit(null, 'COMMAND_NOT_FOUND', request.file));
    return { stop: () => undefined };
  }
  const child = spawn(launch.file, launch.args, {
    shell: false, windowsHide: true, stdio: ['ignore', 'pipe', request.onStderrLine ? 'pipe' : 'ignore'],
    env: { ...process.env, LC_ALL: 'C', LANG: 'C' },
  });
  let exited = false;
  if (child.stdout) splitLines(child.stdout, maxLineBytes, request.onLine);
  if (request.onStderrLine && child.stderr) splitLines(child.stderr, maxLineBytes, request.onStderrLine);
  const exit = (exitCode: number | null, errorCode?: ErrorCode, detail?: string): void => {
    if (exited) return;
    exited = true;
    request.onExit(exitCode, errorCode, detail);
  };
  child.on('error', (error: NodeJS.ErrnoException) =>
    exit(null, error.code === 'ENOENT' ? 'COMMAND_NOT_FOUND' : 'COMMAND_FAILED', `${request.file}: ${error.message}`));
  child.on('close', (code) => exit(code));
  return { stop: () => { if (!exited) child.kill(); } };
};
