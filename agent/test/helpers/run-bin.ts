// Spawns the real bin with this Node and collects what it printed.
import { spawn } from 'node:child_process';
import path from 'node:path';

export const BIN = path.resolve(import.meta.dirname, '../../bin/invigilator-agent.js');

export interface CliResult { code: number | null; stdout: string; stderr: string }

/** `asUser` runs it as that (unprivileged) account through runuser; the test must be root. */
export const runBin = (args: readonly string[], timeoutMs = 60_000, asUser?: string): Promise<CliResult> =>
  new Promise((resolve, reject) => {
    const command = asUser ? ['/usr/sbin/runuser', '-u', asUser, '--', process.execPath, BIN, ...args] : [process.execPath, BIN, ...args];
    const child = spawn(command[0] ?? process.execPath, command.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString('utf8'); });
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`${args.join(' ')} did not finish`)); }, timeoutMs);
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, stdout, stderr }); });
  });
