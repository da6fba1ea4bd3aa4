// A collector run as its own process through the real command line (`serve`), for tests in which
// other commands act on the same data folder while it runs, as a network manager would.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const COLLECTOR_BIN = join(import.meta.dirname, '..', '..', 'bin', 'invigilator-collector.js');

/** Runs one command against the data folder and returns its exit code and output. */
export const collectorCli = (dataDir: string, args: readonly string[], input?: string) => {
  const result = spawnSync(process.execPath, [COLLECTOR_BIN, ...args, '--data-dir', dataDir], { encoding: 'utf8', ...(input === undefined ? {} : { input }) });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

export interface CollectorProcess { apiUrl: string; agentUrl: string; child: ChildProcess; stop(): Promise<void> }

export const startCollectorProcess = async (dataDir: string, extraArgs: readonly string[] = []): Promise<CollectorProcess> => {
  const child = spawn(process.execPath, [COLLECTOR_BIN, 'serve', '--listen', '127.0.0.1:0', '--data-dir', dataDir, ...extraArgs]);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const listening = stderr.split('\n').filter((line) => line.startsWith('{'))
          .map((line) => JSON.parse(line) as { msg: string; port?: number }).find((line) => line.msg === 'Collector listening.');
        if (listening?.port) resolve(listening.port);
      });
      child.once('exit', (code) => reject(new Error(`collector exited ${code}: ${stderr}`)));
      setTimeout(() => reject(new Error(`collector did not start: ${stderr}`)), 30_000).unref();
    });
    return { apiUrl: `http://127.0.0.1:${port}`, agentUrl: `ws://127.0.0.1:${port}/agent`, child, stop };
  } catch (error) {
    await stop();
    throw error;
  }
};
