// Writes DIR/manifest.json and DIR/sources/<id>.stdout (the raw text, exactly as collected).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AgentPlatform } from '@invigilator/shared/checks.ts';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import type { CheckContext } from '../checks/types.ts';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, type BundleManifest, type BundleSource } from './manifest.ts';
import type { RecordedSource } from './recording-provider.ts';

export interface BundleHeader {
  platform: AgentPlatform;
  osName: string;
  osVersion: string;
  agentVersion: string;
  collectedAt: Date;
  context: CheckContext;
}

/** Ids become file names: anything outside [A-Za-z0-9._-] is replaced, and clashes get a number. */
const fileNamesFor = (ids: readonly string[]): Map<string, string> => {
  const names = new Map<string, string>();
  const used = new Set<string>();
  for (const id of ids) {
    const base = id.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_');
    let name = base;
    for (let index = 2; used.has(name.toLowerCase()); index += 1) name = `${base}-${index}`;
    used.add(name.toLowerCase());
    names.set(id, `sources/${name}.stdout`);
  }
  return names;
};

const toBundleSource = ({ spec, result }: RecordedSource, stdoutFile: string): BundleSource => ({
  id: spec.id,
  kind: spec.kind,
  ...(spec.kind === 'command' ? { file: spec.file } : { path: spec.path }),
  ...(spec.kind === 'file' && spec.keep ? { kept: spec.keep.what } : {}),
  args: spec.kind === 'command' ? [...spec.args] : [],
  exitCode: result.exitCode,
  errorCode: result.errorCode ?? null,
  errorDetail: result.errorDetail ?? null,
  durationMs: result.durationMs,
  truncated: result.truncated === true,
  stderr: result.stderr,
  stdoutFile,
  ...(result.collectedAtMs !== undefined ? { collectedAtMs: result.collectedAtMs } : {}),
});

export const writeBundle = (dir: string, header: BundleHeader, recorded: readonly RecordedSource[], extraFiles: Record<string, string> = {}): BundleManifest => {
  const names = fileNamesFor(recorded.map((source) => source.spec.id));
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    platform: header.platform,
    osName: header.osName,
    osVersion: header.osVersion,
    agentVersion: header.agentVersion,
    collectedAt: header.collectedAt.toISOString(),
    context: { removableMountRoots: [...header.context.removableMountRoots] },
    sources: recorded.map((source) => toBundleSource(source, names.get(source.spec.id) as string)),
  };
  try {
    mkdirSync(path.join(dir, 'sources'), { recursive: true });
    for (const source of recorded) writeFileSync(path.join(dir, names.get(source.spec.id) as string), source.result.stdout, 'utf8');
    for (const [name, text] of Object.entries(extraFiles)) writeFileSync(path.join(dir, name), text, 'utf8');
    writeFileSync(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  } catch (error) {
    throw new InvigilatorError('STATE_DIR_UNUSABLE', `(the bundle folder ${dir} cannot be written: ${(error as Error).message})`, { cause: error });
  }
  return manifest;
};
