// Linux encryption: is "/" (and /home, and every other fixed mounted filesystem) on dm-crypt?
// Sources:
//   linux.lsblk-json                     lsblk -J -o NAME,KNAME,TYPE,FSTYPE,MOUNTPOINT,PKNAME,RM,HOTPLUG
//   linux.findmnt-json                   findmnt -J -o TARGET,SOURCE,FSTYPE
//   linux.cryptsetup-status.<mapping>    cryptsetup status <mapping>, second round, per crypt mapping
// FSTYPE is not used for the decision: without udev (containers, minimal VMs) lsblk prints null.
import { ERRORS } from '@invigilator/shared/errors.ts';
import { Tri, VolumeRole, CollectionStatus, type Observation } from '@invigilator/shared/wire.ts';
import { couldNotCollect, parseSource } from '../findings.ts';
import { parseLsblkJson } from '../linux-block/parse-lsblk.ts';
import type { Collected, CommandSource, Finding, PlatformCheck, SourceSpec } from '../types.ts';
import { parseFindmntJson } from './parse-findmnt.ts';
import { CRYPTSETUP_INACTIVE_EXIT, parseCryptsetupStatus } from './parse-cryptsetup-status.ts';
import { fixedVolumes, mappingsOf, type FixedVolume, type RootProblem, type VolumeRoleName } from './linux-volumes.ts';

type EncryptedVolume = NonNullable<NonNullable<Observation['encryption']>['volumes']>[number];

export const LSBLK_SOURCE: CommandSource = {
  id: 'linux.lsblk-json', kind: 'command', file: '/usr/bin/lsblk',
  args: ['-J', '-o', 'NAME,KNAME,TYPE,FSTYPE,MOUNTPOINT,PKNAME,RM,HOTPLUG'],
};
export const FINDMNT_SOURCE: CommandSource = {
  id: 'linux.findmnt-json', kind: 'command', file: '/usr/bin/findmnt', args: ['-J', '-o', 'TARGET,SOURCE,FSTYPE'],
};

// Mapping names are usually [A-Za-z0-9_.-]; anything else would make an awkward bundle file name.
export const cryptsetupSourceId = (mapping: string): string => `linux.cryptsetup-status.${mapping.replace(/[^A-Za-z0-9_.-]/g, '_')}`;

const cryptsetupSource = (mapping: string): CommandSource => ({
  id: cryptsetupSourceId(mapping), kind: 'command', file: '/usr/sbin/cryptsetup', args: ['status', mapping],
});

const ROLES: Record<VolumeRoleName, number> = {
  system: VolumeRole.VOLUME_ROLE_SYSTEM,
  home: VolumeRole.VOLUME_ROLE_HOME,
  'fixed-data': VolumeRole.VOLUME_ROLE_FIXED_DATA,
};

const readVolumes = (collected: Collected, removableRoots: readonly string[]) => {
  const nodes = parseSource(collected, LSBLK_SOURCE.id, (text) => parseLsblkJson(text, LSBLK_SOURCE.id));
  if (!nodes.ok) return nodes;
  const mounts = parseSource(collected, FINDMNT_SOURCE.id, (text) => parseFindmntJson(text, FINDMNT_SOURCE.id));
  if (!mounts.ok) return mounts;
  return { ok: true as const, value: fixedVolumes(nodes.value, mounts.value, removableRoots) };
};

/** "luks2", "luks1", "plain"…; "dm-crypt" when cryptsetup could not say (lsblk alone proves the mapping). */
const methodOf = (collected: Collected, mapping: string): string => {
  const id = cryptsetupSourceId(mapping);
  const status = parseSource(collected, id, (text) => parseCryptsetupStatus(text, id), { acceptExitCodes: [0, CRYPTSETUP_INACTIVE_EXIT] });
  return status.ok && status.value.active && status.value.type ? status.value.type.toLowerCase() : 'dm-crypt';
};

const describe = (collected: Collected, volume: FixedVolume): EncryptedVolume => {
  const mappings = volume.cryptMappings.filter((name): name is string => name !== null);
  const base = { name: volume.target, role: ROLES[volume.role], device: volume.device };
  if (mappings.length === 0) {
    return { ...base, encrypted: Tri.TRI_NO, percentEncrypted: 0, state: 'fully-decrypted' };
  }
  const method = [...new Set(mappings.map((mapping) => methodOf(collected, mapping)))].join('+');
  // Part of the volume (an LVM volume spanning a crypt and a plain disk) lies unencrypted.
  if (mappings.length < volume.cryptMappings.length) {
    return { ...base, encrypted: Tri.TRI_NO, method, state: 'partly-encrypted' };
  }
  return { ...base, encrypted: Tri.TRI_YES, method, percentEncrypted: 100, state: 'fully-encrypted' };
};

const rootProblemFinding = (problem: RootProblem): Finding => problem.kind === 'root-missing'
  ? couldNotCollect('OUTPUT_UNRECOGNISED', `${ERRORS.OUTPUT_UNRECOGNISED} (findmnt lists no "/" mount)`)
  : couldNotCollect('OUTPUT_UNRECOGNISED', `The root filesystem "/" is mounted from "${problem.source}" (${problem.fstype || 'unknown type'}), `
    + 'which is not a disk lsblk lists (a container, overlay or network filesystem?), so its encryption cannot be read on this device.');

export const check: PlatformCheck = {
  check: 'encryption',
  platform: 'linux',
  sources(collected, context): readonly SourceSpec[] {
    const first = [LSBLK_SOURCE, FINDMNT_SOURCE];
    const read = readVolumes(collected, context.removableMountRoots);
    if (!read.ok || !read.value.ok) return first;
    return [...first, ...mappingsOf(read.value.volumes).map(cryptsetupSource)];
  },
  interpret(collected, context): Finding {
    const read = readVolumes(collected, context.removableMountRoots);
    if (!read.ok) return couldNotCollect(read.code, read.reason);
    if (!read.value.ok) return rootProblemFinding(read.value.problem);
    return {
      status: CollectionStatus.COLLECTED,
      encryption: { volumes: read.value.volumes.map((volume) => describe(collected, volume)) },
    };
  },
};
