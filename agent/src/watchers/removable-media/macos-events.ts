// Pure halves of the macOS watcher: which folders in /Volumes are new volumes,
// and whether `diskutil info -plist` describes removable media. The events
// themselves come from volume-misuse-events.ts, as on every platform.
import path from 'node:path';
import type { ErrorCode } from '@invigilator/shared/errors.ts';
import type { RemovableDevice } from '@invigilator/shared/wire.ts';
import { mediaKindOf, parseDiskutilInfo, removableDeviceOf } from '../../checks/removable-media/parse-diskutil-info.ts';
import { parsed, type Parsed } from '../../checks/types.ts';

export const WATCHER_DISKUTIL_SOURCE = 'macos.watcher-diskutil-info';

/** A direct child of a mount root (/Volumes/STICK), not the root or anything deeper. */
export const isVolumeFolder = (folder: string, mountRoots: readonly string[]): boolean =>
  mountRoots.some((root) => path.dirname(path.resolve(folder)) === path.resolve(root));

/**
 * The removable device behind `diskutil info -plist <volume>`, or null when it is
 * not removable media (the boot volume's link in /Volumes, disk images). Output
 * that says neither is a coded error, so the watcher logs it instead of guessing.
 */
export const removableVolumeFrom = (diskutilInfo: string, mountPoint: string): Parsed<RemovableDevice | null> => {
  const info = parseDiskutilInfo(diskutilInfo, WATCHER_DISKUTIL_SOURCE);
  if (!info.ok) return info;
  const kind = mediaKindOf(info.value);
  if (kind === 'unknown') return { ok: false, code: 'OUTPUT_UNRECOGNISED', reason: `diskutil info for ${mountPoint} does not say whether it is internal, external or removable.` };
  if (kind === 'fixed') return parsed(null);
  const device = removableDeviceOf(info.value);
  return parsed({ ...device, mountPoint: device.mountPoint || mountPoint });
};

/**
 * Why watching a volume's files failed. A launch daemon is refused removable volumes
 * by macOS privacy protection (TCC) unless an MDM profile grants it access: that is
 * said as such, so the technician knows it is a missing profile, not a broken agent.
 */
export const volumeWatchErrorCode = (error: unknown): ErrorCode => {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'EPERM' || code === 'EACCES' ? 'REMOVABLE_VOLUME_NOT_PERMITTED' : 'COMMAND_FAILED';
};
