// Which mounted filesystems are fixed volumes, and which of them sit on dm-crypt:
// a volume is encrypted when a `crypt` device is itself or among its parents in
// the lsblk tree (plain LUKS, LVM on LUKS, LUKS on LVM). Pure, so it is tested on
// captured output.
import { isUnderMountRoot } from '../linux-block/mount-roots.ts';
import { isRemovableChain, nodesForDevicePath, selfAndParents, type BlockNode } from '../linux-block/parse-lsblk.ts';
import type { FindmntEntry } from './parse-findmnt.ts';

export type VolumeRoleName = 'system' | 'home' | 'fixed-data';

export interface FixedVolume {
  target: string;
  role: VolumeRoleName;
  device: string;
  /** Nearest crypt mapping of each place the device appears in the tree (null: none there). */
  cryptMappings: readonly (string | null)[];
}

export type RootProblem = { kind: 'root-missing' } | { kind: 'root-not-block'; source: string; fstype: string };

// Loop devices are image files whose protection is that of the disk holding them;
// optical discs are read-only media.
const NOT_FIXED_TYPES = new Set(['loop', 'rom']);

// /boot and the EFI partition hold only the kernel and boot loader, and every
// full-disk-encrypted install leaves them clear: counting them would fail every
// properly encrypted laptop.
const isBootPartition = (target: string): boolean => target === '/boot' || target.startsWith('/boot/');

const roleOf = (target: string): VolumeRoleName => (target === '/' ? 'system' : target === '/home' ? 'home' : 'fixed-data');

const nearestCrypt = (node: BlockNode): string | null =>
  selfAndParents(node).find((link) => link.type === 'crypt')?.name.replace(/^\/dev\/mapper\//, '') ?? null;

const resolve = (nodes: readonly BlockNode[], entry: FindmntEntry): BlockNode[] => {
  const bySource = entry.source.startsWith('/dev/') ? nodesForDevicePath(nodes, entry.source) : [];
  return bySource.length > 0 ? bySource : nodes.filter((node) => node.mountpoints.includes(entry.target));
};

export const fixedVolumes = (
  nodes: readonly BlockNode[],
  mounts: readonly FindmntEntry[],
  removableRoots: readonly string[],
): { ok: true; volumes: FixedVolume[] } | { ok: false; problem: RootProblem } => {
  const root = mounts.find((entry) => entry.target === '/' && entry.bindRoot === null);
  if (!root) return { ok: false, problem: { kind: 'root-missing' } };
  if (resolve(nodes, root).length === 0) return { ok: false, problem: { kind: 'root-not-block', source: root.source, fstype: root.fstype } };

  const volumes: FixedVolume[] = [];
  const seen = new Set<string>();
  for (const entry of mounts) {
    // Bind mounts and over-mounts repeat a filesystem already counted.
    if (entry.bindRoot !== null || seen.has(entry.target) || isBootPartition(entry.target)) continue;
    const occurrences = resolve(nodes, entry);
    if (occurrences.length === 0) continue;
    const fixed = entry.target === '/' || (!isUnderMountRoot(entry.target, removableRoots)
      && occurrences.every((node) => !NOT_FIXED_TYPES.has(node.type) && !isRemovableChain(node)));
    if (!fixed) continue;
    seen.add(entry.target);
    volumes.push({
      target: entry.target,
      role: roleOf(entry.target),
      device: entry.source.startsWith('/dev/') ? entry.source : occurrences[0]!.path,
      cryptMappings: occurrences.map(nearestCrypt),
    });
  }
  return { ok: true, volumes };
};

/** Crypt mapping names the volumes depend on, each once. */
export const mappingsOf = (volumes: readonly FixedVolume[]): string[] =>
  [...new Set(volumes.flatMap((volume) => volume.cryptMappings.filter((name): name is string => name !== null)))];
