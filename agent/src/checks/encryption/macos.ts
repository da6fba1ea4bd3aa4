// FileVault on macOS: `fdesetup status` says whether FileVault is on and whether a
// conversion is running; `diskutil apfs list -plist` says, per volume, whether the
// data volume (role Data, e.g. "Macintosh HD - Data") is encrypted and FileVault-protected.
import { CollectionStatus, Tri, VolumeRole, type Observation } from '@invigilator/shared/wire.ts';
import { couldNotCollect, parseSource } from '../findings.ts';
import type { Collected, Finding, PlatformCheck } from '../types.ts';
import { FDESETUP_STATUS_SOURCE, parseFdesetupStatus, type FileVaultStatus } from './parse-fdesetup-status.ts';
import { DISKUTIL_APFS_LIST_SOURCE, parseDiskutilApfsList, type ApfsVolume } from './parse-diskutil-apfs-list.ts';

type EncryptedVolume = NonNullable<NonNullable<Observation['encryption']>['volumes']>[number];

const tri = (value: boolean): number => (value ? Tri.TRI_YES : Tri.TRI_NO);

const conversionState = (volume: ApfsVolume, status: FileVaultStatus): Pick<EncryptedVolume, 'state' | 'percentEncrypted'> => {
  const conversion = status.conversion;
  // Armed but not begun: not encrypted yet, said as pending so nobody takes it for a pass or a refusal.
  if (!conversion && !status.on && status.pendingEnablement) {
    return { state: status.pendingEnablement === 'restart' ? 'enablement-pending-restart' : 'enablement-deferred-to-login', percentEncrypted: 0 };
  }
  // With no conversion running, each volume's own FileVault flag says where it stands.
  if (!conversion) return volume.fileVault ? { state: 'fully-encrypted', percentEncrypted: 100 } : { state: 'fully-decrypted', percentEncrypted: 0 };
  const state = conversion.pending ? `${conversion.direction === 'encrypting' ? 'encryption' : 'decryption'}-pending` : conversion.direction;
  // fdesetup reports how far the conversion has gone, in its own direction.
  const done = conversion.percent === undefined ? undefined : Math.round(conversion.percent);
  const percent = done === undefined ? 0 : conversion.direction === 'encrypting' ? done : 100 - done;
  return { state, percentEncrypted: percent };
};

const volumeFacts = (volume: ApfsVolume, status: FileVaultStatus): EncryptedVolume => ({
  name: volume.name,
  device: volume.device,
  role: VolumeRole.VOLUME_ROLE_SYSTEM,
  encrypted: tri(volume.encrypted),
  protectionOn: tri(volume.fileVault),
  method: volume.fileVault ? 'filevault' : '',
  ...conversionState(volume, status),
});

/** `diskutil apfs list` on a Mac without APFS (a CoreStorage or plain HFS+ start-up disk) says so and lists nothing. */
const noApfsContainers = (collected: Collected): boolean => {
  const result = collected.get(DISKUTIL_APFS_LIST_SOURCE);
  return result !== undefined && /No APFS Containers found/i.test(`${result.stdout}\n${result.stderr}`);
};

const STARTUP_DISK = 'start-up disk';

/** The start-up disk as fdesetup describes it, when diskutil cannot name an APFS Data volume. */
const startupDiskFinding = (status: FileVaultStatus): Finding => {
  const converting = status.conversion;
  const encrypted = converting ? (converting.direction === 'decrypting' || (converting.percent ?? 0) > 0) : status.on;
  const { state, percentEncrypted } = conversionState({ name: STARTUP_DISK, device: '', roles: [], encrypted, fileVault: status.on, cryptoMigration: converting !== undefined }, status);
  return {
    status: CollectionStatus.COLLECTED,
    encryption: { volumes: [{
      name: STARTUP_DISK, device: '', role: VolumeRole.VOLUME_ROLE_SYSTEM, encrypted: tri(encrypted), protectionOn: tri(status.on),
      method: status.on ? 'filevault' : '', state, percentEncrypted,
    }] },
  };
};

export const check: PlatformCheck = {
  check: 'encryption',
  platform: 'macos',
  sources: () => [
    // Exits 2 while a conversion runs; interpret() accepts that.
    { kind: 'command', id: FDESETUP_STATUS_SOURCE, file: '/usr/bin/fdesetup', args: ['status'] },
    { kind: 'command', id: DISKUTIL_APFS_LIST_SOURCE, file: '/usr/sbin/diskutil', args: ['apfs', 'list', '-plist'] },
  ],
  interpret(collected): Finding {
    const status = parseSource(collected, FDESETUP_STATUS_SOURCE, parseFdesetupStatus, { acceptExitCodes: [0, 2] });
    if (!status.ok) return couldNotCollect(status.code, status.reason);
    if (noApfsContainers(collected)) return startupDiskFinding(status.value);
    const volumes = parseSource(collected, DISKUTIL_APFS_LIST_SOURCE, parseDiskutilApfsList);
    if (!volumes.ok) return couldNotCollect(volumes.code, volumes.reason);
    // The Data role marks the volume that holds users' files (macOS 10.15 and later).
    const dataVolumes = volumes.value.filter((volume) => volume.roles.includes('Data'));
    // Before 10.15, or a start-up disk on CoreStorage (pre-APFS FileVault): fdesetup speaks for it alone.
    if (dataVolumes.length === 0) return startupDiskFinding(status.value);
    // Outside a conversion both tools must tell the same story; when they do not, the agent does not guess.
    const disagreeing = status.value.conversion ? [] : dataVolumes.filter((volume) => volume.fileVault !== status.value.on);
    if (disagreeing.length > 0) {
      return couldNotCollect('OUTPUT_UNRECOGNISED', `fdesetup says FileVault is ${status.value.on ? 'On' : 'Off'} but diskutil reports `
        + `${disagreeing.map((volume) => `${volume.name} (${volume.device})`).join(', ')} FileVault-${status.value.on ? 'unprotected' : 'protected'}; `
        + 'the two tools disagree.');
    }
    return {
      status: CollectionStatus.COLLECTED,
      encryption: { volumes: dataVolumes.map((volume) => volumeFacts(volume, status.value)) },
    };
  },
};
