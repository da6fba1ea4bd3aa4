// The macOS misuse watchers: the application firewall read every 5 s (socketfilterfw
// announces nothing), Gatekeeper every 10 s and XProtect's automatic updates every minute,
// processes from ps every 3 s, Downloads under /Users, the Wi-Fi network from wdutil every 10 s.
import path from 'node:path';
import { check as macosFirewallCheck } from '../../checks/firewall/macos.ts';
import { liveProvider } from '../../checks/live-provider.ts';
import type { Watcher, WatcherOptions } from '../types.ts';
import { createDownloadsWatch } from './downloads.ts';
import { createInstalledAppsWatch, INSTALL_FOLDERS, INSTALLED_APPS_INTERVAL_MS } from './installed-apps.ts';
import { firewallProbe } from './firewall-probe.ts';
import { misuseWatchersFrom } from './platform-watchers.ts';
import { createProcessWatch } from './process-watch.ts';
import { createPsProcessLister } from './ps-processes.ts';
import { macosSafeguardProbes } from './macos-safeguards.ts';
import { parseWdutilWifi, WDUTIL_INFO_SOURCE } from './parse-wdutil-wifi.ts';
import { createWifiWatch } from './wifi-watch.ts';
import { macosFilterSettingsSources } from './filter-settings/macos.ts';

export const macosMisuseWatchers = (options: WatcherOptions): Watcher[] => {
  const provider = options.provider ?? liveProvider;
  return misuseWatchersFrom(options, {
    safeguards: () => [firewallProbe(macosFirewallCheck, provider, { removableMountRoots: [] }, 5_000), ...macosSafeguardProbes(provider)],
    installedApps: (common) => createInstalledAppsWatch({ ...common, folders: INSTALL_FOLDERS.macos, homesRoot: '/Users', pathApi: path.posix, intervalMs: INSTALLED_APPS_INTERVAL_MS }),
    processes: (common) => createProcessWatch({ ...common, lister: createPsProcessLister(provider), intervalMs: 3_000 }),
    filterSettings: macosFilterSettingsSources(),
    wifi: (common) => createWifiWatch({ ...common, provider, source: WDUTIL_INFO_SOURCE, parse: parseWdutilWifi, intervalMs: 10_000 }),
    downloads: (common) => createDownloadsWatch({ ...common, homesRoot: '/Users', pathApi: path.posix, rescanMs: 60_000, stableMs: 1_000 }),
  });
};
