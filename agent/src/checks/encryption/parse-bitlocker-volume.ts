// Get-BitLockerVolume (JSON from the agent's script, or Format-List text) →
// fixed volumes. Removable volumes (BitLocker To Go sticks) are removable media,
// not the device's disks, and are left out.
import { Tri } from '@invigilator/shared/wire.ts';
import { notParsed, parsed, type Parsed } from '../types.ts';
import { field, kebabCase, psBool, psEnum, psNumber, psString, readPsRecords, type PsRecord, type TriValue } from '../windows-json.ts';
import { bitlockerVolume, KNOWN_STATES, type EncryptedVolume } from './bitlocker-volume.ts';

// Microsoft.BitLocker.Structures enums, as ConvertTo-Json numbers them.
const VOLUME_STATUS = ['FullyDecrypted', 'FullyEncrypted', 'EncryptionInProgress', 'DecryptionInProgress', 'EncryptionPaused', 'DecryptionPaused'] as const;
const PROTECTION_STATUS = ['Off', 'On', 'Unknown'] as const;
const VOLUME_TYPE = ['OperatingSystem', 'Data', 'Removable'] as const;
const ENCRYPTION_METHOD = ['None', 'Aes128Diffuser', 'Aes256Diffuser', 'Aes128', 'Aes256', 'Hardware', 'XtsAes128', 'XtsAes256'] as const;
/** Win32_LogicalDisk.DriveType for removable drives; the agent's script adds it to each volume. */
const REMOVABLE_DRIVE_TYPE = 2;

const protectionOf = (value: unknown): TriValue | undefined => {
  const name = psEnum(value, PROTECTION_STATUS);
  if (name === 'On') return Tri.TRI_YES;
  if (name === 'Off') return Tri.TRI_NO;
  if (name === 'Unknown') return Tri.TRI_UNKNOWN;
  const flag = psBool(value);
  return flag === undefined ? undefined : flag ? Tri.TRI_YES : Tri.TRI_NO;
};

const isRemovable = (record: PsRecord): boolean =>
  psEnum(field(record, 'VolumeType'), VOLUME_TYPE) === 'Removable' || psNumber(field(record, 'DriveType')) === REMOVABLE_DRIVE_TYPE;

const volumeOf = (record: PsRecord): Parsed<EncryptedVolume> => {
  const name = psString(field(record, 'MountPoint'));
  const status = psEnum(field(record, 'VolumeStatus'), VOLUME_STATUS);
  const volumeType = psEnum(field(record, 'VolumeType'), VOLUME_TYPE);
  const protectionOn = protectionOf(field(record, 'ProtectionStatus'));
  const percent = psNumber(field(record, 'EncryptionPercentage'));
  if (!name || !status || !volumeType || protectionOn === undefined || percent === undefined) {
    return notParsed('OUTPUT_UNRECOGNISED',
      `Get-BitLockerVolume reported a volume the agent cannot read (MountPoint "${name}", VolumeStatus "${psString(field(record, 'VolumeStatus'))}", VolumeType "${psString(field(record, 'VolumeType'))}").`);
  }
  const state = kebabCase(status);
  if (!KNOWN_STATES.has(state)) return notParsed('OUTPUT_UNRECOGNISED', `Unknown BitLocker volume status "${status}".`);
  const method = psEnum(field(record, 'EncryptionMethod'), ENCRYPTION_METHOD);
  return parsed(bitlockerVolume({
    name,
    system: volumeType === 'OperatingSystem',
    state,
    percent,
    protectionOn,
    method: method === undefined || method === 'None' ? '' : kebabCase(method),
  }));
};

export const parseBitLockerVolumes = (text: string): Parsed<EncryptedVolume[]> => {
  const records = readPsRecords(text);
  if (!records.ok) return records;
  if (records.value.length === 0) return notParsed('OUTPUT_EMPTY', 'Get-BitLockerVolume listed no volumes.');
  const volumes: EncryptedVolume[] = [];
  for (const record of records.value) {
    if (isRemovable(record)) continue;
    const volume = volumeOf(record);
    if (!volume.ok) return volume;
    volumes.push(volume.value);
  }
  return parsed(volumes);
};
