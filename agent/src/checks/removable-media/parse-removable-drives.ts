// The agent's removable-drive script (Win32_LogicalDisk joined to its
// Win32_DiskDrive or Win32_CDROMDrive, and to Get-Disk's BusType) → removable
// devices. USB disks in enclosures call themselves fixed (DriveType 3), and UASP
// ones report SCSI to WMI, so the bus (BusType first) decides for those.
import { Tri } from '@invigilator/shared/wire.ts';
import type { invigilator } from '@invigilator/shared/generated/invigilator.js';
import { notParsed, parsed, type Parsed } from '../types.ts';
import { busTypeOf, isRemovableBus } from '../windows-bus-type.ts';
import { field, psNumber, psString, readPsRecords, type PsRecord } from '../windows-json.ts';

export type RemovableDevice = invigilator.v1.IRemovableDevice;

// Win32_LogicalDisk.DriveType
const REMOVABLE = 2;
const FIXED = 3;
const OPTICAL = 5;

/** Get-Disk's BusType first (UASP disks say SCSI to WMI but USB here), then WMI's own hints. */
const busOf = (driveType: number, busType: string, interfaceType: string, pnpDeviceId: string): string => {
  if (driveType === OPTICAL) return 'optical';
  if (busType === 'usb' || busType === 'sd') return busType;
  if (busType === 'mmc') return 'sd';
  if (/^USBSTOR\\/i.test(pnpDeviceId) || interfaceType.toUpperCase() === 'USB') return 'usb';
  if (/^SD\\/i.test(pnpDeviceId)) return 'sd';
  return busType || interfaceType.toLowerCase();
};

/** "USBSTOR\DISK&VEN_SANDISK&PROD_CRUZER_BLADE&..." → "SANDISK". */
const vendorOf = (pnpDeviceId: string): string => /VEN_([^&\\]+)/i.exec(pnpDeviceId)?.[1]?.replace(/_+/g, ' ').trim() ?? '';

const deviceOf = (record: PsRecord, driveType: number): RemovableDevice | undefined => {
  const drive = psString(field(record, 'DeviceID'));
  const pnpDeviceId = psString(field(record, 'PNPDeviceID'));
  const bus = busOf(driveType, busTypeOf(field(record, 'BusType')), psString(field(record, 'InterfaceType')), pnpDeviceId);
  const size = psNumber(field(record, 'Size'));
  // An optical drive without a disc in it, or a fixed disk inside the machine, is not removable media.
  if (driveType === OPTICAL && !size) return undefined;
  if (driveType === FIXED && !isRemovableBus(bus)) return undefined;
  return {
    vendor: vendorOf(pnpDeviceId),
    model: psString(field(record, 'Model')),
    serial: psString(field(record, 'SerialNumber')),
    sizeBytes: size ?? 0,
    filesystem: psString(field(record, 'FileSystem')),
    label: psString(field(record, 'VolumeName')),
    mountPoint: `${drive}\\`,
    bus,
    encrypted: Tri.TRI_UNKNOWN,
    device: drive,
  };
};

export const parseRemovableDrives = (text: string): Parsed<RemovableDevice[]> => {
  const records = readPsRecords(text);
  if (!records.ok) return records;
  const devices: RemovableDevice[] = [];
  for (const record of records.value) {
    const drive = psString(field(record, 'DeviceID'));
    const driveType = psNumber(field(record, 'DriveType'));
    if (!/^[A-Z]:$/i.test(drive) || driveType === undefined) {
      return notParsed('OUTPUT_UNRECOGNISED', `The drive list holds an entry the agent cannot read (DeviceID "${drive}", DriveType "${psString(field(record, 'DriveType'))}").`);
    }
    // Every entry lists these, empty or not; one that lacks them was cut off, and the drives after it with it.
    const missing = ['Size', 'VolumeName'].filter((name) => field(record, name) === undefined);
    if (missing.length > 0) {
      return notParsed('OUTPUT_TRUNCATED', `The entry for ${drive} stops before its ${missing.join(' and ')}: the drive list was cut off.`);
    }
    if (driveType !== REMOVABLE && driveType !== FIXED && driveType !== OPTICAL) continue;
    const device = deviceOf(record, driveType);
    if (device) devices.push(device);
  }
  return parsed(devices);
};
