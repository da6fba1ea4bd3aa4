// Linux system proxies: GNOME's (each person's dconf database over the machine-wide
// ones, read with gsettings as the screen-lock check reads them) and /etc/environment.
// gsettings names the dconf databases it depends on, so the watcher runs it again only
// after one of them changed.
import type { PlatformPath } from 'node:path';
import type { CommandSource, SourceKeep, SourceProvider } from '../../../checks/types.ts';
import {
  folderSource, listFolder, listHomes, parseProblem, problemOf, readOptional, sourceId,
  type FilterSetting, type FilterSettingsProblem, type FilterSettingsReading, type FilterSettingsSource,
} from './filter-setting.ts';
import { parseEnvironmentProxies, parseGnomeProxy } from './parse-gnome-proxy.ts';
import type { ProxyUse } from './parse-firefox-prefs.ts';

const GSETTINGS = '/usr/bin/gsettings';
/** A user-database folder that does not exist: gsettings then reads the machine-wide databases alone. */
const NO_USER_CONFIG = '/nonexistent/invigilator-no-user';
export const GNOME_MACHINE_PLACE = 'the machine-wide GNOME settings (dconf)';
/** Only the proxy variables of /etc/environment are kept. */
const ENVIRONMENT_KEEP: SourceKeep = { lines: /^\s*(?:export\s+)?(?:https?_proxy|all_proxy)\s*=/i, what: 'the http_proxy, https_proxy and all_proxy lines only' };

/** GNOME's proxy for one configuration folder (a person's ~/.config), or the machine-wide one alone. */
export const gnomeProxySource = (configHome: string | undefined, dependsOn: readonly string[]): CommandSource => ({
  id: configHome === undefined ? 'linux.gsettings-proxy-machine' : sourceId('linux', 'gsettings-proxy', configHome),
  kind: 'command', file: GSETTINGS, args: ['list-recursively', 'org.gnome.system.proxy'],
  env: { XDG_CONFIG_HOME: configHome ?? NO_USER_CONFIG }, timeoutMs: 10_000, dependsOn,
});

export interface LinuxSystemSettingsOptions {
  homesRoot: string;
  pathApi: PlatformPath;
  environmentFile: string;
  /** The machine-wide dconf databases and profiles: gsettings' output changes with them. */
  dconfFolders: readonly string[];
  intervalMs: number;
}

const sameUse = (a: ProxyUse, b: ProxyUse): boolean => a.address === b.address && a.how === b.how;

export const createLinuxSystemSettingsSource = (options: LinuxSystemSettingsOptions): FilterSettingsSource => {
  /** GNOME's proxy as one configuration sees it; undefined where GNOME's schema is not installed. */
  const gnome = async (provider: SourceProvider, source: CommandSource, problems: FilterSettingsProblem[]): Promise<ProxyUse[] | undefined> => {
    const result = await provider.read(source);
    if (result.errorCode === 'COMMAND_NOT_FOUND' || /No such schema/i.test(result.stderr)) return undefined;
    if (result.errorCode || result.exitCode !== 0) {
      problems.push(problemOf(result, 'gsettings reading the GNOME proxy'));
      return undefined;
    }
    const uses = parseGnomeProxy(result.stdout, source.id);
    if (uses.ok) return uses.value;
    problems.push(parseProblem(uses));
    return undefined;
  };

  return {
    name: 'system proxy settings',
    intervalMs: options.intervalMs,
    async read(provider: SourceProvider): Promise<FilterSettingsReading> {
      const problems: FilterSettingsProblem[] = [];
      const settings: FilterSetting[] = [];
      const environment = await readOptional(provider, { id: 'linux.environment', kind: 'file', path: options.environmentFile, keep: ENVIRONMENT_KEEP }, options.environmentFile, problems);
      for (const use of environment === undefined ? [] : parseEnvironmentProxies(environment)) {
        // Only an administrator can write it: the device's own configuration, for every program.
        settings.push({ kind: 'proxy', place: 'every program (/etc/environment)', ...use, user: '', managedBy: options.environmentFile });
      }
      const machine = await gnome(provider, gnomeProxySource(undefined, options.dconfFolders), problems);
      if (machine === undefined) return { settings, problems };
      for (const use of machine) settings.push({ kind: 'proxy', place: 'the GNOME desktop', ...use, user: '', managedBy: GNOME_MACHINE_PLACE });
      for (const { user, home } of await listHomes(provider, 'linux', options.homesRoot, options.pathApi, problems)) {
        const config = options.pathApi.join(home, '.config');
        const dconf = options.pathApi.join(config, 'dconf');
        // No database of their own: the machine-wide settings apply, already counted.
        if (!(await listFolder(provider, folderSource('linux', 'dconf-folder', dconf), problems)).includes('user')) continue;
        const own = await gnome(provider, gnomeProxySource(config, [...options.dconfFolders, options.pathApi.join(dconf, 'user')]), problems);
        // What shows through from the machine-wide settings stays the school's.
        for (const use of own?.filter((candidate) => !machine.some((school) => sameUse(candidate, school))) ?? []) {
          settings.push({ kind: 'proxy', place: 'the GNOME desktop', ...use, user });
        }
      }
      return { settings, problems };
    },
  };
};
