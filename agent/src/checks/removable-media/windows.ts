// Removable media on Windows at the moment of the check: USB sticks and card
// readers (DriveType 2), USB disks that call themselves fixed (told apart by
// Get-Disk BusType: UASP enclosures report SCSI to WMI), and optical discs.
// The watcher runs the same script when a volume arrives.
import { CollectionStatus } from '@invigilator/shared/wire.ts';
import { findingFrom } from '../findings.ts';
import type { CommandSource, PlatformCheck } from '../types.ts';
import { parsePowerShellSource, powershellSource } from '../windows-powershell.ts';
import { parseRemovableDrives } from './parse-removable-drives.ts';

export const REMOVABLE_DRIVES_SOURCE = 'windows.removable-drives';

// A CD drive without a letter has no Drive; the bus lookup is best effort (Storage
// module cmdlets), so neither may stop the script.
export const REMOVABLE_DRIVES_SCRIPT = [
  '$cdroms = @{}; Get-CimInstance -ClassName Win32_CDROMDrive | Where-Object { $_.Drive } | ForEach-Object { $cdroms[[string]$_.Drive] = $_ }',
  '$busTypes = @{}; Get-Disk -ErrorAction SilentlyContinue | ForEach-Object { $busTypes[[string]$_.Number] = [string]$_.BusType }',
  'Get-CimInstance -ClassName Win32_LogicalDisk -Filter \'DriveType = 2 OR DriveType = 3 OR DriveType = 5\' | ForEach-Object {'
    + ' $disk = $_;'
    + ' $drive = if ($disk.DriveType -eq 5) { $cdroms[$disk.DeviceID] } else { $disk | Get-CimAssociatedInstance -ResultClassName Win32_DiskPartition'
    + ' | Get-CimAssociatedInstance -ResultClassName Win32_DiskDrive | Select-Object -First 1 };'
    + ' [pscustomobject]@{ DeviceID = $disk.DeviceID; DriveType = $disk.DriveType; VolumeName = $disk.VolumeName; FileSystem = $disk.FileSystem;'
    + ' Size = $disk.Size; InterfaceType = [string]$drive.InterfaceType; Model = [string]$(if ($drive.Model) { $drive.Model } else { $drive.Name });'
    + ' SerialNumber = [string]$drive.SerialNumber; PNPDeviceID = [string]$drive.PNPDeviceID;'
    + ' BusType = $(if ($disk.DriveType -eq 5 -or $null -eq $drive.Index) { \'\' } else { $busTypes[[string]$drive.Index] }) } }',
].join('; ');

export const removableDrivesSource = (): CommandSource => powershellSource(REMOVABLE_DRIVES_SOURCE, REMOVABLE_DRIVES_SCRIPT);

export const check: PlatformCheck = {
  check: 'removable-media',
  platform: 'windows',
  sources: () => [removableDrivesSource()],
  interpret: (collected) => {
    // No removable drive prints nothing: an empty list, not an error.
    return findingFrom(parsePowerShellSource(collected, REMOVABLE_DRIVES_SOURCE, parseRemovableDrives, { allowEmpty: true }),
      (devices) => ({ status: CollectionStatus.COLLECTED, removableMedia: { devices } }));
  },
};
