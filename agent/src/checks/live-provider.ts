import { listSourceFolder, readSourceFile, runCommand, type RawOutput } from '../exec.ts';
import { keepOnly } from './source-keep.ts';
import type { SourceProvider, SourceResult, SourceSpec } from './types.ts';

const readLive = async (spec: SourceSpec): Promise<RawOutput> => {
  switch (spec.kind) {
    case 'command': return runCommand({ file: spec.file, args: spec.args, timeoutMs: spec.timeoutMs, encoding: spec.encoding, env: spec.env });
    case 'folder': return listSourceFolder(spec.path);
    case 'file': {
      const output = await readSourceFile({ path: spec.path, maxBytes: spec.maxBytes, encoding: spec.encoding });
      return spec.keep ? keepOnly(spec.keep, output, spec.path) : output;
    }
  }
};

/** Reads sources from the running system. */
export const liveProvider: SourceProvider = {
  async read(spec: SourceSpec): Promise<SourceResult> {
    return { id: spec.id, ...await readLive(spec), collectedAtMs: Date.now() };
  },
};
