// `findmnt -J -o TARGET,SOURCE,FSTYPE`: the mount tree, flattened.
import { ERRORS } from '@invigilator/shared/errors.ts';
import { notParsed, parsed, type Parsed } from '../types.ts';
import { isRecord, parseJsonList, stringField } from '../linux-block/json-report.ts';

export interface FindmntEntry {
  target: string;
  /** The device or pseudo source ("/dev/vda", "overlay", "server:/export"). */
  source: string;
  fstype: string;
  /** Set for bind mounts, which findmnt prints as "/dev/vda[/run/netns]". */
  bindRoot: string | null;
}

const splitSource = (raw: string): { source: string; bindRoot: string | null } => {
  const match = /^(.*)\[(.+)\]$/.exec(raw);
  return match ? { source: match[1]!, bindRoot: match[2]! } : { source: raw, bindRoot: null };
};

export const parseFindmntJson = (text: string, sourceId: string): Parsed<FindmntEntry[]> => {
  const list = parseJsonList(text, sourceId, 'filesystems');
  if (!list.ok) return list;
  const entries: FindmntEntry[] = [];
  const pending: unknown[] = [...list.value];
  while (pending.length > 0) {
    const entry = pending.shift();
    const target = isRecord(entry) ? stringField(entry.target) : null;
    if (!isRecord(entry) || target === null) {
      return notParsed('OUTPUT_UNRECOGNISED', `${ERRORS.OUTPUT_UNRECOGNISED} (${sourceId}: a mount without a target)`);
    }
    entries.push({ target, ...splitSource(stringField(entry.source) ?? ''), fstype: stringField(entry.fstype) ?? '' });
    if (Array.isArray(entry.children)) pending.push(...entry.children);
  }
  return parsed(entries);
};
