// `diskutil list -plist external physical`: the external disks and their partitions.
import { parsed, type Parsed } from '../types.ts';
import { arrayAt, isDict, readPlistDict, stringAt } from '../../parsers/plist.ts';
import { unreadable } from '../../parsers/reasons.ts';

export const DISKUTIL_LIST_EXTERNAL_SOURCE = 'macos.diskutil-list-external';

export interface ListedDisk {
  device: string;
  /** Partition identifiers (disk4s1…); empty for a disk with no partition map. */
  partitions: string[];
}

const BSD_NAME = /^disk\d+(?:s\d+)*$/;

export const parseDiskutilList = (text: string): Parsed<ListedDisk[]> => {
  const root = readPlistDict(text, DISKUTIL_LIST_EXTERNAL_SOURCE);
  if (!root.ok) return root;
  const entries = arrayAt(root.value, 'AllDisksAndPartitions');
  if (!entries) return unreadable('OUTPUT_UNRECOGNISED', DISKUTIL_LIST_EXTERNAL_SOURCE, 'no "AllDisksAndPartitions" array');
  const disks: ListedDisk[] = [];
  for (const entry of entries) {
    const device = isDict(entry) ? stringAt(entry, 'DeviceIdentifier') : undefined;
    if (!isDict(entry) || !device || !BSD_NAME.test(device)) return unreadable('OUTPUT_UNRECOGNISED', DISKUTIL_LIST_EXTERNAL_SOURCE, 'a disk has no valid DeviceIdentifier');
    const partitions: string[] = [];
    for (const partition of arrayAt(entry, 'Partitions') ?? []) {
      const id = isDict(partition) ? stringAt(partition, 'DeviceIdentifier') : undefined;
      if (!id || !BSD_NAME.test(id)) return unreadable('OUTPUT_UNRECOGNISED', DISKUTIL_LIST_EXTERNAL_SOURCE, `a partition of ${device} has no valid DeviceIdentifier`);
      partitions.push(id);
    }
    disks.push({ device, partitions });
  }
  return parsed(disks);
};
