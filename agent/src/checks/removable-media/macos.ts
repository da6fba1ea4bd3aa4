// Removable media attached now: external physical disks from `diskutil list`, then
// `diskutil info` for each disk and partition. Vendor and serial would need a join
// with system_profiler SPUSBDataType by BSD name, which is not done here.
import { CollectionStatus, type RemovableDevice } from '@invigilator/shared/wire.ts';
import { couldNotCollect, parseSource } from '../findings.ts';
import type { Collected, Finding, Parsed, PlatformCheck, SourceSpec } from '../types.ts';
import { DISKUTIL_LIST_EXTERNAL_SOURCE, parseDiskutilList, type ListedDisk } from './parse-diskutil-list.ts';
import { diskutilInfoSourceId, mediaKindOf, parseDiskutilInfo, removableDeviceOf, type DiskInfo } from './parse-diskutil-info.ts';

const DISKUTIL = '/usr/sbin/diskutil';

const listed = (collected: Collected): Parsed<ListedDisk[]> => parseSource(collected, DISKUTIL_LIST_EXTERNAL_SOURCE, parseDiskutilList);

const infoOf = (collected: Collected, device: string): Parsed<DiskInfo> => {
  const id = diskutilInfoSourceId(device);
  return parseSource(collected, id, (text) => parseDiskutilInfo(text, id));
};

export const check: PlatformCheck = {
  check: 'removable-media',
  platform: 'macos',
  sources(collected): readonly SourceSpec[] {
    const list: SourceSpec = { kind: 'command', id: DISKUTIL_LIST_EXTERNAL_SOURCE, file: DISKUTIL, args: ['list', '-plist', 'external', 'physical'] };
    const disks = collected.has(DISKUTIL_LIST_EXTERNAL_SOURCE) ? listed(collected) : undefined;
    if (!disks?.ok) return [list];
    const devices = disks.value.flatMap((disk) => [disk.device, ...disk.partitions]);
    return [list, ...devices.map((device): SourceSpec => ({ kind: 'command', id: diskutilInfoSourceId(device), file: DISKUTIL, args: ['info', '-plist', device] }))];
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
      // One entry per partition (what gets mounted); a disk without partitions is its own entry.
      const volumes = disk.partitions.length === 0 ? [disk.device] : disk.partitions;
      for (const device of volumes) {
        const volume = device === disk.device ? whole : infoOf(collected, device);
        if (!volume.ok) return couldNotCollect(volume.code, volume.reason);
        devices.push(removableDeviceOf(volume.value, whole.value));
      }
    }
    return { status: CollectionStatus.COLLECTED, removableMedia: { devices } };
  },
};
