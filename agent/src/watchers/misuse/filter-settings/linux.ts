// Where Linux keeps browser and system proxy settings, and the administrator's policies.
import path from 'node:path';
import { createBrowserSettingsSource, type ChromiumBrowser } from './browser-settings.ts';
import type { FilterSettingsSource } from './filter-setting.ts';
import { createLinuxSystemSettingsSource } from './linux-system-settings.ts';

export const LINUX_FIREFOX_PROFILE_ROOTS = ['.mozilla/firefox', 'snap/firefox/common/.mozilla/firefox', '.var/app/org.mozilla.firefox/.mozilla/firefox'];
export const LINUX_FIREFOX_POLICY_FILES = [
  '/etc/firefox/policies/policies.json', '/usr/lib/firefox/distribution/policies.json',
  '/usr/lib/firefox-esr/distribution/policies.json', '/opt/firefox/distribution/policies.json',
];
export const LINUX_CHROMIUM_BROWSERS: readonly ChromiumBrowser[] = [
  { name: 'Google Chrome', userDataDirs: ['.config/google-chrome'], policyDirs: ['/etc/opt/chrome/policies/managed'] },
  { name: 'Chromium', userDataDirs: ['.config/chromium', 'snap/chromium/common/chromium'], policyDirs: ['/etc/chromium/policies/managed', '/etc/chromium-browser/policies/managed'] },
  { name: 'Microsoft Edge', userDataDirs: ['.config/microsoft-edge'], policyDirs: ['/etc/opt/edge/policies/managed'] },
  { name: 'Brave', userDataDirs: ['.config/BraveSoftware/Brave-Browser'], policyDirs: ['/etc/brave/policies/managed'] },
];

/** Files are compared by time every 2 s (stat calls); a file is read, or gsettings run, only after a change. */
export const LINUX_FILTER_SETTINGS_INTERVAL_MS = 2_000;

export const linuxFilterSettingsSources = (homesRoot = '/home'): FilterSettingsSource[] => [
  createBrowserSettingsSource({
    platform: 'linux', homesRoot, pathApi: path.posix, firefoxProfileRoots: LINUX_FIREFOX_PROFILE_ROOTS, firefoxPolicyFiles: LINUX_FIREFOX_POLICY_FILES,
    chromium: LINUX_CHROMIUM_BROWSERS, intervalMs: LINUX_FILTER_SETTINGS_INTERVAL_MS,
  }),
  createLinuxSystemSettingsSource({
    homesRoot, pathApi: path.posix, environmentFile: '/etc/environment',
    dconfFolders: ['/etc/dconf/db', '/etc/dconf/profile'], intervalMs: LINUX_FILTER_SETTINGS_INTERVAL_MS,
  }),
];
