// Linux removable-media watcher. Mounts under the mount roots are found by reading
// /proc/self/mountinfo: on every change chokidar sees in the roots (shallow: the
// <user> and <label> folders only) and every few seconds, because a mount over an
// existing empty folder changes no directory entry. Each mounted volume's own files
// are watched recursively (it is the stick, not the whole disk) for writes.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import type { Stats } from 'node:fs';
import { ERRORS, type ErrorCode } from '@invigilator/shared/errors.ts';
import type { RemovableDevice } from '@invigilator/shared/wire.ts';
import { readSourceFile, runCommand } from '../../exec.ts';
import { isUnderMountRoot, userFromMountPoint } from '../../checks/linux-block/mount-roots.ts';
import { parseBlkidExport, BLKID_NOTHING_FOUND_EXIT } from '../../checks/linux-block/parse-blkid.ts';
import { parseLsblkJson, nodesForDevicePath } from '../../checks/linux-block/parse-lsblk.ts';
import { parseMountinfo, type MountEntry } from '../../checks/linux-block/parse-mountinfo.ts';
import { describeRemovableVolumes } from '../../checks/removable-media/linux-devices.ts';
import { LSBLK_REMOVABLE_SOURCE, MOUNTINFO_SOURCE, blkidSource } from '../../checks/removable-media/linux.ts';
import { firstLoggedInUser } from '../../checks/removable-media/parse-who.ts';
import type { Watcher, WatcherFactory, WatcherOptions } from '../types.ts';
import { fileWritten, mediaAttached, mediaDetached, safeEmit } from './volume-misuse-events.ts';

export interface LinuxWatcherTiming {
  /** How often mountinfo is read even when chokidar saw nothing. */
  pollMs: number;
  /** Quiet time after a folder event before mountinfo is read. */
  settleMs: number;
  /** How long a file must stop growing before its write is reported. */
  writeStableMs: number;
  /** Longest wait for the first read of a newly mounted volume before reporting it. */
  readyWaitMs: number;
}

const DEFAULT_TIMING: LinuxWatcherTiming = { pollMs: 2_000, settleMs: 250, writeStableMs: 500, readyWaitMs: 5_000 };
const WHO = '/usr/bin/who';

interface AttachedVolume {
  device: RemovableDevice;
  user: string;
  files: FSWatcher | null;
}

export const createLinuxWatcher = (options: WatcherOptions, timing: LinuxWatcherTiming = DEFAULT_TIMING): Watcher => {
  const { logger, mountRoots } = options;
  const attached = new Map<string, AttachedVolume>();
  const rootWatchers: FSWatcher[] = [];
  let pollTimer: NodeJS.Timeout | null = null;
  let settleTimer: NodeJS.Timeout | null = null;
  let stopped = true;
  let scanning: Promise<void> | null = null;
  let scanAgain = false;

  const warn = (code: ErrorCode, detail: string, extra: Record<string, unknown> = {}): void => {
    logger.warn({ code, ...extra }, `${ERRORS[code]} (${detail})`);
  };

  const emit = safeEmit(options.emit, logger);

  const currentMounts = async (): Promise<MountEntry[] | null> => {
    const raw = await readSourceFile({ path: MOUNTINFO_SOURCE.path });
    if (raw.errorCode) {
      warn(raw.errorCode, raw.errorDetail ?? MOUNTINFO_SOURCE.path);
      return null;
    }
    const mounts = parseMountinfo(raw.stdout, MOUNTINFO_SOURCE.id);
    if (!mounts.ok) {
      warn(mounts.code, mounts.reason);
      return null;
    }
    return mounts.value.filter((mount) => isUnderMountRoot(mount.mountPoint, mountRoots));
  };

  // Details come from the same description the snapshot check gives; what the
  // mount table says is the fallback when lsblk cannot run.
  const describeMount = async (mount: MountEntry, allMounts: readonly MountEntry[]): Promise<RemovableDevice> => {
    const fallback: RemovableDevice = { device: mount.source, filesystem: mount.fsType, mountPoint: mount.mountPoint };
    const lsblk = await runCommand({ file: LSBLK_REMOVABLE_SOURCE.file, args: LSBLK_REMOVABLE_SOURCE.args });
    const nodes = lsblk.errorCode || lsblk.exitCode !== 0 ? null : parseLsblkJson(lsblk.stdout, LSBLK_REMOVABLE_SOURCE.id);
    if (!nodes?.ok) {
      warn(lsblk.errorCode ?? (nodes && !nodes.ok ? nodes.code : 'COMMAND_FAILED'), `lsblk for ${mount.source}`, { mountPoint: mount.mountPoint });
      return fallback;
    }
    const kname = nodesForDevicePath(nodes.value, mount.source)[0]?.kname;
    const probed = new Map<string, Record<string, string>>();
    if (kname) {
      const spec = blkidSource(kname);
      const blkid = await runCommand({ file: spec.file, args: spec.args });
      if (blkid.errorCode || (blkid.exitCode !== 0 && blkid.exitCode !== BLKID_NOTHING_FOUND_EXIT)) warn(blkid.errorCode ?? 'COMMAND_FAILED', `blkid ${kname}`);
      else probed.set(kname, { ...parseBlkidExport(blkid.stdout) });
    }
    const described = describeRemovableVolumes(nodes.value, allMounts, mountRoots, probed)
      .find((device) => device.device === `/dev/${kname}` || device.mountPoint === mount.mountPoint);
    return described ? { ...described, mountPoint: mount.mountPoint } : fallback;
  };

  const userFor = async (mountPoint: string): Promise<string> => {
    const fromPath = userFromMountPoint(mountPoint, mountRoots);
    if (fromPath) return fromPath;
    const who = await runCommand({ file: WHO, args: [] });
    if (who.errorCode) warn(who.errorCode, who.errorDetail ?? WHO);
    return firstLoggedInUser(who.stdout) ?? '';
  };

  const reportWrite = async (volume: AttachedVolume, filePath: string, stats?: Stats): Promise<void> => {
    const size = stats?.size ?? (await stat(filePath)).size;
    const event = fileWritten(volume.device, volume.device.mountPoint!, filePath, size, options.hashFileNames, path.posix);
    emit({ ...event, user: volume.user });
  };

  // Resolves once chokidar has read the volume (or after readyWaitMs on a very full stick),
  // so that a file written right after MEDIA_ATTACHED is not taken for an existing one.
  const watchFiles = (volume: AttachedVolume): Promise<FSWatcher> => {
    const files = watch(volume.device.mountPoint!, {
      ignoreInitial: true,
      followSymlinks: false,
      ignorePermissionErrors: true,
      alwaysStat: true,
      awaitWriteFinish: { stabilityThreshold: timing.writeStableMs, pollInterval: 100 },
    });
    const onWrite = (filePath: string, stats?: Stats): void => {
      reportWrite(volume, filePath, stats).catch((error: unknown) =>
        warn('COMMAND_FAILED', `could not read ${filePath}: ${(error as Error).message}`));
    };
    files.on('add', onWrite).on('change', onWrite)
      .on('error', (error) => warn('COMMAND_FAILED', `watching ${volume.device.mountPoint}: ${String(error)}`));
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(files), timing.readyWaitMs);
      files.once('ready', () => {
        clearTimeout(timer);
        resolve(files);
      });
    });
  };

  const attach = async (mount: MountEntry, allMounts: readonly MountEntry[]): Promise<void> => {
    const volume: AttachedVolume = { device: { device: mount.source, mountPoint: mount.mountPoint }, user: '', files: null };
    attached.set(mount.mountPoint, volume);
    volume.device = await describeMount(mount, allMounts);
    volume.user = await userFor(mount.mountPoint);
    if (stopped || attached.get(mount.mountPoint) !== volume) return;
    volume.files = await watchFiles(volume);
    if (stopped) {
      await volume.files.close();
      return;
    }
    logger.info({ device: volume.device.device, mountPoint: mount.mountPoint }, 'Removable volume attached.');
    emit(mediaAttached(volume.device, volume.user));
  };

  const detach = async (mountPoint: string, volume: AttachedVolume): Promise<void> => {
    attached.delete(mountPoint);
    await volume.files?.close();
    logger.info({ device: volume.device.device, mountPoint }, 'Removable volume detached.');
    emit(mediaDetached(volume.device, volume.user));
  };

  const scanOnce = async (): Promise<void> => {
    const mounts = await currentMounts();
    if (!mounts || stopped) return;
    const present = new Set(mounts.map((mount) => mount.mountPoint));
    for (const [mountPoint, volume] of [...attached]) {
      if (!present.has(mountPoint)) await detach(mountPoint, volume);
    }
    for (const mount of mounts) {
      if (!attached.has(mount.mountPoint) && !stopped) await attach(mount, mounts);
    }
  };

  // One scan at a time; a request during a scan runs one more afterwards.
  const scan = (): Promise<void> => {
    if (scanning) {
      scanAgain = true;
      return scanning;
    }
    scanning = (async () => {
      do {
        scanAgain = false;
        try {
          await scanOnce();
        } catch (error) {
          logger.error({ code: 'INTERNAL', err: error }, 'Looking for removable volumes failed; trying again at the next poll.');
        }
      } while (scanAgain && !stopped);
      scanning = null;
    })();
    return scanning;
  };

  const scanSoon = (): void => {
    if (settleTimer) clearTimeout(settleTimer);
    settleTimer = setTimeout(() => {
      settleTimer = null;
      void scan();
    }, timing.settleMs);
  };

  const watchRoots = async (): Promise<void> => {
    for (const root of mountRoots) {
      const exists = await stat(root).then((found) => found.isDirectory(), () => false);
      if (!exists) continue; // the mountinfo poll still sees mounts made there later
      // depth 1: <root>/<user>/<label> folders appear, nothing inside a mounted volume is read.
      const rootWatcher = watch(root, { ignoreInitial: true, depth: 1, followSymlinks: false, ignorePermissionErrors: true });
      rootWatcher.on('addDir', scanSoon).on('unlinkDir', scanSoon)
        .on('error', (error) => warn('COMMAND_FAILED', `watching ${root}: ${String(error)}`));
      rootWatchers.push(rootWatcher);
    }
  };

  return {
    async start(): Promise<void> {
      if (!stopped) return;
      stopped = false;
      await watchRoots();
      await scan(); // volumes already mounted at start are reported as attached too
      pollTimer = setInterval(() => void scan(), timing.pollMs);
    },
    async stop(): Promise<void> {
      stopped = true;
      if (pollTimer) clearInterval(pollTimer);
      if (settleTimer) clearTimeout(settleTimer);
      pollTimer = null;
      settleTimer = null;
      await scanning;
      const closing = [...rootWatchers.splice(0), ...[...attached.values()].map((volume) => volume.files)];
      attached.clear();
      await Promise.all(closing.map((watcher) => watcher?.close()));
    },
  };
};

export const createWatcher: WatcherFactory = (options) => createLinuxWatcher(options);
