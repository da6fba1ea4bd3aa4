// MSFT_Disk.BusType (Get-Disk), the storage bus a disk hangs off, written as its
// name by the agent's scripts ([string] cast) or as its number by ConvertTo-Json.
// USB disks in UASP enclosures report SCSI to Win32_DiskDrive; BusType says USB.
import { psEnum } from './windows-json.ts';

const BUS_TYPES: Readonly<Record<number, string>> = {
  0: 'Unknown', 1: 'SCSI', 2: 'ATAPI', 3: 'ATA', 4: '1394', 5: 'SSA', 6: 'Fibre Channel', 7: 'USB', 8: 'RAID', 9: 'iSCSI',
  10: 'SAS', 11: 'SATA', 12: 'SD', 13: 'MMC', 14: 'Virtual', 15: 'File Backed Virtual', 16: 'Storage Spaces', 17: 'NVMe',
};

/** The bus name in lower case ("usb", "nvme"), or "" when not given or not known. */
export const busTypeOf = (value: unknown): string => psEnum(value, BUS_TYPES)?.toLowerCase() ?? '';

/** Buses a pupil can unplug a disk from: USB, and SD/MMC card slots. */
export const isRemovableBus = (bus: string): boolean => bus === 'usb' || bus === 'sd' || bus === 'mmc';
