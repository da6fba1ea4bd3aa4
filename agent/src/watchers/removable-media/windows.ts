// Removable media on Windows as it happens: one long-running PowerShell waits for
// Win32_VolumeChangeEvent and prints a JSON line per arrival or removal (no
// polling). An arrival is looked up with the removable-media check's script and
// its root is watched for writes until it leaves.
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import type { Stats } from 'node:fs';
import type { MisuseEvent, RemovableDevice } from '@invigilator/shared/wire.ts';
import { startLineStream, type LineStream } from '../../exec.ts';
import { readPowerShellOnce } from '../../run-powershell-once.ts';
import { parseRemovableDrives } from '../../checks/removable-media/parse-removable-drives.ts';
import { removableDrivesSource } from '../../checks/removable-media/windows.ts';
import { CONSTRAINED_EXIT_CODE, powershellArgs, powershellPath, SCRIPT_PRELUDE } from '../../checks/windows-powershell.ts';
import type { Parsed } from '../../checks/types.ts';
import type { WatcherFactory, WatcherOptions } from '../types.ts';
import { parseVolumeChangeLine } from './parse-volume-change-line.ts';
import { bareDrive, emitWithUser, fileWritten, mediaAttached, mediaDetached, restartDelayMs, safeEmit } from './volume-misuse-events.ts';

const SUBSCRIPTION = 'invigilator-volume-change';

export const VOLUME_WATCH_SCRIPT = [
  SCRIPT_PRELUDE,
  '$ErrorActionPreference = \'Stop\'',
  `Register-CimIndicationEvent -ClassName Win32_VolumeChangeEvent -SourceIdentifier ${SUBSCRIPTION} | Out-Null`,
  `while ($true) { $raised = Wait-Event -SourceIdentifier ${SUBSCRIPTION}; $change = $raised.SourceEventArgs.NewEvent;`
    + ' [Console]::Out.WriteLine((@{ eventType = [int]$change.EventType; driveName = [string]$change.DriveName;'
    + ' time = $raised.TimeGenerated.ToUniversalTime().ToString(\'o\') } | ConvertTo-Json -Compress));'
    + ' [Console]::Out.Flush(); Remove-Event -EventIdentifier $raised.EventIdentifier }',
].join('; ');

/** A run this long counts as healthy: the next failure restarts quickly again. */
const HEALTHY_RUN_MS = 5 * 60_000;

// No removable drive prints nothing: an empty list.
const readRemovableDrives = (): Promise<Parsed<RemovableDevice[]>> =>
  readPowerShellOnce(removableDrivesSource(), parseRemovableDrives, { allowEmpty: true });

interface WatchedDrive {
  device: RemovableDevice;
  files: FSWatcher;
}

/**
 * Polling, not the native recursive watch: that keeps a directory handle open on
 * the stick, so Windows refuses "Safely Remove" while the agent watches it. A poll
 * opens nothing between looks; the cost is a look at each file every interval.
 */
export const STICK_WATCH_OPTIONS = Object.freeze({
  ignoreInitial: true, alwaysStat: true, awaitWriteFinish: true, usePolling: true, interval: 2_000, binaryInterval: 2_000,
});

const watchFiles = (device: RemovableDevice, options: WatcherOptions, emit: (event: MisuseEvent) => void): FSWatcher => {
  const root = device.mountPoint ?? '';
  const files = watch(root, STICK_WATCH_OPTIONS);
  const written = (filePath: string, stats?: Stats): void =>
    emit(fileWritten(device, root, filePath, stats?.size ?? 0, options.hashFileNames, path.win32));
  files.on('add', written);
  files.on('change', written);
  files.on('error', (error) => options.logger.warn({ code: 'COMMAND_FAILED', drive: device.device, err: error }, 'Watching files on a removable drive failed.'));
  return files;
};

export const createWatcher: WatcherFactory = (options) => {
  const { logger } = options;
  const emit = emitWithUser(safeEmit(options.emit, logger), options.currentUser);
  const drives = new Map<string, WatchedDrive>();
  let stream: LineStream | undefined;
  let restartTimer: NodeJS.Timeout | undefined;
  let running = false;
  let attempt = 0;
  let startedAt = 0;

  const follow = (device: RemovableDevice): void => {
    const drive = device.device ?? '';
    if (!drives.has(drive)) drives.set(drive, { device, files: watchFiles(device, options, emit) });
  };

  const arrived = async (drive: string): Promise<void> => {
    const listed = await readRemovableDrives();
    if (!running) return;
    // Unknown details: report the bare drive rather than miss a stick.
    if (!listed.ok) logger.warn({ code: listed.code, drive, reason: listed.reason }, 'A drive arrived but its details could not be read.');
    const device = listed.ok ? listed.value.find((candidate) => candidate.device === drive) : bareDrive(drive);
    // Fixed internal disks, mounted disk images and network drives also raise arrivals.
    if (!device) return;
    emit(mediaAttached(device));
    follow(device);
  };

  const removed = async (drive: string): Promise<void> => {
    const watched = drives.get(drive);
    if (!watched) return;
    drives.delete(drive);
    emit(mediaDetached(watched.device));
    await watched.files.close();
  };

  const onLine = (line: string): void => {
    const change = parseVolumeChangeLine(line);
    if (!change.ok) {
      logger.warn({ code: change.code, reason: change.reason }, 'Skipped a line from the volume watcher.');
      return;
    }
    if (change.value.kind === 'arrival') void arrived(change.value.drive);
    else if (change.value.kind === 'removal') void removed(change.value.drive);
  };

  // PowerShell's own error report (a WMI subscription refused, Constrained Language Mode) explains a restart.
  const onStderrLine = (line: string): void => {
    logger.warn({ code: 'COMMAND_FAILED', stderr: line.slice(0, 500) }, 'The removable-media watcher\'s PowerShell reported an error.');
  };

  const startStream = (): void => {
    startedAt = Date.now();
    stream = startLineStream({ file: powershellPath(), args: powershellArgs(VOLUME_WATCH_SCRIPT), onLine, onExit, onStderrLine });
  };

  function onExit(exitCode: number | null, errorCode?: string, detail?: string): void {
    stream = undefined;
    if (!running) return;
    if (Date.now() - startedAt > HEALTHY_RUN_MS) attempt = 0;
    const delayMs = restartDelayMs(attempt);
    attempt += 1;
    const code = errorCode ?? (exitCode === CONSTRAINED_EXIT_CODE ? 'POWERSHELL_CONSTRAINED' : 'COMMAND_FAILED');
    logger.warn({ code, exitCode, detail, restartInMs: delayMs }, 'The removable-media watcher stopped; restarting it.');
    restartTimer = setTimeout(startStream, delayMs);
  }

  return {
    async start() {
      if (running) return;
      running = true;
      // Sticks already in when the agent starts are watched too (the check reports them).
      const listed = await readRemovableDrives();
      if (listed.ok) listed.value.forEach(follow);
      else logger.warn({ code: listed.code, reason: listed.reason }, 'Removable drives present at start could not be read.');
      startStream();
    },
    async stop() {
      running = false;
      clearTimeout(restartTimer);
      stream?.stop();
      stream = undefined;
      const watched = [...drives.values()];
      drives.clear();
      await Promise.all(watched.map((entry) => entry.files.close()));
    },
  };
};
