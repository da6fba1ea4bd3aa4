// Linux system proxies: GNOME's (each person's dconf database over the machine-wide
// ones, read with gsettings as the screen-lock check reads them) and /etc/environment.
// gsettings runs only when a dconf database or the environment file changed.
import type { PlatformPath } from 'node:path';
import type { CommandSource, SourceProvider } from '../../../checks/types.ts';
import { fileStamp, fileStamps, listHomes, readOptionalFile, type FilterSetting, type FilterSettingsReading, type FilterSettingsSource } from './filter-setting.ts';
import { parseEnvironmentProxies, parseGnomeProxy } from './parse-gnome-proxy.ts';
import type { ProxyUse } from './parse-firefox-prefs.ts';
import { promises as fs } from 'node:fs';

const GSETTINGS = '/usr/bin/gsettings';
/** A user-database folder that does not exist: gsettings then reads the machine-wide databases alone. */
const NO_USER_CONFIG = '/nonexistent/invigilator-no-user';
export const GNOME_MACHINE_PLACE = 'the machine-wide GNOME settings (dconf)';

export const gnomeProxySource = (configHome: string): CommandSource => ({
  id: configHome === NO_USER_CONFIG ? 'linux.gsettings-proxy-machine' : 'linux.gsettings-proxy',
  kind: 'command', file: GSETTINGS, args: ['list-recursively', 'org.gnome.system.proxy'], env: { XDG_CONFIG_HOME: configHome }, timeoutMs: 10_000,
});

export interface LinuxSystemSettingsOptions {
  provider: SourceProvider;
  homesRoot: string;
  pathApi: PlatformPath;
  /** The machine-wide files whose change means reading again: /etc/environment, the dconf databases and profiles. */
  environmentFile: string;
  dconfFolders: readonly string[];
  intervalMs: number;
}

const RELOCATE_EVERY = 15;

const sameUse = (a: ProxyUse, b: ProxyUse): boolean => a.address === b.address && a.how === b.how;

export const createLinuxSystemSettingsSource = (options: LinuxSystemSettingsOptions): FilterSettingsSource => {
  let lastStamp: string | undefined;

  /** GNOME's proxy as one configuration sees it; undefined where GNOME's schema is not installed. */
  const gnome = async (configHome: string, problems: string[]): Promise<ProxyUse[] | undefined> => {
    const source = gnomeProxySource(configHome);
    const result = await options.provider.read(source);
    if (result.errorCode === 'COMMAND_NOT_FOUND' || /No such schema/i.test(result.stderr)) return undefined;
    if (result.errorCode || result.exitCode !== 0) {
      problems.push(`gsettings could not read the GNOME proxy (${result.errorDetail ?? result.stderr.trim().slice(0, 200)})`);
      return undefined;
    }
    const uses = parseGnomeProxy(result.stdout, source.id);
    if (uses.ok) return uses.value;
    problems.push(uses.reason);
    return undefined;
  };

  const dconfFiles = async (): Promise<string[]> => (await Promise.all(options.dconfFolders.map(async (folder) =>
    (await fs.readdir(folder).catch(() => [])).map((name) => options.pathApi.join(folder, name))))).flat();

  /** Each person's own GNOME proxy, by the database stamp it was read at. */
  const ownByHome = new Map<string, { stamp: string; uses: ProxyUse[] | undefined }>();
  let machineStamp: string | undefined;
  let homes: Array<{ user: string; home: string; database: string }> = [];
  let looks = 0;
  let lastHomesStamp: string | undefined;

  return {
    name: 'system proxy settings',
    intervalMs: options.intervalMs,
    async read(): Promise<FilterSettingsReading | 'unchanged'> {
      const homesStamp = await fileStamp(options.homesRoot);
      if (looks % RELOCATE_EVERY === 0 || homesStamp !== lastHomesStamp) {
        lastHomesStamp = homesStamp;
        homes = (await listHomes(options.homesRoot, options.pathApi))
          .map((entry) => ({ ...entry, database: options.pathApi.join(entry.home, '.config', 'dconf', 'user') }));
      }
      looks += 1;
      const machineFiles = await fileStamps([options.environmentFile, ...await dconfFiles()]);
      const homeStamps = await Promise.all(homes.map((entry) => fileStamps([entry.database])));
      const stamp = [machineFiles, ...homeStamps].join('\n');
      if (stamp === lastStamp) return 'unchanged';
      // The machine-wide databases show through every person's settings: a change there reads everyone again.
      if (machineFiles !== machineStamp) ownByHome.clear();
      machineStamp = machineFiles;
      const problems: string[] = [];
      const settings: FilterSetting[] = [];
      const environment = await readOptionalFile(options.environmentFile, problems);
      for (const use of environment === undefined ? [] : parseEnvironmentProxies(environment)) {
        // Only an administrator can write it: the device's own configuration, for every program.
        settings.push({ kind: 'proxy', place: 'every program (/etc/environment)', ...use, user: '', managedBy: options.environmentFile });
      }
      const machine = await gnome(NO_USER_CONFIG, problems);
      if (machine !== undefined) {
        for (const use of machine) settings.push({ kind: 'proxy', place: 'the GNOME desktop', ...use, user: '', managedBy: GNOME_MACHINE_PLACE });
        for (const [index, { user, home }] of homes.entries()) {
          const homeStamp = homeStamps[index]!;
          if (!homeStamp) continue; // no settings of their own: the machine-wide ones apply
          let own = ownByHome.get(home);
          if (own?.stamp !== homeStamp) {
            own = { stamp: homeStamp, uses: await gnome(options.pathApi.join(home, '.config'), problems) };
            ownByHome.set(home, own);
          }
          // What shows through from the machine-wide settings stays the school's.
          for (const use of own.uses?.filter((candidate) => !machine.some((school) => sameUse(candidate, school))) ?? []) {
            settings.push({ kind: 'proxy', place: 'the GNOME desktop', ...use, user });
          }
        }
      }
      lastStamp = stamp;
      return { settings, problems };
    },
  };
};
