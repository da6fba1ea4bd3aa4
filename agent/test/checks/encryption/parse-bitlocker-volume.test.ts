import { describe, expect, it } from 'vitest';
import { Tri, VolumeRole } from '@invigilator/shared/wire.ts';
import { parseBitLockerVolumes } from '../../../src/checks/encryption/parse-bitlocker-volume.ts';
import { cutShort, utf16Decoded, utf16MisreadAsUtf8, windowsFixture, withCrlf } from '../windows-fixtures.ts';

const json = windowsFixture('Get-BitLockerVolume-json.1.json');
const list = windowsFixture('Get-BitLockerVolume-list.1.txt');

// Derived from the real table capture Get-BitLockerVolume-table.1.txt (D: Data,
// EncryptionInProgress, 1 %, protection Off), written as the agent's script prints it:
// ConvertTo-Json numbers the enums (VolumeStatus 2, VolumeType 1, ProtectionStatus 0).
const encryptingData = '{"MountPoint":"D:","VolumeType":1,"VolumeStatus":2,"ProtectionStatus":0,"EncryptionPercentage":1,"EncryptionMethod":6,"DriveType":3}';

describe('parseBitLockerVolumes', () => {
  it('reads the real JSON capture: C: encrypted and protected, E: data volume off', () => {
    const result = parseBitLockerVolumes(json);
    expect(result).toEqual({ ok: true, value: [
      { name: 'C:', device: 'C:', role: VolumeRole.VOLUME_ROLE_SYSTEM, encrypted: Tri.TRI_YES, protectionOn: Tri.TRI_YES,
        method: 'bitlocker-xts-aes-128', percentEncrypted: 100, state: 'fully-encrypted' },
      { name: 'E:', device: 'E:', role: VolumeRole.VOLUME_ROLE_FIXED_DATA, encrypted: Tri.TRI_NO, protectionOn: Tri.TRI_NO,
        method: '', percentEncrypted: 0, state: 'fully-decrypted' },
    ] });
  });

  it('reads the real Format-List capture (enum names, not numbers)', () => {
    const result = parseBitLockerVolumes(list);
    expect(result.ok && result.value).toEqual([expect.objectContaining({
      name: 'C:', role: VolumeRole.VOLUME_ROLE_SYSTEM, encrypted: Tri.TRI_YES, protectionOn: Tri.TRI_YES, method: 'bitlocker-xts-aes-128',
    })]);
  });

  it('reports a volume part-way through encryption as encrypted, with its percentage', () => {
    const result = parseBitLockerVolumes(encryptingData);
    expect(result.ok && result.value[0]).toMatchObject({ state: 'encryption-in-progress', encrypted: Tri.TRI_YES, percentEncrypted: 1, protectionOn: Tri.TRI_NO });
  });

  it('leaves out removable volumes (BitLocker To Go sticks) by drive type', () => {
    const withStick = JSON.stringify([JSON.parse(encryptingData), { ...JSON.parse(encryptingData), MountPoint: 'F:', DriveType: 2 }]);
    const result = parseBitLockerVolumes(withStick);
    expect(result.ok && result.value.map((volume) => volume.name)).toEqual(['D:']);
  });

  it.each([
    ['CRLF', withCrlf(json)],
    ['UTF-16LE with BOM', utf16Decoded(json)],
  ])('reads the %s variant of the real capture', (_name, text) => {
    expect(parseBitLockerVolumes(text).ok).toBe(true);
  });

  it.each([
    ['truncated JSON', cutShort(json, 0.6), 'OUTPUT_TRUNCATED'],
    ['UTF-16LE read as UTF-8', utf16MisreadAsUtf8(json), 'OUTPUT_UNRECOGNISED'],
    ['a volume status from a newer Windows', '{"MountPoint":"C:","VolumeType":0,"VolumeStatus":9,"ProtectionStatus":1,"EncryptionPercentage":100}', 'OUTPUT_UNRECOGNISED'],
    ['a volume without a mount point', '{"VolumeType":0,"VolumeStatus":1,"ProtectionStatus":1,"EncryptionPercentage":100}', 'OUTPUT_UNRECOGNISED'],
    ['an empty list', '[]', 'OUTPUT_EMPTY'],
  ])('gives a coded reason for %s', (_name, text, code) => {
    const result = parseBitLockerVolumes(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.code).toBe(code);
  });
});
