// Which attached volumes are removable media, described for the collector. A disk
// counts when the kernel calls it removable (RM), hot-pluggable (HOTPLUG), on USB,
// or when one of its filesystems is mounted under a removable mount root (a
// loop-mounted image there is RM=0 yet is how a stick looks to the user). Pure.
import { Tri, type RemovableDevice } from '@invigilator/shared/wire.ts';
import { isUnderMountRoot } from '../linux-block/mount-roots.ts';
import { isRemovableChain, nodesForDevicePath, type BlockNode } from '../linux-block/parse-lsblk.ts';
import type { MountEntry } from '../linux-block/parse-mountinfo.ts';

/** blkid fields (TYPE, LABEL…) keyed by kernel name, for volumes lsblk could not describe. */
export type BlkidByKname = ReadonlyMap<string, Readonly<Record<string, string>>>;

const CRYPTO_FILESYSTEMS = new Set(['crypto_LUKS', 'BitLocker', 'crypto_TCRYPT']);

const BUS_BY_TRANSPORT: Readonly<Record<string, string>> = { usb: 'usb', mmc: 'sd', sata: 'sata', nvme: 'nvme', ata: 'ata' };

interface Volume {
  disk: BlockNode;
  node: BlockNode;
  /** The volume and everything stacked on it (e.g. an opened LUKS mapping). */
  stack: BlockNode[];
}

const isBelow = (node: BlockNode, parent: BlockNode): boolean => node.ancestry.includes(parent);

const mountPointsOf = (stack: readonly BlockNode[], nodes: readonly BlockNode[], mounts: readonly MountEntry[]): string[] => {
  const fromMountinfo = mounts.filter((mount) => nodesForDevicePath(nodes, mount.source).some((node) => stack.some((s) => s.kname === node.kname)));
  return [...new Set([...stack.flatMap((node) => node.mountpoints), ...fromMountinfo.map((mount) => mount.mountPoint)])];
};

// Each partition is a volume; a disk without partitions (a loop image, a superfloppy stick) is one itself.
const volumesOf = (disk: BlockNode, nodes: readonly BlockNode[]): Volume[] => {
  const below = nodes.filter((node) => isBelow(node, disk));
  const direct = below.filter((node) => node.ancestry.at(-1) === disk);
  const tops = direct.length > 0 ? direct : [disk];
  return tops.map((node) => ({ disk, node, stack: [node, ...below.filter((other) => isBelow(other, node))] }));
};

const busOf = (disk: BlockNode): string => {
  if (disk.type === 'rom') return 'optical';
  if (disk.type === 'loop') return 'loop';
  return disk.transport ? (BUS_BY_TRANSPORT[disk.transport] ?? disk.transport) : '';
};

const encryptionOf = (filesystem: string, stack: readonly BlockNode[]): number => {
  if (CRYPTO_FILESYSTEMS.has(filesystem) || stack.some((node) => node.type === 'crypt')) return Tri.TRI_YES;
  return filesystem === '' ? Tri.TRI_UNKNOWN : Tri.TRI_NO;
};

const describeVolume = (volume: Volume, nodes: readonly BlockNode[], mounts: readonly MountEntry[], blkid: BlkidByKname): RemovableDevice => {
  const { disk, node, stack } = volume;
  const probed = blkid.get(node.kname) ?? {};
  const mountPoint = mountPointsOf(stack, nodes, mounts)[0] ?? '';
  const mountedType = mounts.find((mount) => mount.mountPoint === mountPoint)?.fsType ?? '';
  // blkid reads the device itself; lsblk's label and type come from udev's records, which can still describe
  // the previous volume of a reused device (a loop device, a card reader) for a while.
  const filesystem = probed.TYPE ?? node.fstype ?? (mountedType || '');
  return {
    vendor: disk.vendor ?? '',
    model: disk.model ?? '',
    serial: disk.serial ?? '',
    sizeBytes: node.sizeBytes ?? 0,
    filesystem,
    label: probed.LABEL ?? node.label ?? '',
    mountPoint,
    bus: busOf(disk),
    encrypted: encryptionOf(filesystem, stack),
    device: node.path,
  };
};

/** Volumes of removable disks, with what is known about each; an empty card reader has none. */
export const removableVolumes = (nodes: readonly BlockNode[], mounts: readonly MountEntry[], roots: readonly string[]): Volume[] =>
  nodes.filter((node) => node.ancestry.length === 0).flatMap((disk) => {
    const volumes = volumesOf(disk, nodes);
    const mountedUnderRoot = volumes.some((volume) => mountPointsOf(volume.stack, nodes, mounts).some((mp) => isUnderMountRoot(mp, roots)));
    const removable = mountedUnderRoot || volumes.some((volume) => volume.stack.some(isRemovableChain));
    const hasMedia = volumes.some((volume) => volume.node !== disk || (disk.sizeBytes ?? 1) > 0);
    return removable && hasMedia ? volumes : [];
  });

export const describeRemovableVolumes = (
  nodes: readonly BlockNode[], mounts: readonly MountEntry[], roots: readonly string[], blkid: BlkidByKname,
): RemovableDevice[] => removableVolumes(nodes, mounts, roots).map((volume) => describeVolume(volume, nodes, mounts, blkid));
