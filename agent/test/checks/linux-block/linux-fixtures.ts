// Helpers for Linux check tests: read captures from test/fixtures/linux and build
// the `Collected` map a check's interpret() sees.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SourceResult } from '../../../src/checks/types.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../../../test/fixtures/linux');

export const fixture = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8');

export const ran = (id: string, stdout: string, exitCode = 0, stderr = ''): SourceResult =>
  ({ id, exitCode, stdout, stderr, durationMs: 1 });

export const collectedOf = (...results: SourceResult[]): Map<string, SourceResult> =>
  new Map(results.map((result) => [result.id, result]));

/**
 * DERIVED, not a capture: turns a real tree-form `lsblk` capture (UTF-8 or ASCII tree
 * characters) into the JSON shape `lsblk -J` prints for the same columns, with
 * util-linux < 2.33 string values ("rm": "0"). Columns missing at the end of a row
 * (an empty MOUNTPOINT or FSTYPE) become null. Lets the real layouts of encrypted
 * laptops, whose JSON form nobody published, drive the JSON parsers.
 */
export const lsblkTreeToJson = (text: string): string => {
  const [header, ...rows] = text.split('\n').filter((line) => line.trim() !== '');
  const columns = header!.trim().split(/\s+/).map((column) => column.toLowerCase().replace('mountpoints', 'mountpoint'));
  interface Entry { [key: string]: unknown; children?: Entry[] }
  const roots: Entry[] = [];
  const stack: Entry[] = [];
  for (const row of rows) {
    const start = row.search(/[A-Za-z0-9]/);
    const depth = Math.floor(start / 2);
    const values = row.slice(start).trim().split(/\s+/);
    const entry: Entry = Object.fromEntries(columns.map((column, index) => [column, values[index] ?? null]));
    stack.length = depth;
    const parent = stack[depth - 1];
    if (parent) (parent.children ??= []).push(entry);
    else roots.push(entry);
    stack.push(entry);
  }
  return JSON.stringify({ blockdevices: roots }, null, 2);
};

/** DERIVED: the `findmnt -J -o TARGET,SOURCE,FSTYPE` that goes with such a tree (device sources only). */
export const findmntFromMounts = (mounts: ReadonlyArray<[target: string, source: string, fstype: string]>): string =>
  JSON.stringify({ filesystems: mounts.map(([target, source, fstype]) => ({ target, source, fstype })) });
