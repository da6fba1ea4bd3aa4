// `diskutil list -plist`: every disk and its partitions. Physical disks are listed
// with their partitions; an APFS container (a synthesized disk) is listed apart,
// naming the partition that stores it (APFSPhysicalStores) and its volumes. An
// APFS-formatted stick's volumes live on such a container, so they are joined back
// to the physical disk here.
import { parsed, type Parsed } from '../types.ts';
import { arrayAt, isDict, readPlistDict, stringAt, type PlistDict } from '../../parsers/plist.ts';
import { unreadable } from '../../parsers/reasons.ts';

export const DISKUTIL_LIST_SOURCE = 'macos.diskutil-list';

export interface ListedDisk {
  device: string;
  /** What to report for this disk if it is removable: its partitions, or the APFS volumes stored on them. */
  volumes: string[];
}

const BSD_NAME = /^disk\d+(?:s\d+)*$/;

type Entry = { device: string; partitions: string[]; stores: string[]; apfsVolumes: string[] };

const identifiers = (entry: PlistDict, key: string): string[] | undefined => {
  const ids: string[] = [];
  for (const item of arrayAt(entry, key) ?? []) {
    const id = isDict(item) ? stringAt(item, 'DeviceIdentifier') : undefined;
    if (!id || !BSD_NAME.test(id)) return undefined;
    ids.push(id);
  }
  return ids;
};

/** Whole physical disks, each with the volumes that would be mounted from it. */
export const parseDiskutilList = (text: string): Parsed<ListedDisk[]> => {
  const root = readPlistDict(text, DISKUTIL_LIST_SOURCE);
  if (!root.ok) return root;
  const items = arrayAt(root.value, 'AllDisksAndPartitions');
  if (!items) return unreadable('OUTPUT_UNRECOGNISED', DISKUTIL_LIST_SOURCE, 'no "AllDisksAndPartitions" array');
  const entries: Entry[] = [];
  for (const item of items) {
    const device = isDict(item) ? stringAt(item, 'DeviceIdentifier') : undefined;
    if (!isDict(item) || !device || !BSD_NAME.test(device)) return unreadable('OUTPUT_UNRECOGNISED', DISKUTIL_LIST_SOURCE, 'a disk has no valid DeviceIdentifier');
    const partitions = identifiers(item, 'Partitions');
    const stores = identifiers(item, 'APFSPhysicalStores');
    const apfsVolumes = identifiers(item, 'APFSVolumes');
    if (!partitions || !stores || !apfsVolumes) return unreadable('OUTPUT_UNRECOGNISED', DISKUTIL_LIST_SOURCE, `a partition or volume of ${device} has no valid DeviceIdentifier`);
    entries.push({ device, partitions, stores, apfsVolumes });
  }
  const containers = entries.filter((entry) => entry.stores.length > 0);
  const disks: ListedDisk[] = [];
  for (const entry of entries.filter((candidate) => candidate.stores.length === 0)) {
    const volumes: string[] = [];
    // A disk without a partition map is its own volume (or stores a container itself).
    for (const partition of entry.partitions.length > 0 ? entry.partitions : [entry.device]) {
      const container = containers.find((candidate) => candidate.stores.includes(partition));
      volumes.push(...(container ? container.apfsVolumes : [partition]));
    }
    disks.push({ device: entry.device, volumes: volumes.length > 0 ? volumes : [entry.device] });
  }
  return parsed(disks);
};
