// Proxy and DNS-over-HTTPS settings, read from each platform's sources every few
// seconds (while no file or folder they read has changed, a look costs stat calls). A setting the user made is reported when it first appears, including
// one already there when the agent starts; a managed policy's setting is reported
// when it changes while the agent runs (at start it is the school's standing
// configuration, logged only). A setting removed is not misuse and is not reported.
import { ERRORS, codeOf } from '@invigilator/shared/errors.ts';
import { createPoller } from '../../poller.ts';
import { combineWatchers } from '../../combined.ts';
import type { Watcher } from '../../types.ts';
import { filterSettingSet } from '../misuse-events.ts';
import type { SourceProvider } from '../../../checks/types.ts';
import type { CommonMisuseOptions } from '../platform-watchers.ts';
import { settingKey, withoutSecrets, type FilterSetting, type FilterSettingsSource } from './filter-setting.ts';
import { reuseWhileUnchanged } from './reuse-unchanged.ts';

export interface FilterSettingsWatchOptions extends CommonMisuseOptions {
  sources: readonly FilterSettingsSource[];
  provider: SourceProvider;
}

const watchSource = (source: FilterSettingsSource, options: FilterSettingsWatchOptions): Watcher => {
  let known: Map<string, FilterSetting> | undefined;
  const warned = new Set<string>();
  const reusing = reuseWhileUnchanged(options.provider);
  const look = async (): Promise<void> => {
    if (reusing.unchanged()) return;
    const reading = await source.read(reusing.provider);
    reusing.endLook();
    for (const { problemCode, problem } of reading.problems) {
      if (warned.has(problem)) continue;
      warned.add(problem);
      options.logger.warn({ code: 'FILTER_SETTINGS_UNREADABLE', problemCode, source: source.name }, `${ERRORS.FILTER_SETTINGS_UNREADABLE} (${problem})`);
    }
    const atStart = known === undefined;
    const next = new Map(reading.settings.map(withoutSecrets).map((setting) => [settingKey(setting), setting]));
    for (const [key, setting] of next) {
      if (known?.has(key)) continue;
      const { kind, place, address, managedBy } = setting;
      if (atStart && managedBy !== undefined) {
        options.logger.info({ kind, place, address, managedBy }, 'A managed policy sets a proxy or DNS over HTTPS.');
        continue;
      }
      const user = setting.user || await options.currentUser();
      options.logger.info({ kind, place, address, user, managedBy }, 'A proxy or DNS-over-HTTPS setting was found.');
      options.emit(filterSettingSet({ ...setting, user }));
    }
    known = next;
  };
  return createPoller(look, source.intervalMs, (error) =>
    options.logger.warn({ code: codeOf(error), err: error, source: source.name }, `${ERRORS[codeOf(error)]} (reading ${source.name})`));
};

export const createFilterSettingsWatch = (options: FilterSettingsWatchOptions): Watcher =>
  combineWatchers(options.sources.map((source) => watchSource(source, options)), options.logger);
