// Pure halves of the macOS watcher: which folders in /Volumes are new volumes,
// whether `diskutil info -plist` describes removable media, and the events.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { MisuseKind, type MisuseEvent, type RemovableDevice } from '@invigilator/shared/wire.ts';
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

export const attachedEvent = (device: RemovableDevice): MisuseEvent => ({ kind: MisuseKind.MEDIA_ATTACHED, device });
export const detachedEvent = (device: RemovableDevice): MisuseEvent => ({ kind: MisuseKind.MEDIA_DETACHED, device });

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** A file written on the volume; names (and folders) become SHA-256 when policy says so. */
export const fileWrittenEvent = (device: RemovableDevice, volumeRoot: string, filePath: string, sizeBytes: number, hashFileNames: boolean): MisuseEvent => {
  const relativeDir = path.relative(volumeRoot, path.dirname(filePath));
  const name = path.basename(filePath);
  const file = hashFileNames
    ? { name: '', nameSha256: sha256(name), sizeBytes, relativeDir: relativeDir === '' ? '' : sha256(relativeDir) }
    : { name, sizeBytes, relativeDir };
  return { kind: MisuseKind.FILE_WRITTEN, device, file };
};
