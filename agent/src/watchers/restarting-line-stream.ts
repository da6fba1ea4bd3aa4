// A long-running program read line by line that is started again, after a growing
// pause, whenever it ends: watchers that rest on one (a PowerShell event
// subscription, `nft monitor`, `findmnt --poll`) must not go blind for good.
import type { ErrorCode } from '@invigilator/shared/errors.ts';
import type { Logger } from '@invigilator/shared/logger.ts';
import { startLineStream, type LineStream } from '../exec.ts';
import { restartDelayMs } from './removable-media/volume-misuse-events.ts';

/** A run this long counts as healthy: the next failure starts the back-off again. */
const HEALTHY_RUN_MS = 60_000;

export interface RestartingLineStreamOptions {
  file: string;
  args: readonly string[];
  onLine: (line: string) => void;
  /** Called each time the program (re)starts, e.g. to read the state it may have missed meanwhile. */
  onStart?: () => void;
  logger: Logger;
  /** For the log: "the removable-media watcher". */
  what: string;
}

export const startRestartingLineStream = (options: RestartingLineStreamOptions): { stop(): void } => {
  let stream: LineStream | undefined;
  let restartTimer: NodeJS.Timeout | undefined;
  let running = true;
  let attempt = 0;
  let startedAt = 0;

  const onExit = (exitCode: number | null, errorCode?: ErrorCode, detail?: string): void => {
    stream = undefined;
    if (!running) return;
    if (Date.now() - startedAt > HEALTHY_RUN_MS) attempt = 0;
    const delayMs = restartDelayMs(attempt);
    attempt += 1;
    options.logger.warn({ code: errorCode ?? 'COMMAND_FAILED', exitCode, detail, restartInMs: delayMs }, `${options.what} stopped; restarting it.`);
    restartTimer = setTimeout(launch, delayMs);
  };

  function launch(): void {
    if (!running) return;
    startedAt = Date.now();
    stream = startLineStream({ file: options.file, args: options.args, onLine: options.onLine, onExit });
    options.onStart?.();
  }

  launch();
  return {
    stop() {
      running = false;
      clearTimeout(restartTimer);
      stream?.stop();
      stream = undefined;
    },
  };
};
