// A proxy or DNS-over-HTTPS setting as the agent finds it: where it is set, the address
// it sends traffic or names to, whose it is, and whether an administrator's managed
// policy set it (then it is reported as the school's setting, not as a pupil's misuse).
import type { PlatformPath } from 'node:path';
import type { AgentPlatform } from '@invigilator/shared/checks.ts';
import { ERRORS, type ErrorCode } from '@invigilator/shared/errors.ts';
import type { FileSource, FolderSource, SourceProvider, SourceResult } from '../../../checks/types.ts';
import { NOT_A_PERSON } from '../downloads.ts';

export type FilterSettingKind = 'proxy' | 'dns-over-https';

export interface FilterSetting {
  kind: FilterSettingKind;
  /** Where it is set, in words: "Firefox", "the GNOME desktop", "Windows Internet Options". */
  place: string;
  /** The proxy (host:port), its automatic-configuration (PAC) address, or the DNS-over-HTTPS resolver. */
  address: string;
  /** How it is used: "HTTP proxy", "SOCKS proxy", "automatic configuration script", "only, never ordinary DNS". */
  how: string;
  /** The account whose settings these are; '' for the whole device. */
  user: string;
  /** The managed policy (file or registry key) that set it; absent when the user set it. */
  managedBy?: string;
}

/** Why part of the settings could not be read: the catalogue code, and a sentence naming the file or command. */
export interface FilterSettingsProblem {
  problemCode: ErrorCode;
  problem: string;
}

/** What one source of settings found, and what it could not read (said once in the log, not every poll). */
export interface FilterSettingsReading {
  settings: FilterSetting[];
  problems: FilterSettingsProblem[];
}

/**
 * One place settings are kept (a platform's browsers, its system proxy). It reads only through the
 * provider it is given: the live system for the watcher and `check --misuse`, a recording for
 * `diagnose`, a bundle for `check --replay --misuse`, so all of them see the same.
 */
export interface FilterSettingsSource {
  name: string;
  /** How often the watcher reads it. */
  intervalMs: number;
  read(provider: SourceProvider): Promise<FilterSettingsReading>;
}

export const settingKey = (setting: FilterSetting): string =>
  [setting.kind, setting.place, setting.user, setting.address, setting.how, setting.managedBy ?? ''].join('\u0000');

/** The setting as it may leave the device (see addressWithoutSecrets). */
export const withoutSecrets = (setting: FilterSetting): FilterSetting => ({ ...setting, address: addressWithoutSecrets(setting.address) });

/** `<platform>.<what>`, and `:<which>` (a path, for sources read once per file or folder). */
export const sourceId = (platform: AgentPlatform, what: string, which?: string): string =>
  `${platform}.${what}${which === undefined ? '' : `:${which}`}`;

export const folderSource = (platform: AgentPlatform, what: string, folder: string): FolderSource =>
  ({ id: sourceId(platform, what, folder), kind: 'folder', path: folder });

export const problemOf = (result: SourceResult, what: string): FilterSettingsProblem => {
  const problemCode = result.errorCode ?? 'COMMAND_FAILED';
  const detail = result.errorDetail ?? `exited ${String(result.exitCode)}: ${result.stderr.trim().slice(0, 200)}`;
  return { problemCode, problem: `${ERRORS[problemCode]} (${what}, ${detail})` };
};

export const parseProblem = (failed: { code: ErrorCode; reason: string }): FilterSettingsProblem => ({ problemCode: failed.code, problem: failed.reason });

/** A file's (kept) text or a folder's listing, or undefined when it is missing (nothing is set there); any other failure is a problem. */
export const readOptional = async (provider: SourceProvider, spec: FileSource | FolderSource, what: string, problems: FilterSettingsProblem[]): Promise<string | undefined> => {
  const result = await provider.read(spec);
  if (result.errorCode === 'COMMAND_NOT_FOUND') return undefined;
  if (result.errorCode || result.exitCode !== 0) {
    problems.push(problemOf(result, what));
    return undefined;
  }
  return result.stdout;
};

/** A folder's entries (sub-folders end in "/"); a missing folder has none. */
export const listFolder = async (provider: SourceProvider, spec: FolderSource, problems: FilterSettingsProblem[]): Promise<string[]> => {
  const text = await readOptional(provider, spec, `the folder ${spec.path}`, problems);
  return text === undefined ? [] : text.split('\n').filter(Boolean);
};

/** The people's home folders under a homes root, by folder name (which is the account name). */
export const listHomes = async (
  provider: SourceProvider, platform: AgentPlatform, homesRoot: string, pathApi: PlatformPath, problems: FilterSettingsProblem[],
): Promise<Array<{ user: string; home: string }>> =>
  (await listFolder(provider, { id: sourceId(platform, 'homes'), kind: 'folder', path: homesRoot }, problems))
    .filter((entry) => entry.endsWith('/') && !entry.startsWith('.') && !NOT_A_PERSON.has(entry.slice(0, -1).toLowerCase()))
    .map((entry) => ({ user: entry.slice(0, -1), home: pathApi.join(homesRoot, entry.slice(0, -1)) }));

/**
 * An address as it may leave the device: a URL keeps its scheme, host, port and path, never a user name,
 * password, query or fragment (a PAC or DoH address can carry an account token there).
 */
export const addressWithoutSecrets = (address: string): string => {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(address)) return address.replace(/^[^@/]*@/, '');
  try {
    const url = new URL(address);
    return `${url.protocol}//${url.host}${url.pathname === '/' && !address.endsWith('/') ? '' : url.pathname}`;
  } catch {
    return address.replace(/[?#].*$/, '').replace(/\/\/[^@/]*@/, '//');
  }
};

/** "host:port" of a proxy URL or host[:port] text ("http://proxy:3128/" -> "proxy:3128"); undefined when empty. */
export const proxyAddress = (text: string): string | undefined => {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const withoutScheme = trimmed.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/^[^@/]*@/, '');
  const address = withoutScheme.replace(/\/.*$/, '');
  return address || undefined;
};
