// The one place the agent runs programs or reads system files for checks:
// absolute paths only, argument arrays, no shell, a timeout and an output cap.
// A lint rule forbids node:child_process everywhere else in agent/src.
import { spawn } from 'node:child_process';
import { open } from 'node:fs/promises';
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
    let truncated = false;
    let timedOut = false;
    let settled = false;

    const child = spawn(request.file, [...request.args], {
      shell: false,
      windowsHide: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_ALL: 'C', LANG: 'C', ...request.env },
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);

    const finish = (output: RawOutput): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(output);
    };

    child.stdout.on('data', (chunk: Buffer) => {
      if (stdoutBytes + chunk.length > maxBytes) {
        truncated = true;
        stdout.push(chunk.subarray(0, maxBytes - stdoutBytes));
        stdoutBytes = maxBytes;
        child.kill('SIGKILL');
        return;
      }
      stdoutBytes += chunk.length;
      stdout.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (Buffer.concat(stderr).length < 64 * 1024) stderr.push(chunk);
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      const errorCode: ErrorCode = error.code === 'ENOENT' ? 'COMMAND_NOT_FOUND'
        : error.code === 'EACCES' ? 'PERMISSION_DENIED' : 'COMMAND_FAILED';
      finish({ exitCode: null, stdout: '', stderr: '', durationMs: elapsed(), errorCode, errorDetail: `${request.file}: ${error.message}` });
    });
    child.on('close', (code) => {
      const output: RawOutput = {
        exitCode: code,
        stdout: decode(stdout, encoding),
        stderr: decode(stderr, 'utf8'),
        durationMs: elapsed(),
      };
      if (timedOut) Object.assign(output, { errorCode: 'COMMAND_TIMED_OUT', errorDetail: `${request.file} ran longer than ${timeoutMs} ms.` });
      else if (truncated) Object.assign(output, { truncated: true, errorCode: 'COMMAND_OUTPUT_TOO_LARGE', errorDetail: `${request.file} printed more than ${maxBytes} bytes.` });
      finish(output);
    });
  });
};

export interface FileRequest {
  path: string;
  maxBytes?: number;
  /** latin1 keeps binary headers (ClamAV databases) byte-for-byte. */
  encoding?: 'utf8' | 'latin1';
}

/** Reads (the head of) a file as text; a missing file is a result, not a throw. */
export const readSourceFile = async (request: FileRequest): Promise<RawOutput> => {
  const started = performance.now();
  const maxBytes = request.maxBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
  try {
    const handle = await open(request.path, 'r');
    try {
      const buffer = Buffer.alloc(maxBytes);
      const { bytesRead } = await handle.read(buffer, 0, maxBytes, 0);
      return { exitCode: 0, stdout: buffer.subarray(0, bytesRead).toString(request.encoding ?? 'utf8'), stderr: '', durationMs: Math.round(performance.now() - started) };
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const errorCode: ErrorCode = code === 'ENOENT' || code === 'ENOTDIR' ? 'COMMAND_NOT_FOUND'
      : code === 'EACCES' || code === 'EPERM' ? 'PERMISSION_DENIED' : 'COMMAND_FAILED';
    return { exitCode: null, stdout: '', stderr: '', durationMs: Math.round(performance.now() - started), errorCode, errorDetail: `${request.path}: ${(error as Error).message}` };
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
  /** A single line longer than this is dropped (and reported through onExit's sibling, the logger). */
  maxLineBytes?: number;
}

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
  const child = spawn(request.file, [...request.args], {
    shell: false, windowsHide: true, stdio: ['ignore', 'pipe', 'ignore'],
    env: { ...process.env, LC_ALL: 'C', LANG: 'C' },
  });
  let pending = '';
  let exited = false;
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    pending += chunk;
    let newline = pending.indexOf('\n');
    while (newline >= 0) {
      const line = pending.slice(0, newline).replace(/\r$/, '');
      pending = pending.slice(newline + 1);
      if (line.trim() !== '') request.onLine(line);
      newline = pending.indexOf('\n');
    }
    if (pending.length > maxLineBytes) pending = '';
  });
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
