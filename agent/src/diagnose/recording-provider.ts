// Wraps a provider and keeps every result it returns, for the bundle writer.
// Each id is read once: two checks asking for the same source see the same
// output, exactly as a replay of the bundle will.
import type { SourceProvider, SourceResult, SourceSpec } from '../checks/types.ts';

export interface RecordedSource {
  spec: SourceSpec;
  result: SourceResult;
}

export interface RecordingProvider extends SourceProvider {
  /** Every source read so far, in the order first asked for. */
  recorded(): Promise<RecordedSource[]>;
}

export const recordingProvider = (inner: SourceProvider): RecordingProvider => {
  const reads = new Map<string, Promise<RecordedSource>>();
  return {
    read(spec: SourceSpec): Promise<SourceResult> {
      let read = reads.get(spec.id);
      if (!read) {
        read = inner.read(spec).then((result) => ({ spec, result }));
        reads.set(spec.id, read);
      }
      return read.then((recorded) => recorded.result);
    },
    recorded: () => Promise.all(reads.values()),
  };
};
