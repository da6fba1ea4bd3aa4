// Linux removable media: the volumes attached now.
// Sources:
//   linux.lsblk-removable-json   lsblk -J -b -o NAME,KNAME,TYPE,RM,HOTPLUG,TRAN,VENDOR,MODEL,SERIAL,SIZE,FSTYPE,LABEL,MOUNTPOINT,PKNAME
//   linux.mountinfo              /proc/self/mountinfo (mount points and filesystems even without udev)
//   linux.blkid.<kname>          blkid -o export /dev/<kname>, second round, for volumes lsblk left without type or label
import { CollectionStatus } from '@invigilator/shared/wire.ts';
import { couldNotCollect, parseSource, textOf } from '../findings.ts';
import { parseBlkidExport, BLKID_NOTHING_FOUND_EXIT } from '../linux-block/parse-blkid.ts';
import { parseLsblkJson } from '../linux-block/parse-lsblk.ts';
import { parseMountinfo } from '../linux-block/parse-mountinfo.ts';
import type { Collected, CommandSource, FileSource, Finding, PlatformCheck, SourceSpec } from '../types.ts';
import { describeRemovableVolumes, volumesNeedingProbe } from './linux-devices.ts';

export const LSBLK_REMOVABLE_SOURCE: CommandSource = {
  id: 'linux.lsblk-removable-json', kind: 'command', file: '/usr/bin/lsblk',
  args: ['-J', '-b', '-o', 'NAME,KNAME,TYPE,RM,HOTPLUG,TRAN,VENDOR,MODEL,SERIAL,SIZE,FSTYPE,LABEL,MOUNTPOINT,PKNAME'],
};
export const MOUNTINFO_SOURCE: FileSource = { id: 'linux.mountinfo', kind: 'file', path: '/proc/self/mountinfo' };

export const blkidSourceId = (kname: string): string => `linux.blkid.${kname}`;
export const blkidSource = (kname: string): CommandSource => ({
  id: blkidSourceId(kname), kind: 'command', file: '/usr/sbin/blkid', args: ['-o', 'export', `/dev/${kname}`],
});

const readDevices = (collected: Collected) => {
  const nodes = parseSource(collected, LSBLK_REMOVABLE_SOURCE.id, (text) => parseLsblkJson(text, LSBLK_REMOVABLE_SOURCE.id));
  if (!nodes.ok) return nodes;
  const mounts = parseSource(collected, MOUNTINFO_SOURCE.id, (text) => parseMountinfo(text, MOUNTINFO_SOURCE.id));
  if (!mounts.ok) return mounts;
  return { ok: true as const, nodes: nodes.value, mounts: mounts.value };
};

// blkid is a supplement: a probe that failed leaves the field empty rather than failing the check.
const probedFields = (collected: Collected, knames: readonly string[]) => new Map(knames.map((kname) => {
  const text = textOf(collected, blkidSourceId(kname), { acceptExitCodes: [0, BLKID_NOTHING_FOUND_EXIT], allowEmpty: true });
  return [kname, text.ok ? parseBlkidExport(text.value) : {}];
}));

export const check: PlatformCheck = {
  check: 'removable-media',
  platform: 'linux',
  sources(collected, context): readonly SourceSpec[] {
    const first = [LSBLK_REMOVABLE_SOURCE, MOUNTINFO_SOURCE];
    const read = readDevices(collected);
    if (!read.ok) return first;
    return [...first, ...volumesNeedingProbe(read.nodes, read.mounts, context.removableMountRoots).map(blkidSource)];
  },
  interpret(collected, context): Finding {
    const read = readDevices(collected);
    if (!read.ok) return couldNotCollect(read.code, read.reason);
    const probed = probedFields(collected, volumesNeedingProbe(read.nodes, read.mounts, context.removableMountRoots));
    return {
      status: CollectionStatus.COLLECTED,
      removableMedia: { devices: describeRemovableVolumes(read.nodes, read.mounts, context.removableMountRoots, probed) },
    };
  },
};
