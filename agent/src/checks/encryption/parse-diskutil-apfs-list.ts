// `diskutil apfs list -plist`: every APFS volume with its roles and encryption flags.
import { parsed, type Parsed } from '../types.ts';
import { arrayAt, boolAt, isDict, readPlistDict, stringAt } from '../../parsers/plist.ts';
import { unreadable } from '../../parsers/reasons.ts';

export const DISKUTIL_APFS_LIST_SOURCE = 'macos.diskutil-apfs-list';

export interface ApfsVolume {
  name: string;
  device: string;
  roles: string[];
  encrypted: boolean;
  fileVault: boolean;
  /** True while APFS converts the volume (FileVault being switched on or off). */
  cryptoMigration: boolean;
}

export const parseDiskutilApfsList = (text: string): Parsed<ApfsVolume[]> => {
  const root = readPlistDict(text, DISKUTIL_APFS_LIST_SOURCE);
  if (!root.ok) return root;
  const containers = arrayAt(root.value, 'Containers');
  if (!containers) return unreadable('OUTPUT_UNRECOGNISED', DISKUTIL_APFS_LIST_SOURCE, 'no "Containers" array');
  const volumes: ApfsVolume[] = [];
  for (const container of containers) {
    const entries = isDict(container) ? arrayAt(container, 'Volumes') : undefined;
    if (!entries) return unreadable('OUTPUT_UNRECOGNISED', DISKUTIL_APFS_LIST_SOURCE, 'a container has no "Volumes" array');
    for (const entry of entries) {
      if (!isDict(entry)) return unreadable('OUTPUT_UNRECOGNISED', DISKUTIL_APFS_LIST_SOURCE, 'a volume is not a dictionary');
      const name = stringAt(entry, 'Name');
      const device = stringAt(entry, 'DeviceIdentifier');
      const encrypted = boolAt(entry, 'Encryption');
      const fileVault = boolAt(entry, 'FileVault');
      const roles = arrayAt(entry, 'Roles');
      if (name === undefined || device === undefined || encrypted === undefined || fileVault === undefined || !roles) {
        return unreadable('OUTPUT_UNRECOGNISED', DISKUTIL_APFS_LIST_SOURCE, `volume ${device ?? name ?? '?'} lacks Name, DeviceIdentifier, Encryption, FileVault or Roles`);
      }
      volumes.push({
        name, device, encrypted, fileVault,
        roles: roles.filter((role): role is string => typeof role === 'string'),
        cryptoMigration: boolAt(entry, 'CryptoMigrationOn') ?? false,
      });
    }
  }
  return parsed(volumes);
};
