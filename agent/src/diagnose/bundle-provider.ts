// Reads a diagnostic bundle back as a SourceProvider: `check --replay` runs the
// same checks through the same runner, on any platform.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import type { SourceProvider, SourceResult, SourceSpec } from '../checks/types.ts';
import { parseManifest, type BundleManifest } from './manifest.ts';

export interface LoadedBundle {
  manifest: BundleManifest;
  provider: SourceProvider;
}

const readText = (file: string, what: string): string => {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new InvigilatorError('BUNDLE_INVALID', `(${what} cannot be read: ${(error as Error).message})`, { cause: error });
  }
};

export const loadBundle = (dir: string): LoadedBundle => {
  const manifest = parseManifest(readText(path.join(dir, 'manifest.json'), 'manifest.json'));
  const results = new Map<string, SourceResult>();
  for (const source of manifest.sources) {
    results.set(source.id, {
      id: source.id,
      exitCode: source.exitCode,
      stdout: readText(path.join(dir, source.stdoutFile), source.stdoutFile),
      stderr: source.stderr,
      durationMs: source.durationMs,
      ...(source.errorCode ? { errorCode: source.errorCode } : {}),
      ...(source.errorDetail !== null ? { errorDetail: source.errorDetail } : {}),
      ...(source.truncated ? { truncated: true } : {}),
      ...(source.collectedAtMs !== undefined ? { collectedAtMs: source.collectedAtMs } : {}),
    });
  }
  const provider: SourceProvider = {
    read: (spec: SourceSpec) => Promise.resolve(results.get(spec.id) ?? {
      id: spec.id, exitCode: null, stdout: '', stderr: '', durationMs: 0,
      errorCode: 'SOURCE_NOT_CAPTURED', errorDetail: spec.id,
    }),
  };
  return { manifest, provider };
};
