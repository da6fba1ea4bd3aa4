// Builds a check's collected sources from real captures in test/fixtures/linux/
// (each with a .source.txt), so interpret() is tested exactly as the runner calls it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Collected, SourceResult } from '../../src/checks/types.ts';

const LINUX_FIXTURES = fileURLToPath(new URL('../../../test/fixtures/linux/', import.meta.url));

export const linuxFixture = (name: string, encoding: BufferEncoding = 'utf8'): string =>
  readFileSync(`${LINUX_FIXTURES}${name}`, encoding);

/** A source that ran and printed `stdout` (exit 0 unless said otherwise). */
export const ran = (stdout: string, extra: Partial<SourceResult> = {}): Omit<SourceResult, 'id'> =>
  ({ exitCode: 0, stdout, stderr: '', durationMs: 1, ...extra });

/** A tool or file that is not on the device. */
export const absent = (): Omit<SourceResult, 'id'> =>
  ({ exitCode: null, stdout: '', stderr: '', durationMs: 0, errorCode: 'COMMAND_NOT_FOUND', errorDetail: 'ENOENT' });

export const collectedFrom = (sources: Record<string, Omit<SourceResult, 'id'>>): Collected =>
  new Map(Object.entries(sources).map(([id, result]) => [id, { id, ...result }]));

/** Every id absent except the ones given. */
export const onlyThese = (allIds: readonly string[], present: Record<string, Omit<SourceResult, 'id'>>): Collected =>
  collectedFrom({ ...Object.fromEntries(allIds.map((id) => [id, absent()])), ...present });
