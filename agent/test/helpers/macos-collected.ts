// Builds the runner's Collected map from raw outputs, as a diagnostic bundle would hold them.
import type { Collected, SourceResult } from '../../src/checks/types.ts';

export type RawSource = string | Partial<Omit<SourceResult, 'id'>>;

export const collectedOf = (sources: Readonly<Record<string, RawSource>>): Collected =>
  new Map(Object.entries(sources).map(([id, raw]) => {
    const result: SourceResult = typeof raw === 'string'
      ? { id, exitCode: 0, stdout: raw, stderr: '', durationMs: 1 }
      : { id, exitCode: 0, stdout: '', stderr: '', durationMs: 1, ...raw };
    return [id, result];
  }));

export const commandMissing = { exitCode: null, errorCode: 'COMMAND_NOT_FOUND', errorDetail: 'not installed' } as const;
