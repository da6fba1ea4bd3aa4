// XProtect, the malware definitions built into macOS: its version from the bundle
// (`defaults read …/XProtect.bundle/Contents/Info.plist CFBundleShortVersionString`)
// and when it was last updated from the installer receipts (`pkgutil`). From
// macOS 15 the definitions in use live in /private/var/protected/xprotect and are
// updated outside installer receipts: that copy's version and modification time
// (`stat -f %m`, Unix seconds) are read too.
import { parsed, type Parsed } from '../types.ts';
import { unreadable } from '../../parsers/reasons.ts';

export const XPROTECT_VERSION_SOURCE = 'macos.xprotect-bundle-version';
export const XPROTECT_RECEIPTS_SOURCE = 'macos.pkgutil-xprotect-receipts';
export const XPROTECT_LIVE_VERSION_SOURCE = 'macos.xprotect-live-bundle-version';
export const XPROTECT_LIVE_MODIFIED_SOURCE = 'macos.xprotect-live-bundle-modified';
export const receiptSourceId = (packageId: string): string => `macos.pkgutil-pkg-info.${packageId}`;

const linesOf = (text: string): string[] => text.replace(/\r/g, '').split('\n').map((line) => line.trim()).filter((line) => line !== '');

/** The bundle version: a bare number such as "5287" (older bundles: "2149"). */
export const parseXprotectVersion = (text: string): Parsed<string> => {
  const lines = linesOf(text);
  const version = lines[0] ?? '';
  if (lines.length !== 1 || !/^\d+(?:\.\d+)*$/.test(version)) return unreadable('OUTPUT_UNRECOGNISED', XPROTECT_VERSION_SOURCE, `"${text.trim().slice(0, 60)}" is not a version number`);
  return parsed(version);
};

const PACKAGE_ID = /^com\.apple\.pkg\.XProtect[\w.-]*$/;

/** `pkgutil --pkgs=<regex>`: one package id a line; none is an empty answer. */
export const parsePkgutilPackageIds = (text: string): Parsed<string[]> => {
  const ids = linesOf(text);
  const odd = ids.find((id) => !PACKAGE_ID.test(id));
  if (odd !== undefined) return unreadable('OUTPUT_UNRECOGNISED', XPROTECT_RECEIPTS_SOURCE, `"${odd.slice(0, 80)}" is not an XProtect package id`);
  return parsed(ids);
};

export interface PackageReceipt {
  packageId: string;
  version: string;
  installedAtMs: number;
}

/** `pkgutil --pkg-info <id>`: "key: value" lines; install-time is Unix seconds. */
export const parsePkgutilPkgInfo = (text: string, source: string): Parsed<PackageReceipt> => {
  const fields = new Map<string, string>();
  for (const line of linesOf(text)) {
    const match = /^([a-z-]+): ?(.*)$/.exec(line);
    if (!match) return unreadable('OUTPUT_UNRECOGNISED', source, `unexpected line "${line.slice(0, 80)}"`);
    fields.set(match[1] ?? '', match[2] ?? '');
  }
  const packageId = fields.get('package-id');
  const version = fields.get('version');
  const installTime = fields.get('install-time');
  if (!packageId) return unreadable('OUTPUT_UNRECOGNISED', source, 'no "package-id:" line');
  if (version === undefined || installTime === undefined) {
    return unreadable('OUTPUT_TRUNCATED', source, 'package-id, version or install-time is missing');
  }
  if (!/^\d{9,11}$/.test(installTime)) return unreadable('OUTPUT_UNRECOGNISED', source, `install-time "${installTime}" is not Unix seconds`);
  return parsed({ packageId, version, installedAtMs: Number(installTime) * 1000 });
};

/** `stat -f %m <file>`: the modification time in Unix seconds. */
export const parseStatModifiedSeconds = (text: string, source: string): Parsed<number> => {
  const lines = linesOf(text);
  const seconds = lines[0] ?? '';
  if (lines.length !== 1 || !/^\d{9,11}$/.test(seconds)) return unreadable('OUTPUT_UNRECOGNISED', source, `"${text.trim().slice(0, 60)}" is not Unix seconds`);
  return parsed(Number(seconds) * 1000);
};

/** The higher of two bundle versions ("5297" beats "5287"; "5287.1" beats "5287"). */
export const newerVersion = (first: string, second: string): string => {
  const parts = (version: string): number[] => version.split('.').map(Number);
  const [a, b] = [parts(first), parts(second)];
  for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) return difference > 0 ? first : second;
  }
  return first;
};
