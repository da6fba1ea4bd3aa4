// For a watcher that reads the same sources every few seconds: a file, a folder, or a
// command that names the files it depends on is read again only when one of them changed
// (its time, size or identity), otherwise the last result is given back; costs one stat
// per path. Results of sources no longer asked for are dropped after each look.
import { promises as fs } from 'node:fs';
import type { SourceProvider, SourceResult, SourceSpec } from '../../../checks/types.ts';

export interface ReusingProvider {
  provider: SourceProvider;
  /** Forgets what the last look did not ask for (a removed profile's file). */
  forgetUnread(): void;
}

const stampOf = async (paths: readonly string[]): Promise<string> =>
  (await Promise.all(paths.map(async (file) => {
    const info = await fs.stat(file).catch(() => undefined);
    return info ? `${info.ino}:${info.mtimeMs}:${info.size}` : '-';
  }))).join('|');

export const reuseWhileUnchanged = (inner: SourceProvider): ReusingProvider => {
  const last = new Map<string, { stamp: string; result: SourceResult }>();
  const asked = new Set<string>();
  return {
    provider: {
      async read(spec: SourceSpec): Promise<SourceResult> {
        const paths = spec.kind === 'command' ? spec.dependsOn : [spec.path];
        if (!paths) return inner.read(spec);
        asked.add(spec.id);
        // Stamped before reading: a change while it is read shows as a change at the next look.
        const stamp = await stampOf(paths);
        const known = last.get(spec.id);
        if (known?.stamp === stamp) return known.result;
        const result = await inner.read(spec);
        last.set(spec.id, { stamp, result });
        return result;
      },
    },
    forgetUnread() {
      for (const id of last.keys()) if (!asked.has(id)) last.delete(id);
      asked.clear();
    },
  };
};
