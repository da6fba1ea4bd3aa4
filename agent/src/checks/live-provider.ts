import { readSourceFile, runCommand } from '../exec.ts';
import type { SourceProvider, SourceResult, SourceSpec } from './types.ts';

/** Reads sources from the running system. */
export const liveProvider: SourceProvider = {
  async read(spec: SourceSpec): Promise<SourceResult> {
    const output = spec.kind === 'command'
      ? await runCommand({ file: spec.file, args: spec.args, timeoutMs: spec.timeoutMs, encoding: spec.encoding, env: spec.env })
      : await readSourceFile({ path: spec.path, maxBytes: spec.maxBytes, encoding: spec.encoding });
    return { id: spec.id, ...output, collectedAtMs: Date.now() };
  },
};
