// macOS removable-media watcher: chokidar on /Volumes (depth 0) for new volume
// folders; each is asked about with `diskutil info -plist`, and only removable
// media is reported and then watched for file writes. The process plumbing is
// kept thin; every decision lives in macos-events.ts and volume-misuse-events.ts.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import type { Stats } from 'node:fs';
import { ERRORS, type ErrorCode } from '@invigilator/shared/errors.ts';
import type { RemovableDevice } from '@invigilator/shared/wire.ts';
import { runCommand } from '../../exec.ts';
import type { Watcher, WatcherFactory } from '../types.ts';
import { isVolumeFolder, removableVolumeFrom, volumeWatchErrorCode } from './macos-events.ts';
import { emitWithUser, fileWritten, mediaAttached, mediaDetached, safeEmit } from './volume-misuse-events.ts';

const DISKUTIL = '/usr/sbin/diskutil';

interface AttachedVolume {
  device: RemovableDevice;
  files: FSWatcher;
}

export const createWatcher: WatcherFactory = (options) => {
  const { logger, mountRoots } = options;
  const attached = new Map<string, AttachedVolume>();
  const roots: FSWatcher[] = [];
  let stopped = true;

  const warn = (code: ErrorCode, detail: string): void => {
    logger.warn({ code }, `${ERRORS[code]} (${detail})`);
  };

  const emit = emitWithUser(safeEmit(options.emit, logger), options.currentUser);

  const reportWrite = async (volume: AttachedVolume, root: string, filePath: string, stats?: Stats): Promise<void> => {
    try {
      const size = stats?.size ?? (await stat(filePath)).size;
      emit(fileWritten(volume.device, root, filePath, size, options.hashFileNames, path.posix));
    } catch (error) {
      // The file went again before it could be measured (a temporary file).
      logger.debug({ err: error, filePath }, 'A written file could not be measured.');
    }
  };

  const volumeAppeared = async (folder: string): Promise<void> => {
    if (!isVolumeFolder(folder, mountRoots) || attached.has(folder)) return;
    const info = await runCommand({ file: DISKUTIL, args: ['info', '-plist', folder] });
    if (stopped) return;
    // Network shares and folders that are not mounts make diskutil exit 1: not media.
    if (info.errorCode || info.exitCode !== 0) {
      if (info.errorCode) warn(info.errorCode, info.errorDetail ?? folder);
      else logger.debug({ folder }, 'diskutil knows no disk behind this folder.');
      return;
    }
    const device = removableVolumeFrom(info.stdout, folder);
    if (!device.ok) return warn(device.code, device.reason);
    if (!device.value) return;
    const files = watch(folder, { ignoreInitial: true, followSymlinks: false, awaitWriteFinish: { stabilityThreshold: 500 } });
    const volume: AttachedVolume = { device: device.value, files };
    attached.set(folder, volume);
    files.on('add', (filePath, stats) => void reportWrite(volume, folder, filePath, stats));
    files.on('change', (filePath, stats) => void reportWrite(volume, folder, filePath, stats));
    files.on('error', (error) => {
      const code = volumeWatchErrorCode(error);
      logger.warn({ code, err: error, folder }, code === 'COMMAND_FAILED' ? 'Watching files on a removable volume failed.' : ERRORS[code]);
    });
    emit(mediaAttached(volume.device));
  };

  const volumeGone = async (folder: string): Promise<void> => {
    const volume = attached.get(folder);
    if (!volume) return;
    attached.delete(folder);
    await volume.files.close();
    emit(mediaDetached(volume.device));
  };

  const start = async (): Promise<void> => {
    stopped = false;
    for (const root of mountRoots) {
      // Volumes already mounted when the agent starts are reported too.
      const watcher = watch(root, { depth: 0, ignoreInitial: false, followSymlinks: false });
      watcher.on('addDir', (folder) => void volumeAppeared(folder));
      watcher.on('unlinkDir', (folder) => void volumeGone(folder));
      watcher.on('error', (error) => logger.warn({ code: 'COMMAND_FAILED', err: error, root }, 'Watching the volumes folder failed.'));
      roots.push(watcher);
    }
  };

  const stop = async (): Promise<void> => {
    stopped = true;
    await Promise.all([...roots.splice(0).map((watcher) => watcher.close()), ...[...attached.values()].map((volume) => volume.files.close())]);
    attached.clear();
  };

  const watcher: Watcher = { start, stop };
  return watcher;
};
