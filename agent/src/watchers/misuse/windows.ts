// The Windows misuse watchers: processes from tasklist every 3 s, Downloads under
// C:\Users, the Wi-Fi network from netsh every 10 s, proxy and DNS-over-HTTPS settings
// every 30 s, and safeguards switched off from the event log as each event is written.
import path from 'node:path';
import { liveProvider } from '../../checks/live-provider.ts';
import type { Watcher, WatcherOptions } from '../types.ts';
import { createDownloadsWatch } from './downloads.ts';
import { createInstalledAppsWatch, INSTALL_FOLDERS, INSTALLED_APPS_INTERVAL_MS } from './installed-apps.ts';
import { NETSH_WLAN_SOURCE, parseNetshWlanInterfaces } from './parse-netsh-wlan.ts';
import { parseTasklistCsv, TASKLIST_SOURCE } from './parse-tasklist.ts';
import { misuseWatchersFrom } from './platform-watchers.ts';
import { createProcessWatch } from './process-watch.ts';
import { commandProcessLister } from './ps-processes.ts';
import { createWifiWatch } from './wifi-watch.ts';
import { createWindowsSafeguardWatch } from './windows-safeguards.ts';
import { windowsFilterSettingsSources } from './filter-settings/windows.ts';

const usersRoot = (env: NodeJS.ProcessEnv = process.env): string => `${(env.SystemDrive ?? 'C:').replace(/\\+$/, '')}\\Users`;

export const windowsMisuseWatchers = (options: WatcherOptions): Watcher[] => {
  const provider = options.provider ?? liveProvider;
  const watchers = misuseWatchersFrom(options, {
    installedApps: (common) => createInstalledAppsWatch({ ...common, folders: INSTALL_FOLDERS.windows, homesRoot: usersRoot(), pathApi: path.win32, intervalMs: INSTALLED_APPS_INTERVAL_MS }),
    processes: (common) => createProcessWatch({ ...common, lister: commandProcessLister(TASKLIST_SOURCE, parseTasklistCsv, provider), intervalMs: 3_000 }),
    filterSettings: windowsFilterSettingsSources(),
    downloads: (common) => createDownloadsWatch({ ...common, homesRoot: usersRoot(), pathApi: path.win32, rescanMs: 60_000, stableMs: 1_000 }),
    wifi: (common) => createWifiWatch({ ...common, provider, source: NETSH_WLAN_SOURCE, parse: parseNetshWlanInterfaces, intervalMs: 10_000 }),
  });
  if (options.misuse?.safeguards ?? true) watchers.push(createWindowsSafeguardWatch(options));
  return watchers;
};
