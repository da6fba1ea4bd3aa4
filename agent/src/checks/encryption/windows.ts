// BitLocker on Windows: Get-BitLockerVolume, and `manage-bde -status` only when
// that cmdlet failed or printed something unreadable.
import { CollectionStatus } from '@invigilator/shared/wire.ts';
import { findingFrom, parseFallbackSource, parseSource } from '../findings.ts';
import type { Collected, PlatformCheck, SourceSpec } from '../types.ts';
import { POWERSHELL_TIMEOUT_MS, powershellSource, primaryOrFallback, system32Path } from '../windows-powershell.ts';
import { parseBitLockerVolumes } from './parse-bitlocker-volume.ts';
import { parseManageBdeStatus } from './parse-manage-bde-status.ts';

export const BITLOCKER_VOLUME_SOURCE = 'windows.get-bitlockervolume';
export const MANAGE_BDE_SOURCE = 'windows.manage-bde-status';

// Key protectors are left out on purpose: they carry recovery passwords, which
// must never reach a bundle or a log. DriveType tells removable sticks apart.
const BITLOCKER_SCRIPT = [
  '$driveTypes = @{}',
  'Get-CimInstance -ClassName Win32_LogicalDisk | ForEach-Object { $driveTypes[$_.DeviceID] = $_.DriveType }',
  'Get-BitLockerVolume | Select-Object MountPoint, VolumeType, VolumeStatus, ProtectionStatus, EncryptionPercentage, EncryptionMethod,'
    + ' @{ Name = \'DriveType\'; Expression = { $driveTypes[$_.MountPoint] } }',
].join('; ');

const bitlockerSource = (): SourceSpec => powershellSource(BITLOCKER_VOLUME_SOURCE, BITLOCKER_SCRIPT);
const manageBdeSource = (): SourceSpec => ({
  id: MANAGE_BDE_SOURCE, kind: 'command', file: system32Path('manage-bde.exe'), args: ['-status'], timeoutMs: POWERSHELL_TIMEOUT_MS,
});

const readBitLocker = (collected: Collected) => parseSource(collected, BITLOCKER_VOLUME_SOURCE, parseBitLockerVolumes);

export const check: PlatformCheck = {
  check: 'encryption',
  platform: 'windows',
  sources(collected) {
    if (!collected.has(BITLOCKER_VOLUME_SOURCE)) return [bitlockerSource()];
    return readBitLocker(collected).ok ? [] : [manageBdeSource()];
  },
  interpret(collected) {
    const result = primaryOrFallback(readBitLocker(collected), parseFallbackSource(collected, MANAGE_BDE_SOURCE, parseManageBdeStatus));
    return findingFrom(result, (volumes) => ({ status: CollectionStatus.COLLECTED, encryption: { volumes } }));
  },
};
