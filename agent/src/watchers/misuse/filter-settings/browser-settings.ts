// Proxy and DNS-over-HTTPS settings in the browsers of every person on the device:
// Firefox profiles (prefs.js) and Chromium-family browsers (Local State), weighed
// against the administrator's managed browser policies. One reader for every platform;
// each platform names its folders (and, on Windows, adds the policies in the registry).
// Every folder and file is read through the provider, cut to the lines or keys that
// hold these settings (a person's browser files hold much else, never kept).
import type { PlatformPath } from 'node:path';
import type { AgentPlatform } from '@invigilator/shared/checks.ts';
import type { FileSource, SourceKeep, SourceProvider } from '../../../checks/types.ts';
import {
  folderSource, listFolder, listHomes, parseProblem, readOptional, sourceId,
  type FilterSetting, type FilterSettingsProblem, type FilterSettingsReading, type FilterSettingsSource,
} from './filter-setting.ts';
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

/** Policies a platform keeps outside files (the Windows registry). */
export interface ExtraPolicies {
  firefox?: { policy: BrowserPolicy; source: string };
  chromium: Readonly<Record<string, { policy: BrowserPolicy; source: string }>>;
}

export interface BrowserSettingsOptions {
  /** Names the sources: `<platform>.firefox-prefs:<path>`. */
  platform: AgentPlatform;
  homesRoot: string;
  pathApi: PlatformPath;
  /** Folders of Firefox profiles, relative to a home. */
  firefoxProfileRoots: readonly string[];
  /** policies.json files an administrator may place. */
  firefoxPolicyFiles: readonly string[];
  chromium: readonly ChromiumBrowser[];
  extraPolicies?: (provider: SourceProvider) => Promise<ExtraPolicies>;
  intervalMs: number;
}

/** The only lines of prefs.js that are kept: the proxy and DNS-over-HTTPS preferences. */
export const FIREFOX_PREFS_KEEP: SourceKeep = { lines: /^\s*user_pref\("network\.(?:proxy|trr)\./, what: 'the user_pref lines of network.proxy.* and network.trr.* only' };
export const LOCAL_STATE_KEEP: SourceKeep = { jsonKeys: ['dns_over_https'], what: 'the dns_over_https key only' };
const FIREFOX_POLICIES_KEEP: SourceKeep = { jsonKeys: ['policies.Proxy', 'policies.DNSOverHTTPS'], what: 'the Proxy and DNSOverHTTPS policies only' };
const CHROMIUM_POLICY_NAMES = ['ProxyMode', 'ProxyServerMode', 'ProxyServer', 'ProxyPacUrl', 'ProxySettings', 'DnsOverHttpsMode', 'DnsOverHttpsTemplates'];
const CHROMIUM_POLICY_KEEP: SourceKeep = { jsonKeys: CHROMIUM_POLICY_NAMES, what: 'the proxy and DNS-over-HTTPS policies only' };

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

const settingsOf = (
  kind: FilterSetting['kind'], place: string, user: string, uses: Array<ProxyUse & { managed: boolean }>, source: string | undefined,
): FilterSetting[] => uses.map(({ address, how, managed }) => ({
  kind, place, address, how, user: managed ? '' : user, ...(managed && source ? { managedBy: source } : {}),
}));

export const createBrowserSettingsSource = (options: BrowserSettingsOptions): FilterSettingsSource => {
  const { pathApi, platform } = options;
  const file = (what: string, path: string, keep: SourceKeep): FileSource => ({ id: sourceId(platform, what, path), kind: 'file', path, keep });

  const firefoxPolicy = async (provider: SourceProvider, problems: FilterSettingsProblem[], extra: ExtraPolicies | undefined) => {
    for (const policyFile of options.firefoxPolicyFiles) {
      const text = await readOptional(provider, file('firefox-policies', policyFile, FIREFOX_POLICIES_KEEP), 'Firefox\'s policies', problems);
      if (text === undefined) continue;
      const policy = parseFirefoxPolicies(text, policyFile);
      if (policy.ok) return { policy: policy.value, source: policyFile };
      problems.push(parseProblem(policy));
    }
    return extra?.firefox;
  };

  const chromiumPolicies = async (provider: SourceProvider, problems: FilterSettingsProblem[], extra: ExtraPolicies | undefined) => {
    const policies = new Map(Object.entries(extra?.chromium ?? {}));
    for (const browser of options.chromium) {
      const texts: Array<{ name: string; text: string }> = [];
      for (const dir of browser.policyDirs ?? []) {
        const names = (await listFolder(provider, folderSource(platform, 'chromium-policy-folder', dir), problems)).filter((name) => name.endsWith('.json'));
        for (const name of names) {
          const text = await readOptional(provider, file('chromium-policy', pathApi.join(dir, name), CHROMIUM_POLICY_KEEP), `${browser.name}'s managed policies`, problems);
          if (text !== undefined) texts.push({ name: pathApi.join(dir, name), text });
        }
      }
      if (texts.length === 0) continue;
      const policy = parseChromiumPolicyFiles(texts);
      if (policy.ok) policies.set(browser.name, { policy: policy.value, source: pathApi.dirname(texts[0]!.name) });
      else problems.push(parseProblem(policy));
    }
    return policies;
  };

  const firefoxSettings = async (provider: SourceProvider, homes: Array<{ user: string; home: string }>, problems: FilterSettingsProblem[], managed: Awaited<ReturnType<typeof firefoxPolicy>>) => {
    const settings: FilterSetting[] = [];
    for (const { user, home } of homes) {
      for (const root of options.firefoxProfileRoots) {
        const folder = pathApi.join(home, root);
        for (const entry of await listFolder(provider, folderSource(platform, 'firefox-profiles', folder), problems)) {
          if (!entry.endsWith('/')) continue;
          const prefsFile = pathApi.join(folder, entry.slice(0, -1), 'prefs.js');
          const text = await readOptional(provider, file('firefox-prefs', prefsFile, FIREFOX_PREFS_KEEP), 'Firefox preferences', problems);
          if (text === undefined) continue;
          const prefs = parseFirefoxPrefs(text, prefsFile);
          if (!prefs.ok) {
            problems.push(parseProblem(prefs));
            continue;
          }
          const doh = firefoxDoh(prefs.value);
          settings.push(
            ...settingsOf('proxy', 'Firefox', user, effectiveUses(prefs.value.has('network.proxy.type'), firefoxProxies(prefs.value), managed?.policy.proxy), managed?.source),
            ...settingsOf('dns-over-https', 'Firefox', user, effectiveUses(prefs.value.has('network.trr.mode'), doh ? [doh] : [], managed?.policy.doh), managed?.source),
          );
        }
      }
    }
    return settings;
  };

  return {
    name: 'browser proxy and DNS-over-HTTPS settings',
    intervalMs: options.intervalMs,
    async read(provider: SourceProvider): Promise<FilterSettingsReading> {
      const problems: FilterSettingsProblem[] = [];
      const homes = await listHomes(provider, platform, options.homesRoot, pathApi, problems);
      const extra = await options.extraPolicies?.(provider);
      const settings = await firefoxSettings(provider, homes, problems, await firefoxPolicy(provider, problems, extra));
      const chromium = await chromiumPolicies(provider, problems, extra);
      for (const browser of options.chromium) {
        const managed = chromium.get(browser.name);
        // A Chromium policy applies whether or not anyone has started the browser yet.
        settings.push(...settingsOf('proxy', browser.name, '', effectiveUses(false, [], managed?.policy.proxy), managed?.source));
        if (managed?.policy.doh) {
          settings.push(...settingsOf('dns-over-https', browser.name, '', effectiveUses(false, [], managed.policy.doh), managed.source));
          continue;
        }
        for (const { user, home } of homes) {
          for (const dir of browser.userDataDirs) {
            const localState = pathApi.join(home, dir, 'Local State');
            const text = await readOptional(provider, file('chromium-local-state', localState, LOCAL_STATE_KEEP), `${browser.name}'s Local State`, problems);
            if (text === undefined) continue;
            const doh = parseChromiumLocalState(text, localState);
            if (doh.ok) settings.push(...settingsOf('dns-over-https', browser.name, user, effectiveUses(true, doh.value, undefined), undefined));
            else problems.push(parseProblem(doh));
          }
        }
      }
      return { settings, problems };
    },
  };
};
