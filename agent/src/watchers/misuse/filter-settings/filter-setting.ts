// A proxy or DNS-over-HTTPS setting as the agent finds it: where it is set, the address
// it sends traffic or names to, whose it is, and whether an administrator's managed
// policy set it (then it is reported as the school's setting, not as a pupil's misuse).
import { promises as fs } from 'node:fs';
import type { PlatformPath } from 'node:path';
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

/** What one source of settings found, and what it could not read (said once in the log, not every poll). */
export interface FilterSettingsReading {
  settings: FilterSetting[];
  problems: string[];
}

export interface FilterSettingsSource {
  name: string;
  /** How often it is read; a source that can tell nothing changed (file times) answers 'unchanged' cheaply. */
  intervalMs: number;
  read(): Promise<FilterSettingsReading | 'unchanged'>;
}

export const settingKey = (setting: FilterSetting): string =>
  [setting.kind, setting.place, setting.user, setting.address, setting.how, setting.managedBy ?? ''].join('\u0000');

/** The people's home folders under a homes root, by folder name (which is the account name). */
export const listHomes = async (homesRoot: string, pathApi: PlatformPath): Promise<Array<{ user: string; home: string }>> => {
  const entries = await fs.readdir(homesRoot, { withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && !NOT_A_PERSON.has(entry.name.toLowerCase()))
    .map((entry) => ({ user: entry.name, home: pathApi.join(homesRoot, entry.name) }));
};

/** "path:mtime:size" for each file that exists: changes whenever one of them is written, created or removed. */
export const fileStamps = async (files: readonly string[]): Promise<string> =>
  (await Promise.all(files.map(fileStamp))).filter(Boolean).join('\n');

/** One file's "path:mtime:size", or '' when it is missing. */
export const fileStamp = async (file: string): Promise<string> => {
  const info = await fs.stat(file).catch(() => undefined);
  return info ? `${file}:${info.mtimeMs}:${info.size}` : '';
};

/** A text file's contents, or undefined when it is missing; other failures are problems to report. */
export const readOptionalFile = async (file: string, problems: string[], maxBytes = 4 * 1024 * 1024): Promise<string | undefined> => {
  try {
    const info = await fs.stat(file);
    if (!info.isFile()) return undefined;
    if (info.size > maxBytes) {
      problems.push(`${file} is larger than ${maxBytes} bytes and was not read`);
      return undefined;
    }
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    problems.push(`${file} could not be read (${code ?? (error as Error).message})`);
    return undefined;
  }
};

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
