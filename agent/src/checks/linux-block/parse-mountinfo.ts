// /proc/self/mountinfo (proc(5)): "36 35 98:0 /root /mnt opts [optional...] - fstype source superopts".
import { ERRORS } from '@invigilator/shared/errors.ts';
import { notParsed, parsed, type Parsed } from '../types.ts';

export interface MountEntry {
  mountId: number;
  parentId: number;
  majorMinor: string;
  /** The folder of the filesystem that is mounted here ("/" unless a bind mount). */
  root: string;
  mountPoint: string;
  fsType: string;
  source: string;
}

// The kernel writes space, tab, newline and backslash in paths as octal escapes.
export const unescapeMountPath = (value: string): string =>
  value.replace(/\\([0-7]{3})/g, (_match, octal: string) => String.fromCharCode(Number.parseInt(octal, 8)));

const parseLine = (line: string): MountEntry | null => {
  const fields = line.trim().split(' ');
  const separator = fields.indexOf('-', 6);
  if (fields.length < 10 || separator < 0 || fields.length < separator + 3) return null;
  const [mountId, parentId, majorMinor, root, mountPoint] = fields;
  if (!/^\d+$/.test(mountId!) || !/^\d+$/.test(parentId!) || !/^\d+:\d+$/.test(majorMinor!)) return null;
  return {
    mountId: Number(mountId),
    parentId: Number(parentId),
    majorMinor: majorMinor!,
    root: unescapeMountPath(root!),
    mountPoint: unescapeMountPath(mountPoint!),
    fsType: fields[separator + 1]!,
    source: unescapeMountPath(fields[separator + 2]!),
  };
};

export const parseMountinfo = (text: string, sourceId: string): Parsed<MountEntry[]> => {
  // The kernel ends every line with a newline: without one the last line was cut, even if it looks whole.
  if (text.trim() !== '' && !text.endsWith('\n')) {
    return notParsed('OUTPUT_TRUNCATED', `${ERRORS.OUTPUT_TRUNCATED} (${sourceId}: last line cut short)`);
  }
  const lines = text.split('\n');
  const entries: MountEntry[] = [];
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const entry = parseLine(line);
    if (entry) {
      entries.push(entry);
      continue;
    }
    return notParsed('OUTPUT_MALFORMED', `${ERRORS.OUTPUT_MALFORMED} (${sourceId} line ${index + 1})`);
  }
  if (entries.length === 0) return notParsed('OUTPUT_EMPTY', `${ERRORS.OUTPUT_EMPTY} (${sourceId})`);
  return parsed(entries);
};
