// macOS proxy and DNS-over-HTTPS settings: the proxies in force (scutil --proxy, every
// 10 s) and each person's browsers. macOS does not say whether a configuration profile or
// a person set the system proxy (changing it needs an administrator's password on a
// school Mac), so it is reported as set on the device, for the DSL to weigh.
import path from 'node:path';
import type { CommandSource, SourceProvider } from '../../../checks/types.ts';
import { createBrowserSettingsSource } from './browser-settings.ts';
import { parseProblem, problemOf, type FilterSettingsReading, type FilterSettingsSource } from './filter-setting.ts';
import { parseScutilProxy } from './parse-scutil-proxy.ts';

export const SCUTIL_PROXY_SOURCE: CommandSource = { id: 'macos.scutil-proxy', kind: 'command', file: '/usr/sbin/scutil', args: ['--proxy'], timeoutMs: 10_000 };
export const MACOS_FILTER_SETTINGS_INTERVAL_MS = 10_000;

export const scutilProxySource: FilterSettingsSource = {
  name: 'macOS system proxy',
  intervalMs: MACOS_FILTER_SETTINGS_INTERVAL_MS,
  async read(provider: SourceProvider): Promise<FilterSettingsReading> {
    const result = await provider.read(SCUTIL_PROXY_SOURCE);
    if (result.errorCode || result.exitCode !== 0) return { settings: [], problems: [problemOf(result, 'scutil --proxy')] };
    const uses = parseScutilProxy(result.stdout, SCUTIL_PROXY_SOURCE.id);
    if (!uses.ok) return { settings: [], problems: [parseProblem(uses)] };
    return { settings: uses.value.map((use) => ({ kind: 'proxy' as const, place: 'macOS (network settings)', ...use, user: '' })), problems: [] };
  },
};

const SUPPORT = 'Library/Application Support';

export const macosFilterSettingsSources = (): FilterSettingsSource[] => [
  createBrowserSettingsSource({
    platform: 'macos', homesRoot: '/Users', pathApi: path.posix,
    firefoxProfileRoots: [`${SUPPORT}/Firefox/Profiles`],
    firefoxPolicyFiles: ['/Applications/Firefox.app/Contents/Resources/distribution/policies.json'],
    chromium: [
      { name: 'Google Chrome', userDataDirs: [`${SUPPORT}/Google/Chrome`] },
      { name: 'Microsoft Edge', userDataDirs: [`${SUPPORT}/Microsoft Edge`] },
      { name: 'Brave', userDataDirs: [`${SUPPORT}/BraveSoftware/Brave-Browser`] },
      { name: 'Chromium', userDataDirs: [`${SUPPORT}/Chromium`] },
    ],
    intervalMs: 3_000,
  }),
  scutilProxySource,
];
