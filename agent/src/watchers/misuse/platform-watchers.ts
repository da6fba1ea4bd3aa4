// Builds a platform's misuse watchers from its parts, leaving out what the
// school's pack switched off. Every watcher gets the same guarded emit, logger,
// settings and logged-in user.
import { DEFAULT_MISUSE_SETTINGS, type MisuseSettings } from '@invigilator/shared/misuse-settings.ts';
import type { Logger } from '@invigilator/shared/logger.ts';
import type { MisuseEvent } from '@invigilator/shared/wire.ts';
import { liveProvider } from '../../checks/live-provider.ts';
import { safeEmit } from '../removable-media/volume-misuse-events.ts';
import type { Watcher, WatcherOptions } from '../types.ts';
import { createSafeguardWatch, type SafeguardProbe } from './safeguard-watch.ts';
import type { FilterSettingsSource } from './filter-settings/filter-setting.ts';
import { createFilterSettingsWatch } from './filter-settings/filter-settings-watch.ts';

export interface CommonMisuseOptions {
  settings: () => MisuseSettings;
  emit: (event: MisuseEvent) => void;
  currentUser: () => Promise<string>;
  logger: Logger;
}

export interface PlatformMisuseParts {
  safeguards?: (common: CommonMisuseOptions) => SafeguardProbe[];
  processes?: (common: CommonMisuseOptions) => Watcher;
  installedApps?: (common: CommonMisuseOptions) => Watcher;
  /** Proxy and DNS-over-HTTPS settings (part of filter bypass, switched with the bypass tools). */
  filterSettings?: readonly FilterSettingsSource[];
  downloads?: (common: CommonMisuseOptions) => Watcher;
  wifi?: (common: CommonMisuseOptions) => Watcher;
}

export const misuseWatchersFrom = (options: WatcherOptions, parts: PlatformMisuseParts): Watcher[] => {
  const settings = options.misuse ?? DEFAULT_MISUSE_SETTINGS;
  const common: CommonMisuseOptions = {
    settings: () => settings,
    emit: safeEmit(options.emit, options.logger),
    currentUser: options.currentUser ?? (() => Promise.resolve('')),
    logger: options.logger,
  };
  const watchers: Watcher[] = [];
  if (settings.safeguards && parts.safeguards) watchers.push(createSafeguardWatch({ ...common, probes: parts.safeguards(common) }));
  if (settings.bypassTools && parts.processes) watchers.push(parts.processes(common));
  if (settings.bypassTools && parts.installedApps) watchers.push(parts.installedApps(common));
  if (settings.bypassTools && parts.filterSettings) watchers.push(createFilterSettingsWatch({ ...common, sources: parts.filterSettings, provider: options.provider ?? liveProvider }));
  if (settings.downloads && parts.downloads) watchers.push(parts.downloads(common));
  if (settings.publicWifi && parts.wifi) watchers.push(parts.wifi(common));
  return watchers;
};
