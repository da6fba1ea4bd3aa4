// Removable media on Windows. The watcher lists attached drives with removableDrivesSource
// (USB sticks and card readers, USB disks that call themselves fixed, told apart by Get-Disk
// BusType since UASP enclosures report SCSI to WMI, and optical discs); the scheduled check
// reports whether removable storage is blocked.
import { CollectionStatus } from '@invigilator/shared/wire.ts';
import { findingFrom } from '../findings.ts';
import type { CommandSource, PlatformCheck } from '../types.ts';
import { parsePowerShellSource, powershellSource } from '../windows-powershell.ts';
import { READ_VALUES_FUNCTION } from '../windows-registry.ts';
import { parseRemovableStoragePolicy } from './parse-removable-storage-policy.ts';

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

export const REMOVABLE_STORAGE_POLICY_SOURCE = 'windows.removable-storage-policy';

const POLICIES = 'HKLM:\\SOFTWARE\\Policies\\Microsoft\\Windows\\RemovableStorageDevices';
const REMOVABLE_DISKS_CLASS = '{53f5630d-b6bf-11d0-94f2-00a0c91efb8b}';
const CD_DVD_CLASS = '{53f56308-b6bf-11d0-94f2-00a0c91efb8b}';

const REMOVABLE_STORAGE_POLICY_SCRIPT = [
  READ_VALUES_FUNCTION,
  '[pscustomobject]@{'
    + ` AllClasses = Read-Values '${POLICIES}' @('Deny_All');`
    + ` RemovableDisks = Read-Values '${POLICIES}\\${REMOVABLE_DISKS_CLASS}' @('Deny_Read', 'Deny_Write', 'Deny_Execute');`
    + ` CdDvd = Read-Values '${POLICIES}\\${CD_DVD_CLASS}' @('Deny_Read', 'Deny_Write');`
    + ' UsbStor = Read-Values \'HKLM:\\SYSTEM\\CurrentControlSet\\Services\\USBSTOR\' @(\'Start\');'
    + ' StorageDevicePolicies = Read-Values \'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\StorageDevicePolicies\' @(\'WriteProtect\') }',
].join('; ');

/**
 * Removable media as a posture: whether Group Policy or the disabled USB storage driver
 * blocks removable storage (or makes it read-only). Attached drives are the watcher's
 * misuse events, read with removableDrivesSource().
 */
export const check: PlatformCheck = {
  check: 'removable-media',
  platform: 'windows',
  sources: () => [powershellSource(REMOVABLE_STORAGE_POLICY_SOURCE, REMOVABLE_STORAGE_POLICY_SCRIPT)],
  interpret: (collected) => findingFrom(parsePowerShellSource(collected, REMOVABLE_STORAGE_POLICY_SOURCE, parseRemovableStoragePolicy),
    (removableMedia) => ({ status: CollectionStatus.COLLECTED, removableMedia })),
};
