// The Linux misuse watchers, each switched by the school's pack.
import { liveProvider } from '../../checks/live-provider.ts';
import type { Watcher, WatcherOptions } from '../types.ts';
import { createDownloadsWatch } from './downloads.ts';
import { createInstalledAppsWatch, INSTALL_FOLDERS, INSTALLED_APPS_INTERVAL_MS } from './installed-apps.ts';
import { createLinuxProcessLister } from './linux-processes.ts';
import { linuxSafeguardProbes } from './linux-safeguards.ts';
import { misuseWatchersFrom } from './platform-watchers.ts';
import { createProcessWatch } from './process-watch.ts';
import { createWifiWatch } from './wifi-watch.ts';
import { NMCLI_WIFI_SOURCE, parseNmcliWifi } from './parse-nmcli-wifi.ts';
import path from 'node:path';
import { linuxFilterSettingsSources } from './filter-settings/linux.ts';

export const linuxMisuseWatchers = (options: WatcherOptions): Watcher[] => misuseWatchersFrom(options, {
  safeguards: (common) => linuxSafeguardProbes(options.provider ?? liveProvider, common.logger),
  installedApps: (common) => createInstalledAppsWatch({ ...common, folders: INSTALL_FOLDERS.linux, homesRoot: '/home', pathApi: path.posix, intervalMs: INSTALLED_APPS_INTERVAL_MS }),
  processes: (common) => createProcessWatch({ ...common, lister: createLinuxProcessLister(), intervalMs: 2_000 }),
  filterSettings: linuxFilterSettingsSources(),
  downloads: (common) => createDownloadsWatch({ ...common, homesRoot: '/home', pathApi: path.posix, rescanMs: 60_000, stableMs: 1_000 }),
  wifi: (common) => createWifiWatch({ ...common, source: NMCLI_WIFI_SOURCE, parse: parseNmcliWifi, intervalMs: 10_000 }),
});
