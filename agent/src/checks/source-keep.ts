// Cuts a file's text down to what a reader needs before anyone holds it: the provider applies it,
// so the live agent, a recorded bundle and its replay all see the same few lines or keys, and
// nothing else of a person's files is kept or written to a bundle.
import type { RawOutput } from '../exec.ts';
import type { SourceKeep } from './types.ts';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The keys named by dotted paths, each inside the same parent objects as in the input. */
const pickKeys = (root: Json, paths: readonly string[]): Json => {
  const kept: Json = {};
  for (const keyPath of paths) {
    const parts = keyPath.split('.');
    let from: Json = root;
    let to: Json = kept;
    for (const [index, part] of parts.entries()) {
      if (index === parts.length - 1) {
        if (Object.hasOwn(from, part)) to[part] = from[part];
        break;
      }
      const next = from[part];
      if (!isObject(next)) break;
      from = next;
      to = isObject(to[part]) ? to[part] : (to[part] = {});
    }
  }
  return kept;
};

export const keepOnly = (keep: SourceKeep, output: RawOutput, file: string): RawOutput => {
  if (output.errorCode) return output;
  if ('lines' in keep) {
    const lines = output.stdout.split(/\r?\n/).filter((line) => keep.lines.test(line));
    return { ...output, stdout: lines.map((line) => `${line}\n`).join('') };
  }
  let root: unknown;
  try {
    root = JSON.parse(output.stdout.replace(/^\uFEFF/, ''));
  } catch (error) {
    // The text is dropped with the reason: a damaged file's contents go no further than an intact one's.
    return { ...output, stdout: '', errorCode: 'OUTPUT_MALFORMED', errorDetail: `${file}: not valid JSON (${(error as Error).message})${output.truncated ? ', cut at the size limit' : ''}` };
  }
  if (!isObject(root)) return { ...output, stdout: '', errorCode: 'OUTPUT_MALFORMED', errorDetail: `${file}: not a JSON object` };
  return { ...output, stdout: `${JSON.stringify(pickKeys(root, keep.jsonKeys))}\n` };
};
