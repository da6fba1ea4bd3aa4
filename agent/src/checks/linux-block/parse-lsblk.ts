// `lsblk -J` as a flat list of nodes, each knowing its chain of parents. A device
// below two parents (LVM over two disks, RAID) appears once per parent, as lsblk
// prints it. Handles util-linux before 2.33 ("rm": "1", "size": "123") and after
// (booleans, numbers), and both MOUNTPOINT and the newer MOUNTPOINTS array.
import { ERRORS } from '@invigilator/shared/errors.ts';
import { notParsed, parsed, type Parsed } from '../types.ts';
import { isRecord, parseJsonList, stringField } from './json-report.ts';

export interface BlockNode {
  name: string;
  kname: string;
  /** /dev path of the kernel device, e.g. /dev/dm-0. */
  path: string;
  type: string;
  fstype: string | null;
  label: string | null;
  mountpoints: readonly string[];
  removable: boolean | null;
  hotplug: boolean | null;
  transport: string | null;
  vendor: string | null;
  model: string | null;
  serial: string | null;
  sizeBytes: number | null;
  pkname: string | null;
  /** Parents from the top-level disk down to the direct parent; empty for a top-level device. */
  ancestry: readonly BlockNode[];
}

const flag = (value: unknown): boolean | null => {
  if (value === true || value === '1' || value === 1) return true;
  if (value === false || value === '0' || value === 0) return false;
  return null;
};

const bytes = (value: unknown): number | null => {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) return Number(value.trim());
  return null;
};

const basename = (devicePath: string): string => devicePath.slice(devicePath.lastIndexOf('/') + 1);

// Swap shows as "[SWAP]"; only real paths are mount points.
const mountpointsOf = (raw: Record<string, unknown>): string[] => {
  const listed = Array.isArray(raw.mountpoints) ? raw.mountpoints : [];
  const all = [...listed, raw.mountpoint].filter((entry): entry is string => typeof entry === 'string' && entry.startsWith('/'));
  return [...new Set(all)];
};

const toNode = (raw: Record<string, unknown>, name: string, ancestry: readonly BlockNode[]): BlockNode => {
  const kname = basename(stringField(raw.kname) ?? name);
  return {
    name,
    kname,
    path: `/dev/${kname}`,
    type: stringField(raw.type) ?? '',
    fstype: stringField(raw.fstype),
    label: stringField(raw.label),
    mountpoints: mountpointsOf(raw),
    removable: flag(raw.rm),
    hotplug: flag(raw.hotplug),
    transport: stringField(raw.tran),
    vendor: stringField(raw.vendor),
    model: stringField(raw.model),
    serial: stringField(raw.serial),
    sizeBytes: bytes(raw.size),
    pkname: stringField(raw.pkname) === null ? null : basename(stringField(raw.pkname)!),
    ancestry,
  };
};

// `lsblk -l` prints no tree: link such nodes to their parents through PKNAME.
const linkByParentName = (nodes: BlockNode[]): BlockNode[] => {
  const byKname = new Map(nodes.map((node) => [node.kname, node]));
  const linked = new Map<BlockNode, BlockNode>();
  const link = (node: BlockNode, depth: number): BlockNode => {
    const done = linked.get(node);
    if (done) return done;
    const parent = node.pkname ? byKname.get(node.pkname) : undefined;
    if (node.ancestry.length > 0 || !parent || depth > 32) return node;
    const linkedParent = link(parent, depth + 1);
    const result = { ...node, ancestry: [...linkedParent.ancestry, linkedParent] };
    linked.set(node, result);
    return result;
  };
  return nodes.map((node) => link(node, 0));
};

export const parseLsblkJson = (text: string, sourceId: string): Parsed<BlockNode[]> => {
  const list = parseJsonList(text, sourceId, 'blockdevices');
  if (!list.ok) return list;
  const nodes: BlockNode[] = [];
  const walk = (entries: unknown[], ancestry: readonly BlockNode[]): string | null => {
    for (const entry of entries) {
      const name = isRecord(entry) ? stringField(entry.name) : null;
      if (!isRecord(entry) || name === null) return `a device without a name under ${ancestry.at(-1)?.name ?? 'the top level'}`;
      const node = toNode(entry, name, ancestry);
      nodes.push(node);
      if (entry.children !== undefined) {
        if (!Array.isArray(entry.children)) return `"children" of ${name} is not a list`;
        const problem = walk(entry.children, [...ancestry, node]);
        if (problem) return problem;
      }
    }
    return null;
  };
  const problem = walk(list.value, []);
  if (problem) return notParsed('OUTPUT_UNRECOGNISED', `${ERRORS.OUTPUT_UNRECOGNISED} (${sourceId}: ${problem})`);
  return parsed(linkByParentName(nodes));
};

/** The nodes a /dev path names: /dev/sda1, /dev/dm-0, /dev/mapper/<name>, or a NAME printed with -p. */
export const nodesForDevicePath = (nodes: readonly BlockNode[], devicePath: string): BlockNode[] =>
  nodes.filter((node) => node.path === devicePath || node.name === devicePath
    || `/dev/mapper/${node.name}` === devicePath || `/dev/${node.name}` === devicePath);

/** The node itself and its parents, nearest first. */
export const selfAndParents = (node: BlockNode): BlockNode[] => [node, ...[...node.ancestry].reverse()];

/** Removable by the kernel's word (RM), hot-pluggable (HOTPLUG), or on USB, anywhere in its chain. */
export const isRemovableChain = (node: BlockNode): boolean =>
  selfAndParents(node).some((link) => link.removable === true || link.hotplug === true || link.transport === 'usb');
