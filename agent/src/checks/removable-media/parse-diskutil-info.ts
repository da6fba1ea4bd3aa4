// `diskutil info -plist <disk|volume>`: what one disk or volume is. Shared by the
// removable-media check and the /Volumes watcher, so both decide alike.
import { Tri, type RemovableDevice } from '@invigilator/shared/wire.ts';
import { parsed, type Parsed } from '../types.ts';
import { boolAt, numberAt, readPlistDict, stringAt, type PlistDict } from '../../parsers/plist.ts';
import { unreadable } from '../../parsers/reasons.ts';

export const diskutilInfoSourceId = (device: string): string => `macos.diskutil-info.${device}`;

export interface DiskInfo {
  device: string;
  internal: boolean | undefined;
  removable: boolean | undefined;
  removableMedia: boolean | undefined;
  ejectable: boolean | undefined;
  externalOrRemovable: boolean | undefined;
  bus: string;
  mediaName: string;
  volumeName: string;
  mountPoint: string;
  filesystem: string;
  sizeBytes: number;
  encrypted: boolean | undefined;
}

const encryptionOf = (dict: PlistDict): boolean | undefined => {
  const flags = ['Encryption', 'Encrypted', 'FileVault'].map((key) => boolAt(dict, key)).filter((flag) => flag !== undefined);
  return flags.length === 0 ? undefined : flags.some(Boolean);
};

export const parseDiskutilInfo = (text: string, source: string): Parsed<DiskInfo> => {
  const root = readPlistDict(text, source);
  if (!root.ok) return root;
  const dict = root.value;
  const device = stringAt(dict, 'DeviceIdentifier');
  if (!device) return unreadable('OUTPUT_UNRECOGNISED', source, 'no DeviceIdentifier');
  return parsed({
    device,
    internal: boolAt(dict, 'Internal'),
    removable: boolAt(dict, 'Removable'),
    removableMedia: boolAt(dict, 'RemovableMedia'),
    ejectable: boolAt(dict, 'Ejectable'),
    externalOrRemovable: boolAt(dict, 'RemovableMediaOrExternalDevice'),
    bus: stringAt(dict, 'BusProtocol') ?? '',
    mediaName: stringAt(dict, 'MediaName') ?? stringAt(dict, 'IORegistryEntryName') ?? '',
    volumeName: stringAt(dict, 'VolumeName') ?? '',
    mountPoint: stringAt(dict, 'MountPoint') ?? '',
    filesystem: stringAt(dict, 'FilesystemType') ?? '',
    sizeBytes: numberAt(dict, 'TotalSize') ?? numberAt(dict, 'Size') ?? 0,
    encrypted: encryptionOf(dict),
  });
};

export type MediaKind = 'removable' | 'fixed' | 'unknown';

// Disk images and network shares also appear in /Volumes; they are not media a pupil plugs in.
const NOT_MEDIA_BUSES = new Set(['disk image', 'virtual interface']);

/** Removable media: a USB/SD/external or removable-flagged disk; the boot disk is fixed. */
export const mediaKindOf = (info: DiskInfo): MediaKind => {
  if (NOT_MEDIA_BUSES.has(info.bus.toLowerCase())) return 'fixed';
  if (info.removable || info.removableMedia || info.ejectable || info.externalOrRemovable || info.internal === false) return 'removable';
  if (/^(usb|secure digital|sd)$/i.test(info.bus)) return 'removable';
  if (info.internal === true) return 'fixed';
  return 'unknown';
};

/** Bus names as the wire schema spells them (usb, sd, …). */
export const busName = (bus: string): string => {
  const lower = bus.toLowerCase();
  return lower === 'secure digital' ? 'sd' : lower;
};

const tri = (value: boolean | undefined): number => (value === undefined ? Tri.TRI_UNKNOWN : value ? Tri.TRI_YES : Tri.TRI_NO);

/** The wire form of one volume; the whole disk (when known) names the model and bus. */
export const removableDeviceOf = (volume: DiskInfo, disk: DiskInfo = volume): RemovableDevice => ({
  vendor: '',
  model: disk.mediaName,
  serial: '',
  sizeBytes: volume.sizeBytes,
  filesystem: volume.filesystem,
  label: volume.volumeName,
  mountPoint: volume.mountPoint,
  bus: busName(volume.bus || disk.bus),
  encrypted: tri(volume.encrypted),
  device: volume.device,
});
