// The diagnostic bundle's manifest.json: what was collected, where, and with
// which context, so `check --replay` judges exactly what the device saw.
import { AGENT_PLATFORMS, type AgentPlatform } from '@invigilator/shared/checks.ts';
import { InvigilatorError, isErrorCode, type ErrorCode } from '@invigilator/shared/errors.ts';
import type { CheckContext } from '../checks/types.ts';

export const BUNDLE_FORMAT = 'invigilator-diagnostic-bundle';
export const BUNDLE_FORMAT_VERSION = 1;

export interface BundleSource {
  id: string;
  kind: 'command' | 'file' | 'folder';
  /** The program (commands). */
  file?: string;
  /** The file read, or the folder listed. */
  path?: string;
  /** What of a file was kept (the rest never left the agent's reader), when not all of it. */
  kept?: string;
  args: readonly string[];
  exitCode: number | null;
  errorCode: ErrorCode | null;
  errorDetail: string | null;
  durationMs: number;
  truncated: boolean;
  stderr: string;
  /** Relative to the bundle folder: sources/<id>.stdout. */
  stdoutFile: string;
  /** Epoch ms when the read finished; absent in bundles that did not record it. */
  collectedAtMs?: number;
}

export interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  formatVersion: typeof BUNDLE_FORMAT_VERSION;
  platform: AgentPlatform;
  osName: string;
  osVersion: string;
  agentVersion: string;
  collectedAt: string;
  context: CheckContext;
  sources: BundleSource[];
}

const invalid = (detail: string): InvigilatorError => new InvigilatorError('BUNDLE_INVALID', `(${detail})`);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

const isEpochMs = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** A source's stdout file stays inside the bundle: no absolute paths, no "..". */
const isInsideBundle = (file: string): boolean =>
  file !== '' && !file.startsWith('/') && !file.startsWith('\\') && !/^[A-Za-z]:/.test(file) && !file.split(/[\\/]/).includes('..');

const parseSource = (value: unknown, index: number): BundleSource => {
  if (!isRecord(value)) throw invalid(`sources[${index}] is not an object`);
  const { id, kind, file, path, kept, args, exitCode, errorCode, errorDetail, durationMs, truncated, stderr, stdoutFile, collectedAtMs } = value;
  if (typeof id !== 'string' || id === '') throw invalid(`sources[${index}].id is missing`);
  if (kind !== 'command' && kind !== 'file' && kind !== 'folder') throw invalid(`sources[${index}].kind must be "command", "file" or "folder"`);
  if (typeof stdoutFile !== 'string' || !isInsideBundle(stdoutFile)) throw invalid(`sources[${index}].stdoutFile must be a path inside the bundle`);
  if (exitCode !== null && typeof exitCode !== 'number') throw invalid(`sources[${index}].exitCode must be a number or null`);
  if (errorCode !== null && errorCode !== undefined && (typeof errorCode !== 'string' || !isErrorCode(errorCode))) throw invalid(`sources[${index}].errorCode "${String(errorCode)}" is not a known code`);
  if (collectedAtMs !== undefined && !isEpochMs(collectedAtMs)) throw invalid(`sources[${index}].collectedAtMs must be a time in milliseconds since 1970`);
  return {
    id, kind,
    ...(typeof file === 'string' ? { file } : {}),
    ...(typeof path === 'string' ? { path } : {}),
    ...(typeof kept === 'string' ? { kept } : {}),
    args: isStringList(args) ? args : [],
    exitCode: exitCode ?? null,
    errorCode: (errorCode as ErrorCode | null | undefined) ?? null,
    errorDetail: typeof errorDetail === 'string' ? errorDetail : null,
    durationMs: typeof durationMs === 'number' ? durationMs : 0,
    truncated: truncated === true,
    stderr: typeof stderr === 'string' ? stderr : '',
    stdoutFile,
    ...(collectedAtMs !== undefined ? { collectedAtMs } : {}),
  };
};

/** Checks a manifest read from disk; anything unexpected is BUNDLE_INVALID with the field named. */
export const parseManifest = (text: string): BundleManifest => {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw invalid(`manifest.json is not JSON: ${(error as Error).message}`);
  }
  if (!isRecord(value)) throw invalid('manifest.json is not an object');
  if (value.format !== BUNDLE_FORMAT) throw invalid(`format is "${String(value.format)}", expected "${BUNDLE_FORMAT}"`);
  if (value.formatVersion !== BUNDLE_FORMAT_VERSION) throw invalid(`formatVersion ${String(value.formatVersion)} is not one this agent reads (it reads ${BUNDLE_FORMAT_VERSION})`);
  const platform = value.platform;
  if (typeof platform !== 'string' || !(AGENT_PLATFORMS as readonly string[]).includes(platform)) throw invalid(`platform "${String(platform)}" is not linux, windows or macos`);
  const context = value.context;
  if (!isRecord(context) || !isStringList(context.removableMountRoots)) throw invalid('context.removableMountRoots must be a list of folders');
  if (!Array.isArray(value.sources)) throw invalid('sources must be a list');
  const text_ = (key: string): string => (typeof value[key] === 'string' ? value[key] : '');
  return {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    platform: platform as AgentPlatform,
    osName: text_('osName'),
    osVersion: text_('osVersion'),
    agentVersion: text_('agentVersion'),
    collectedAt: text_('collectedAt'),
    context: { removableMountRoots: context.removableMountRoots },
    sources: value.sources.map(parseSource),
  };
};
