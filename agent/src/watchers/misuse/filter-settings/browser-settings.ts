// Proxy and DNS-over-HTTPS settings in the browsers of every person on the device:
// Firefox profiles (prefs.js) and Chromium-family browsers (Local State), weighed
// against the administrator's managed browser policies. One reader for every platform;
// each platform names its folders (and, on Windows, adds the policies in the registry).
// Nothing is read again until a file's time or size changes; the folders are listed again
// when the homes or a profile folder change, and every `relocateEvery` looks (a browser's
// first run in a home that had no folder for it is seen within that).
import { promises as fs } from 'node:fs';
import type { PlatformPath } from 'node:path';
import type { Parsed } from '../../../checks/types.ts';
import { fileStamp, fileStamps, listHomes, readOptionalFile, type FilterSetting, type FilterSettingsReading, type FilterSettingsSource } from './filter-setting.ts';
import { parseChromiumPolicyFiles, parseFirefoxPolicies, type BrowserPolicy, type ManagedSetting } from './parse-browser-policies.ts';
import { parseChromiumLocalState } from './parse-chromium-local-state.ts';
import { firefoxDoh, firefoxProxies, parseFirefoxPrefs, type ProxyUse } from './parse-firefox-prefs.ts';

export interface ChromiumBrowser {
  /** As the DSL reads it: "Google Chrome". */
  name: string;
  /** User-data folders, relative to a home ("google-chrome" under .config on Linux). */
  userDataDirs: readonly string[];
  /** Folders of managed JSON policies (Linux), if the platform keeps them as files. */
  policyDirs?: readonly string[];
}

/** Policies a platform keeps outside files (the Windows registry), with a stamp that changes when they do. */
export interface ExtraPolicies {
  stamp: string;
  firefox?: { policy: BrowserPolicy; source: string };
  chromium: Readonly<Record<string, { policy: BrowserPolicy; source: string }>>;
  problems: string[];
}

export interface BrowserSettingsOptions {
  homesRoot: string;
  pathApi: PlatformPath;
  /** Folders of Firefox profiles, relative to a home. */
  firefoxProfileRoots: readonly string[];
  /** policies.json files an administrator may place. */
  firefoxPolicyFiles: readonly string[];
  chromium: readonly ChromiumBrowser[];
  extraPolicies?: () => Promise<ExtraPolicies>;
  intervalMs: number;
  /** Looks between listings of the homes and profile folders (each look between only compares file times). */
  relocateEvery?: number;
}

const subfolders = async (folder: string, pathApi: PlatformPath): Promise<string[]> =>
  (await fs.readdir(folder, { withFileTypes: true }).catch(() => [])).filter((entry) => entry.isDirectory()).map((entry) => pathApi.join(folder, entry.name));

const jsonFiles = async (folder: string, pathApi: PlatformPath): Promise<string[]> =>
  (await fs.readdir(folder).catch(() => [])).filter((name) => name.endsWith('.json')).map((name) => pathApi.join(folder, name));

interface Located {
  firefoxPrefs: Array<{ user: string; file: string }>;
  localStates: Array<{ user: string; browser: string; file: string }>;
  chromiumPolicyFiles: Array<{ browser: string; file: string }>;
  /** Folders whose time changes when an entry is added or removed: the homes, and the profile folders that exist. */
  folders: string[];
  foldersStamp: string;
}

/**
 * The setting that counts: a locked policy's; else the user's own when they made one (`userSet`);
 * else the policy's default. Each use becomes a setting, managed or the user's.
 */
export const effectiveUses = (
  userSet: boolean, userUses: readonly ProxyUse[], managed: ManagedSetting | undefined,
): Array<ProxyUse & { managed: boolean }> => {
  if (managed && (managed.locked || !userSet)) return managed.uses.map((use) => ({ ...use, managed: true }));
  return userUses.map((use) => ({ ...use, managed: false }));
};

const DEFAULT_RELOCATE_EVERY = 15;

export const createBrowserSettingsSource = (options: BrowserSettingsOptions): FilterSettingsSource => {
  const { pathApi } = options;
  let lastStamp: string | undefined;
  let located: Located | undefined;
  const parsedFiles = new Map<string, { stamp: string; result: unknown }>();
  let looks = 0;

  const locate = async (): Promise<Located> => {
    const located: Located = { firefoxPrefs: [], localStates: [], chromiumPolicyFiles: [], folders: [options.homesRoot], foldersStamp: '' };
    const exists = (file: string): Promise<boolean> => fs.stat(file).then(() => true, () => false);
    for (const { user, home } of await listHomes(options.homesRoot, pathApi)) {
      for (const root of options.firefoxProfileRoots) {
        const folder = pathApi.join(home, root);
        const profiles = await subfolders(folder, pathApi);
        if (profiles.length > 0 || await exists(folder)) located.folders.push(folder);
        for (const profile of profiles) located.firefoxPrefs.push({ user, file: pathApi.join(profile, 'prefs.js') });
      }
      for (const browser of options.chromium) {
        for (const dir of browser.userDataDirs) {
          const file = pathApi.join(home, dir, 'Local State');
          if (await exists(file)) located.localStates.push({ user, browser: browser.name, file });
          else if (await exists(pathApi.join(home, dir))) located.folders.push(pathApi.join(home, dir));
        }
      }
    }
    for (const browser of options.chromium) {
      for (const dir of browser.policyDirs ?? []) {
        if (await exists(dir)) located.folders.push(dir);
        for (const file of await jsonFiles(dir, pathApi)) located.chromiumPolicyFiles.push({ browser: browser.name, file });
      }
    }
    located.foldersStamp = await fileStamps(located.folders);
    return located;
  };

  const firefoxPolicy = async (problems: string[], extra: ExtraPolicies | undefined): Promise<{ policy: BrowserPolicy; source: string } | undefined> => {
    for (const file of options.firefoxPolicyFiles) {
      const text = await readOptionalFile(file, problems);
      if (text === undefined) continue;
      const policy = parseFirefoxPolicies(text, file);
      if (policy.ok) return { policy: policy.value, source: file };
      problems.push(policy.reason);
    }
    return extra?.firefox;
  };

  const chromiumPolicies = async (located: Located, problems: string[], extra: ExtraPolicies | undefined): Promise<Map<string, { policy: BrowserPolicy; source: string }>> => {
    const policies = new Map(Object.entries(extra?.chromium ?? {}));
    for (const browser of options.chromium) {
      const files = located.chromiumPolicyFiles.filter((entry) => entry.browser === browser.name);
      if (files.length === 0) continue;
      const texts: Array<{ name: string; text: string }> = [];
      for (const { file } of files) {
        const text = await readOptionalFile(file, problems);
        if (text !== undefined) texts.push({ name: file, text });
      }
      const policy = parseChromiumPolicyFiles(texts);
      if (policy.ok) policies.set(browser.name, { policy: policy.value, source: pathApi.dirname(files[0]!.file) });
      else problems.push(policy.reason);
    }
    return policies;
  };

  const settingsOf = (
    kind: FilterSetting['kind'], place: string, user: string, uses: Array<ProxyUse & { managed: boolean }>, source: string | undefined,
  ): FilterSetting[] => uses.map(({ address, how, managed }) => ({
    kind, place, address, how, user: managed ? '' : user, ...(managed && source ? { managedBy: source } : {}),
  }));

  return {
    name: 'browser proxy and DNS-over-HTTPS settings',
    intervalMs: options.intervalMs,
    async read(): Promise<FilterSettingsReading | 'unchanged'> {
      // A new home, profile or policy file changes its folder's time: listed again at once; otherwise every so often.
      const due = !located || looks % (options.relocateEvery ?? DEFAULT_RELOCATE_EVERY) === 0;
      if (due || await fileStamps(located!.folders) !== located!.foldersStamp) located = await locate();
      const current = located!;
      looks += 1;
      const extra = await options.extraPolicies?.();
      const files = [...current.firefoxPrefs, ...current.localStates, ...current.chromiumPolicyFiles].map((entry) => entry.file);
      const stamps = new Map(await Promise.all(files.map(async (file) => [file, await fileStamp(file)] as const)));
      const stamp = [[...stamps.values()].join('\n'), await fileStamps(options.firefoxPolicyFiles), extra?.stamp ?? ''].join('\n--\n');
      if (stamp === lastStamp) return 'unchanged';
      const problems: string[] = [...(extra?.problems ?? [])];
      const settings: FilterSetting[] = [];
      for (const file of parsedFiles.keys()) if (!stamps.has(file)) parsedFiles.delete(file);
      /** A file's parsed contents, parsed again only when its time or size changed. */
      const readParsed = async <T>(file: string, parse: (text: string, source: string) => Parsed<T>): Promise<T | undefined> => {
        const fileStampNow = stamps.get(file) ?? '';
        let known = parsedFiles.get(file);
        if (known?.stamp !== fileStampNow) {
          const text = await readOptionalFile(file, problems);
          known = { stamp: fileStampNow, result: text === undefined ? undefined : parse(text, file) };
          parsedFiles.set(file, known);
        }
        const result = known.result as Parsed<T> | undefined;
        if (result && !result.ok) problems.push(result.reason);
        return result?.ok ? result.value : undefined;
      };
      const firefox = await firefoxPolicy(problems, extra);
      for (const { user, file } of current.firefoxPrefs) {
        const prefs = await readParsed(file, parseFirefoxPrefs);
        if (!prefs) continue;
        const doh = firefoxDoh(prefs);
        settings.push(
          ...settingsOf('proxy', 'Firefox', user, effectiveUses(prefs.has('network.proxy.type'), firefoxProxies(prefs), firefox?.policy.proxy), firefox?.source),
          ...settingsOf('dns-over-https', 'Firefox', user, effectiveUses(prefs.has('network.trr.mode'), doh ? [doh] : [], firefox?.policy.doh), firefox?.source),
        );
      }
      const chromium = await chromiumPolicies(current, problems, extra);
      for (const browser of options.chromium) {
        const managed = chromium.get(browser.name);
        // A Chromium policy applies whether or not anyone has started the browser yet.
        settings.push(...settingsOf('proxy', browser.name, '', effectiveUses(false, [], managed?.policy.proxy), managed?.source));
        if (managed?.policy.doh) {
          settings.push(...settingsOf('dns-over-https', browser.name, '', effectiveUses(false, [], managed.policy.doh), managed.source));
          continue;
        }
        for (const { user, file } of current.localStates.filter((entry) => entry.browser === browser.name)) {
          const doh = await readParsed(file, parseChromiumLocalState);
          if (doh) settings.push(...settingsOf('dns-over-https', browser.name, user, effectiveUses(true, doh, undefined), undefined));
        }
      }
      lastStamp = stamp;
      return { settings, problems };
    },
  };
};
