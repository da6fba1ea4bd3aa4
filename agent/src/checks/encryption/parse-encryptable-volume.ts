// Win32_EncryptableVolume (root/CIMV2/Security/MicrosoftVolumeEncryption) with
// its GetConversionStatus() and GetLockStatus() answers, as the agent's script
// prints them: one record per volume, {volume, conversionStatus, lockStatus,
// BusType}. The numbers are WMI's own, the same in every display language.
// Removable volumes, and volumes on a USB or SD bus (UASP disks call themselves
// fixed), are removable media, not the device's disks, and are left out; so are
// data volumes without a drive letter (recovery and OEM partitions).
import { Tri } from '@invigilator/shared/wire.ts';
import { notParsed, parsed, type Parsed } from '../types.ts';
import { field, kebabCase, psEnum, psNumber, psString, readPsRecords, type PsRecord, type TriValue } from '../windows-json.ts';
import { busTypeOf, isRemovableBus } from '../windows-bus-type.ts';
import { bitlockerVolume, KNOWN_STATES, type EncryptedVolume } from './bitlocker-volume.ts';

const CONVERSION_STATUS = ['FullyDecrypted', 'FullyEncrypted', 'EncryptionInProgress', 'DecryptionInProgress', 'EncryptionPaused', 'DecryptionPaused'] as const;
const ENCRYPTION_METHOD = ['None', 'Aes128Diffuser', 'Aes256Diffuser', 'Aes128', 'Aes256', 'Hardware', 'XtsAes128', 'XtsAes256'] as const;
const VOLUME_TYPE = ['OperatingSystem', 'FixedData', 'Removable'] as const;
const LOCKED = 1;

const PROTECTION: Readonly<Record<number, TriValue>> = { 0: Tri.TRI_NO, 1: Tri.TRI_YES, 2: Tri.TRI_UNKNOWN };

/** The nested record the script prints, or the record itself when properties are flat. */
const part = (record: PsRecord, name: string): PsRecord => {
  const value = field(record, name);
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as PsRecord) : record;
};

const isRemovable = (record: PsRecord, volumeType: string | undefined): boolean =>
  volumeType === 'Removable' || (volumeType !== 'OperatingSystem' && isRemovableBus(busTypeOf(field(record, 'BusType'))));

const volumeOf = (record: PsRecord): Parsed<EncryptedVolume | undefined> => {
  const volume = part(record, 'volume');
  const conversion = part(record, 'conversionStatus');
  const lock = part(record, 'lockStatus');
  const letter = psString(field(volume, 'DriveLetter'));
  const name = letter || psString(field(volume, 'DeviceID'));
  const volumeType = psEnum(field(volume, 'VolumeType'), VOLUME_TYPE);
  if (isRemovable(record, volumeType)) return parsed(undefined);
  // A data volume with no drive letter (a recovery or OEM partition) holds no school data a
  // user can reach; judging it would fail every laptop whose recovery partition is clear.
  if (!letter && volumeType !== 'OperatingSystem') return parsed(undefined);
  const locked = psNumber(field(lock, 'LockStatus')) === LOCKED;
  // GetConversionStatus() answers for now; the property is the fallback when the call gave nothing.
  const rawStatus = field(conversion, 'ConversionStatus') ?? field(volume, 'ConversionStatus');
  const status = psEnum(rawStatus, CONVERSION_STATUS);
  const percent = psNumber(field(conversion, 'EncryptionPercentage'));
  const protection = PROTECTION[psNumber(field(volume, 'ProtectionStatus')) ?? -1];
  if (!name || volumeType === undefined || protection === undefined) {
    return notParsed('OUTPUT_UNRECOGNISED',
      `Win32_EncryptableVolume reported a volume the agent cannot read (DriveLetter "${letter}", VolumeType "${psString(field(volume, 'VolumeType'))}", ProtectionStatus "${psString(field(volume, 'ProtectionStatus'))}").`);
  }
  // A locked volume cannot report its conversion, but only an encrypted, protected
  // volume can be locked; how far it is encrypted is unknown (0, state "locked").
  if (locked && (status === undefined || percent === undefined)) {
    const volume = bitlockerVolume({ name, system: volumeType === 'OperatingSystem', state: 'fully-encrypted', percent: 0, protectionOn: Tri.TRI_YES, method: '' });
    return parsed({ ...volume, state: 'locked' });
  }
  if (status === undefined || percent === undefined) {
    return notParsed('OUTPUT_UNRECOGNISED', `Win32_EncryptableVolume did not say how far ${name} is encrypted (ConversionStatus "${psString(rawStatus)}", EncryptionPercentage "${psString(field(conversion, 'EncryptionPercentage'))}").`);
  }
  const state = kebabCase(status);
  if (!KNOWN_STATES.has(state)) return notParsed('OUTPUT_UNRECOGNISED', `Unknown BitLocker conversion status "${status}".`);
  const method = psEnum(field(volume, 'EncryptionMethod'), ENCRYPTION_METHOD);
  return parsed(bitlockerVolume({
    name,
    system: volumeType === 'OperatingSystem',
    state,
    percent,
    protectionOn: protection,
    method: method === undefined || method === 'None' ? '' : kebabCase(method),
  }));
};

export const parseEncryptableVolumes = (text: string): Parsed<EncryptedVolume[]> => {
  const records = readPsRecords(text);
  if (!records.ok) return records;
  if (records.value.length === 0) return notParsed('OUTPUT_EMPTY', 'Win32_EncryptableVolume listed no volumes (BitLocker is not part of this edition of Windows?).');
  const volumes: EncryptedVolume[] = [];
  for (const record of records.value) {
    const volume = volumeOf(record);
    if (!volume.ok) return volume;
    if (volume.value) volumes.push(volume.value);
  }
  return parsed(volumes);
};
