// BitLocker on Windows: Win32_EncryptableVolume (WMI numbers, the same in every
// display language, and VolumeType tells a stick apart), and `manage-bde -status`
// only when that failed or printed something unreadable.
import { CollectionStatus } from '@invigilator/shared/wire.ts';
import { findingFrom } from '../findings.ts';
import type { Collected, PlatformCheck, SourceSpec } from '../types.ts';
import {
  parsePowerShellFallback, parsePowerShellSource, POWERSHELL_TIMEOUT_MS, powershellSource, primaryOrFallback, selectProperties, system32Path,
} from '../windows-powershell.ts';
import { parseEncryptableVolumes } from './parse-encryptable-volume.ts';
import { parseManageBdeStatus } from './parse-manage-bde-status.ts';

export const ENCRYPTABLE_VOLUME_SOURCE = 'windows.win32-encryptablevolume';
export const MANAGE_BDE_SOURCE = 'windows.manage-bde-status';

// Key protectors are left out on purpose: they carry recovery passwords, which
// must never reach a bundle or a log. The bus of each lettered volume (Get-Disk
// BusType) tells a USB disk that calls itself fixed from an internal one; that
// lookup is best effort, so its cmdlets do not stop the script. Get-BitLockerVolume
// is not used: its warnings reach stdout and its "does not have a corresponding
// volume" error (a stick under the security baseline) would fail the check.
export const ENCRYPTABLE_VOLUME_SCRIPT = [
  '$busTypes = @{}',
  'Get-Partition -ErrorAction SilentlyContinue | Where-Object { [string]$_.DriveLetter -match \'^[A-Z]$\' } | ForEach-Object {'
    + ' $disk = Get-Disk -Number $_.DiskNumber -ErrorAction SilentlyContinue; $busTypes[[string]$_.DriveLetter + \':\'] = [string]$disk.BusType }',
  'Get-CimInstance -Namespace root/CIMV2/Security/MicrosoftVolumeEncryption -ClassName Win32_EncryptableVolume | ForEach-Object {'
    + ' $conversion = Invoke-CimMethod -InputObject $_ -MethodName GetConversionStatus -ErrorAction SilentlyContinue;'
    + ' $lock = Invoke-CimMethod -InputObject $_ -MethodName GetLockStatus -ErrorAction SilentlyContinue;'
    + ` [pscustomobject]@{ volume = ($_ | ${selectProperties('DriveLetter', 'DeviceID', 'VolumeType', 'ProtectionStatus', 'ConversionStatus', 'EncryptionMethod')});`
    + ` conversionStatus = ($conversion | ${selectProperties('ConversionStatus', 'EncryptionPercentage', 'ReturnValue')});`
    + ` lockStatus = ($lock | ${selectProperties('LockStatus', 'ReturnValue')}); BusType = $busTypes[[string]$_.DriveLetter] } }`,
].join('; ');

const manageBdeSource = (): SourceSpec => ({
  id: MANAGE_BDE_SOURCE, kind: 'command', file: system32Path('manage-bde.exe'), args: ['-status'], timeoutMs: POWERSHELL_TIMEOUT_MS,
});

const readVolumes = (collected: Collected) => parsePowerShellSource(collected, ENCRYPTABLE_VOLUME_SOURCE, parseEncryptableVolumes);

export const check: PlatformCheck = {
  check: 'encryption',
  platform: 'windows',
  sources(collected) {
    if (!collected.has(ENCRYPTABLE_VOLUME_SOURCE)) return [powershellSource(ENCRYPTABLE_VOLUME_SOURCE, ENCRYPTABLE_VOLUME_SCRIPT)];
    return readVolumes(collected).ok ? [] : [manageBdeSource()];
  },
  interpret(collected) {
    const result = primaryOrFallback(readVolumes(collected), parsePowerShellFallback(collected, MANAGE_BDE_SOURCE, parseManageBdeStatus));
    return findingFrom(result, (volumes) => ({ status: CollectionStatus.COLLECTED, encryption: { volumes } }));
  },
};
