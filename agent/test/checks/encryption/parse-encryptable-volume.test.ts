import { describe, expect, it } from 'vitest';
import { Tri, VolumeRole } from '@invigilator/shared/wire.ts';
import { parseEncryptableVolumes } from '../../../src/checks/encryption/parse-encryptable-volume.ts';
import { cutShort, windowsFixture } from '../windows-fixtures.ts';

const capture = windowsFixture('Win32_EncryptableVolume-json.1-os-and-removable.json');
type Entry = { volume: Record<string, unknown>; conversionStatus: Record<string, unknown>; lockStatus: Record<string, unknown>; BusType?: string };
const entries = (): Entry[] => JSON.parse(capture) as Entry[];
/** The capture with its records changed (derived variants, each said in its test). */
const variant = (change: (records: Entry[]) => void): string => {
  const records = entries();
  change(records);
  return JSON.stringify(records);
};

describe('parseEncryptableVolumes', () => {
  it('reads the encrypted OS volume and leaves the removable stick out (real capture)', () => {
    expect(parseEncryptableVolumes(capture)).toEqual({ ok: true, value: [{
      name: 'C:', device: 'C:', role: VolumeRole.VOLUME_ROLE_SYSTEM, encrypted: Tri.TRI_YES, protectionOn: Tri.TRI_YES,
      method: 'bitlocker-xts-aes-128', percentEncrypted: 100, state: 'fully-encrypted',
    }] });
  });

  it('reads the compact form the agent\'s script prints (the capture\'s values, only the properties asked for)', () => {
    const compact = entries().map((entry) => ({
      volume: Object.fromEntries(['DriveLetter', 'DeviceID', 'VolumeType', 'ProtectionStatus', 'ConversionStatus', 'EncryptionMethod'].map((key) => [key, entry.volume[key]])),
      conversionStatus: { ConversionStatus: entry.conversionStatus.ConversionStatus, EncryptionPercentage: entry.conversionStatus.EncryptionPercentage, ReturnValue: 0 },
      lockStatus: { ...entry.lockStatus, ReturnValue: 0 },
      BusType: entry.volume.VolumeType === 2 ? 'USB' : 'NVMe',
    }));
    expect(parseEncryptableVolumes(JSON.stringify(compact))).toEqual(parseEncryptableVolumes(capture));
  });

  it('leaves out a USB disk that calls itself fixed (UASP), by its bus', () => {
    // Derived: the stick E: reported as a fixed data volume on a USB bus, as a UASP enclosure does.
    const uasp = variant((records) => {
      if (records[1]) { records[1].volume.VolumeType = 1; records[1].BusType = 'USB'; }
    });
    const result = parseEncryptableVolumes(uasp);
    expect(result.ok && result.value.map((volume) => volume.name)).toEqual(['C:']);
    // The same fixed volume on an internal bus is judged, and is not encrypted.
    const internal = variant((records) => {
      if (records[1]) { records[1].volume.VolumeType = 1; records[1].BusType = 'SATA'; }
    });
    const judged = parseEncryptableVolumes(internal);
    expect(judged.ok && judged.value[1]).toMatchObject({ name: 'E:', role: VolumeRole.VOLUME_ROLE_FIXED_DATA, encrypted: Tri.TRI_NO, protectionOn: Tri.TRI_NO });
  });

  it('leaves out a fixed volume without a drive letter (a recovery partition), not the OS volume', () => {
    // Derived: E: as an unencrypted fixed volume with no letter, as a Windows RE partition is listed.
    const recovery = variant((records) => { if (records[1]) { records[1].volume.VolumeType = 1; records[1].volume.DriveLetter = null; } });
    const result = parseEncryptableVolumes(recovery);
    expect(result.ok && result.value.map((volume) => volume.name)).toEqual(['C:']);
  });

  it('reports an encrypting volume, and suspended protection, from the numbers', () => {
    // Derived: C: part-way through encryption (ConversionStatus 2, 42 %), protection suspended (0).
    const encrypting = variant((records) => {
      if (records[0]) { records[0].conversionStatus.ConversionStatus = 2; records[0].conversionStatus.EncryptionPercentage = 42; records[0].volume.ProtectionStatus = 0; }
    });
    const result = parseEncryptableVolumes(encrypting);
    expect(result.ok && result.value[0]).toMatchObject({ state: 'encryption-in-progress', percentEncrypted: 42, encrypted: Tri.TRI_YES, protectionOn: Tri.TRI_NO });
  });

  it('reports a locked data volume as encrypted without guessing its progress', () => {
    // Derived: a fixed data volume that is locked, whose GetConversionStatus call failed (no values).
    const locked = variant((records) => {
      if (records[1]) { records[1].volume.VolumeType = 1; records[1].lockStatus.LockStatus = 1; records[1].conversionStatus = {}; delete records[1].volume.ConversionStatus; }
    });
    const result = parseEncryptableVolumes(locked);
    expect(result.ok && result.value[1]).toMatchObject({ name: 'E:', state: 'locked', encrypted: Tri.TRI_YES, protectionOn: Tri.TRI_YES });
  });

  it.each([
    ['the capture cut short', cutShort(capture, 0.6), 'OUTPUT_TRUNCATED'],
    ['no volumes (an empty array)', '[]', 'OUTPUT_EMPTY'],
    ['a warning in front of the JSON', `WARNING: something\r\n${capture}`, 'OUTPUT_MALFORMED'],
    ['an unknown conversion status', variant((records) => { if (records[0]) records[0].conversionStatus.ConversionStatus = 9; }), 'OUTPUT_UNRECOGNISED'],
    ['a volume without its protection status', variant((records) => { if (records[0]) delete records[0].volume.ProtectionStatus; }), 'OUTPUT_UNRECOGNISED'],
  ])('gives a coded reason for %s', (_name, text, code) => {
    const result = parseEncryptableVolumes(text);
    expect(!result.ok && result.code).toBe(code);
  });
});
