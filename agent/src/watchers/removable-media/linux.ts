// Linux removable-media watcher. The kernel signals every change of the mount
// table; `findmnt --poll` turns each into a line as it happens, so a stick mounted
// for a second is reported attached AND detached, even when it is gone before it
// could be examined. /proc/self/mountinfo is read at start, whenever findmnt
// (re)starts, and every 30 s as a safety net. A mounted volume's files are
// watched one kernel watch per folder (never a list of every file), so a stick
// of 20,000 files costs the agent little memory.
import { stat } from 'node:fs/promises';
import path from 'node:path';
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
import { watchFolderTree, type FolderTreeWatch } from '../folder-tree-watch.ts';
import { startRestartingLineStream } from '../restarting-line-stream.ts';
import type { Watcher, WatcherFactory, WatcherOptions } from '../types.ts';
import { FINDMNT_POLL_ARGS, parseFindmntPollLine } from './parse-findmnt-poll.ts';
import { fileWritten, mediaAttached, mediaDetached, safeEmit } from './volume-misuse-events.ts';

export interface LinuxWatcherTiming {
  /** How often mountinfo is read as a safety net besides findmnt's notifications. */
  pollMs: number;
  /** How long a file must stop growing before its write is reported. */
  writeStableMs: number;
  /** Longest wait for the folders of a newly mounted volume to be watched before reporting it. */
  readyWaitMs: number;
}

const DEFAULT_TIMING: LinuxWatcherTiming = { pollMs: 30_000, writeStableMs: 500, readyWaitMs: 5_000 };
const WHO = '/usr/bin/who';
const FINDMNT = '/usr/bin/findmnt';
/** Folder levels watched on a volume: deep enough for any real copy, bounded against a pathological tree. */
const MAX_FOLDER_DEPTH = 32;

interface AttachedVolume {
  device: RemovableDevice;
  user: string;
  files: FolderTreeWatch | null;
}

export const createLinuxWatcher = (options: WatcherOptions, timing: LinuxWatcherTiming = DEFAULT_TIMING): Watcher => {
  const { logger, mountRoots } = options;
  const attached = new Map<string, AttachedVolume>();
  let pollTimer: NodeJS.Timeout | null = null;
  let monitor: { stop(): void } | null = null;
  let stopped = true;
  // Mount changes, scans and detaches run one at a time, in the order the kernel reported them.
  let queue: Promise<void> = Promise.resolve();

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

  // Resolves once every folder of the volume is watched (or after readyWaitMs on a very full
  // stick), so that a file written right after MEDIA_ATTACHED is not taken for an existing one.
  const watchFiles = async (volume: AttachedVolume): Promise<FolderTreeWatch> => {
    const files = watchFolderTree({
      root: volume.device.mountPoint!, maxDepth: MAX_FOLDER_DEPTH, stableMs: timing.writeStableMs,
      onFile: (filePath, stats) => {
        reportWrite(volume, filePath, stats).catch((error: unknown) =>
          warn('COMMAND_FAILED', `could not read ${filePath}: ${(error as Error).message}`));
      },
      onError: (error, folder) => warn('COMMAND_FAILED', `watching ${folder}: ${error.message}`),
    });
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([files.ready, new Promise((resolve) => { timer = setTimeout(resolve, timing.readyWaitMs); })]);
    clearTimeout(timer);
    return files;
  };

  /** Reports the volume at once, then watches its files; one already gone again is still reported attached. */
  const attach = async (mount: MountEntry, allMounts: readonly MountEntry[]): Promise<void> => {
    const volume: AttachedVolume = { device: { device: mount.source, mountPoint: mount.mountPoint }, user: '', files: null };
    attached.set(mount.mountPoint, volume);
    volume.device = await describeMount(mount, allMounts);
    volume.user = await userFor(mount.mountPoint);
    if (stopped) return;
    volume.files = await watchFiles(volume);
    if (stopped) {
      volume.files.close();
      return;
    }
    logger.info({ device: volume.device.device, mountPoint: mount.mountPoint }, 'Removable volume attached.');
    emit(mediaAttached(volume.device, volume.user));
  };

  const detach = (mountPoint: string, volume: AttachedVolume): void => {
    attached.delete(mountPoint);
    volume.files?.close();
    logger.info({ device: volume.device.device, mountPoint }, 'Removable volume detached.');
    emit(mediaDetached(volume.device, volume.user));
  };

  const scanOnce = async (): Promise<void> => {
    const mounts = await currentMounts();
    if (!mounts || stopped) return;
    const present = new Set(mounts.map((mount) => mount.mountPoint));
    for (const [mountPoint, volume] of [...attached]) {
      if (!present.has(mountPoint)) detach(mountPoint, volume);
    }
    for (const mount of mounts) {
      if (!attached.has(mount.mountPoint) && !stopped) await attach(mount, mounts);
    }
  };

  /** Runs `work` after everything queued before it; a failure is logged and the queue goes on. */
  const inTurn = (work: () => Promise<void> | void): Promise<void> => {
    queue = queue.then(async () => {
      if (stopped) return;
      try {
        await work();
      } catch (error) {
        logger.error({ code: 'INTERNAL', err: error }, 'Handling a removable volume failed; the next change or scan tries again.');
      }
    });
    return queue;
  };

  const scan = (): Promise<void> => inTurn(scanOnce);

  const onMountLine = (line: string): void => {
    const change = parseFindmntPollLine(line);
    if (!change.ok) return warn(change.code, change.reason);
    const { action, mountPoint, source, fsType } = change.value;
    if (!isUnderMountRoot(mountPoint, mountRoots)) return;
    if (action === 'mount') {
      void inTurn(async () => {
        if (attached.has(mountPoint)) return;
        // The table as it is now helps describe the volume; the volume itself comes from the
        // notification, so one already unmounted again is still reported.
        const mounts = (await currentMounts()) ?? [];
        const entry = mounts.find((mount) => mount.mountPoint === mountPoint)
          ?? { mountId: 0, parentId: 0, majorMinor: '', root: '/', mountPoint, fsType, source };
        await attach(entry, mounts);
      });
    } else if (action === 'umount') {
      void inTurn(() => {
        const volume = attached.get(mountPoint);
        if (volume) detach(mountPoint, volume);
      });
    } else {
      void scan();
    }
  };

  return {
    async start(): Promise<void> {
      if (!stopped) return;
      stopped = false;
      // Volumes already mounted at start are reported as attached too; findmnt's restarts rescan.
      monitor = startRestartingLineStream({
        file: FINDMNT, args: FINDMNT_POLL_ARGS, logger, what: 'The mount-table monitor (findmnt --poll)',
        onLine: onMountLine, onStart: () => void scan(),
      });
      await scan();
      pollTimer = setInterval(() => void scan(), timing.pollMs);
    },
    async stop(): Promise<void> {
      stopped = true;
      if (pollTimer) clearInterval(pollTimer);
      pollTimer = null;
      monitor?.stop();
      monitor = null;
      await queue;
      for (const volume of attached.values()) volume.files?.close();
      attached.clear();
    },
  };
};

export const createWatcher: WatcherFactory = (options) => createLinuxWatcher(options);
