// Removable media attached now: every physical disk from `diskutil list -plist`
// (built-in SD card slots are internal disks, so "external" alone would miss them),
// `diskutil info` for each whole disk to tell removable from fixed, then for each
// volume of a removable disk (the APFS volumes of a stick's container included).
// Vendor and serial would need a join with system_profiler SPUSBDataType by BSD
// name, which is not done here.
import { CollectionStatus, type RemovableDevice } from '@invigilator/shared/wire.ts';
import { couldNotCollect, parseSource } from '../findings.ts';
import type { Collected, Finding, Parsed, PlatformCheck, SourceSpec } from '../types.ts';
import { DISKUTIL_LIST_SOURCE, parseDiskutilList, type ListedDisk } from './parse-diskutil-list.ts';
import { diskutilInfoSourceId, mediaKindOf, parseDiskutilInfo, removableDeviceOf, type DiskInfo } from './parse-diskutil-info.ts';

const DISKUTIL = '/usr/sbin/diskutil';

const listed = (collected: Collected): Parsed<ListedDisk[]> => parseSource(collected, DISKUTIL_LIST_SOURCE, parseDiskutilList);

const infoOf = (collected: Collected, device: string): Parsed<DiskInfo> => {
  const id = diskutilInfoSourceId(device);
  return parseSource(collected, id, (text) => parseDiskutilInfo(text, id));
};

const infoSource = (device: string): SourceSpec => ({ kind: 'command', id: diskutilInfoSourceId(device), file: DISKUTIL, args: ['info', '-plist', device] });

/** Removable, fixed, or why it cannot be told; undefined while the disk's info is not read yet. */
const kindOf = (collected: Collected, disk: ListedDisk) => {
  const whole = infoOf(collected, disk.device);
  return whole.ok ? { info: whole.value, kind: mediaKindOf(whole.value) } : undefined;
};

export const check: PlatformCheck = {
  check: 'removable-media',
  platform: 'macos',
  sources(collected): readonly SourceSpec[] {
    const list: SourceSpec = { kind: 'command', id: DISKUTIL_LIST_SOURCE, file: DISKUTIL, args: ['list', '-plist'] };
    const disks = collected.has(DISKUTIL_LIST_SOURCE) ? listed(collected) : undefined;
    if (!disks?.ok) return [list];
    // Every whole disk first; the volumes only of those that turn out removable.
    const wholeDisks = disks.value.map((disk) => infoSource(disk.device));
    const volumes = disks.value
      .filter((disk) => kindOf(collected, disk)?.kind === 'removable')
      .flatMap((disk) => disk.volumes.filter((device) => device !== disk.device).map(infoSource));
    return [list, ...wholeDisks, ...volumes];
  },
  interpret(collected): Finding {
    const disks = listed(collected);
    if (!disks.ok) return couldNotCollect(disks.code, disks.reason);
    const devices: RemovableDevice[] = [];
    for (const disk of disks.value) {
      const whole = infoOf(collected, disk.device);
      if (!whole.ok) return couldNotCollect(whole.code, whole.reason);
      const kind = mediaKindOf(whole.value);
      if (kind === 'unknown') return couldNotCollect('OUTPUT_UNRECOGNISED', `diskutil info for ${disk.device} does not say whether it is internal, external or removable.`);
      if (kind === 'fixed') continue;
      // One entry per volume (what gets mounted); a disk without partitions is its own entry.
      for (const device of disk.volumes) {
        const volume = device === disk.device ? whole : infoOf(collected, device);
        if (!volume.ok) return couldNotCollect(volume.code, volume.reason);
        devices.push(removableDeviceOf(volume.value, whole.value));
      }
    }
    return { status: CollectionStatus.COLLECTED, removableMedia: { devices } };
  },
};
