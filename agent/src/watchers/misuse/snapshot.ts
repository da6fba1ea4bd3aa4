// What the misuse watchers would make of the device right now, from the same
// declared sources they poll: `diagnose` records those sources in the bundle and
// writes this reading beside the observations; `check --misuse` prints it, live
// or replayed from a bundle on any platform, so a watcher's view can be debugged
// the way a check's can. (Sources that are events as they happen, such as
// `nft monitor` or the Windows event log, cannot be recorded; /proc is not a command.)
// The proxy and DNS-over-HTTPS readers take the provider as they do in the watcher.
import type { AgentPlatform } from '@invigilator/shared/checks.ts';
import { ERRORS } from '@invigilator/shared/errors.ts';
import { DEFAULT_MISUSE_SETTINGS, type MisuseSettings } from '@invigilator/shared/misuse-settings.ts';
import type { CommandSource, Parsed, SourceProvider } from '../../checks/types.ts';
import { LOGGED_IN_USER_SOURCES, parseLoggedInUser } from '../../logged-in-user.ts';
import { matchBypassTool } from './bypass-match.ts';
import { LINUX_ANTIVIRUS_UNITS, SYSTEMCTL_SHOW } from './linux-safeguards.ts';
import { NETSH_WLAN_SOURCE, parseNetshWlanInterfaces } from './parse-netsh-wlan.ts';
import { NMCLI_WIFI_SOURCE, parseNmcliWifi } from './parse-nmcli-wifi.ts';
import { parseSystemctlShow } from './parse-systemctl-show.ts';
import { parseWdutilWifi, WDUTIL_INFO_SOURCE } from './parse-wdutil-wifi.ts';
import { parseTasklistCsv, TASKLIST_SOURCE } from './parse-tasklist.ts';
import type { SeenProcess } from './process-watch.ts';
import { parsePsProcesses, PS_SOURCE } from './ps-processes.ts';
import { wifiBreaksPolicy, type WifiConnection } from './wifi-watch.ts';
import { withoutSecrets, type FilterSetting, type FilterSettingsProblem, type FilterSettingsSource } from './filter-settings/filter-setting.ts';
import { linuxFilterSettingsSources } from './filter-settings/linux.ts';
import { macosFilterSettingsSources } from './filter-settings/macos.ts';
import { windowsFilterSettingsSources } from './filter-settings/windows.ts';

interface PlatformSnapshotSources {
  wifi?: { source: CommandSource; parse: (text: string) => Parsed<WifiConnection> };
  processes?: { source: CommandSource; parse: (text: string) => Parsed<SeenProcess[]> };
  antivirusServices?: CommandSource;
  filterSettings: () => FilterSettingsSource[];
}

const SOURCES: Record<AgentPlatform, PlatformSnapshotSources> = {
  linux: { wifi: { source: NMCLI_WIFI_SOURCE, parse: parseNmcliWifi }, antivirusServices: SYSTEMCTL_SHOW, filterSettings: () => linuxFilterSettingsSources() },
  macos: { wifi: { source: WDUTIL_INFO_SOURCE, parse: parseWdutilWifi }, processes: { source: PS_SOURCE, parse: parsePsProcesses }, filterSettings: macosFilterSettingsSources },
  windows: {
    wifi: { source: NETSH_WLAN_SOURCE, parse: parseNetshWlanInterfaces }, processes: { source: TASKLIST_SOURCE, parse: parseTasklistCsv },
    filterSettings: () => windowsFilterSettingsSources(),
  },
};

/** A reading, or why there is none (a coded sentence, as the checks give). */
type Reading<T> = { value: T } | { problemCode: string; problem: string };

export interface MisuseSnapshot {
  loggedInUser: Reading<string>;
  wifi?: Reading<WifiConnection & { breaksPolicy: boolean }>;
  bypassToolsRunning?: Reading<Array<{ tool: string; program: string; user: string }>>;
  antivirusServices?: Reading<Array<{ service: string; name: string; active: boolean }>>;
  /** Proxies and DNS over HTTPS set in browsers and the system, and what could not be read (each with its code). */
  filterSettings: { settings: FilterSetting[]; problems: FilterSettingsProblem[] };
}

const read = async <T>(provider: SourceProvider, source: CommandSource, parse: (text: string) => Parsed<T>): Promise<Reading<T>> => {
  const result = await provider.read(source);
  if (result.errorCode) return { problemCode: result.errorCode, problem: `${ERRORS[result.errorCode]} (${result.errorDetail ?? source.id})` };
  if (result.exitCode !== 0) return { problemCode: 'COMMAND_FAILED', problem: `${ERRORS.COMMAND_FAILED} (${source.id} exited ${String(result.exitCode)}: ${result.stderr.trim().slice(0, 200)})` };
  const parsedValue = parse(result.stdout);
  return parsedValue.ok ? { value: parsedValue.value } : { problemCode: parsedValue.code, problem: parsedValue.reason };
};

const mapReading = <T, U>(reading: Reading<T>, map: (value: T) => U): Reading<U> => ('value' in reading ? { value: map(reading.value) } : reading);

export const readMisuseSnapshot = async (
  platform: AgentPlatform, provider: SourceProvider, settings: MisuseSettings = DEFAULT_MISUSE_SETTINGS,
): Promise<MisuseSnapshot> => {
  const sources = SOURCES[platform];
  const snapshot: MisuseSnapshot = {
    loggedInUser: await read(provider, LOGGED_IN_USER_SOURCES[platform], (text) => ({ ok: true, value: parseLoggedInUser(platform, text) })),
    filterSettings: { settings: [], problems: [] },
  };
  for (const source of sources.filterSettings()) {
    const reading = await source.read(provider);
    // As the watcher sends them: an address never carries a user name, password or token.
    snapshot.filterSettings.settings.push(...reading.settings.map(withoutSecrets));
    snapshot.filterSettings.problems.push(...reading.problems);
  }
  if (sources.wifi) {
    snapshot.wifi = mapReading(await read(provider, sources.wifi.source, sources.wifi.parse),
      (connection) => ({ ...connection, breaksPolicy: wifiBreaksPolicy(connection, settings.schoolSsids) !== undefined }));
  }
  if (sources.processes) {
    snapshot.bypassToolsRunning = mapReading(await read(provider, sources.processes.source, sources.processes.parse), (processes) =>
      processes.flatMap((process) => {
        const tool = matchBypassTool(process.programPath, settings);
        return tool ? [{ tool, program: process.programPath, user: process.user }] : [];
      }));
  }
  if (sources.antivirusServices) {
    snapshot.antivirusServices = mapReading(await read(provider, sources.antivirusServices, parseSystemctlShow), (units) =>
      units.filter((unit) => unit.loaded && LINUX_ANTIVIRUS_UNITS[unit.id]).map((unit) => ({ service: unit.id, name: LINUX_ANTIVIRUS_UNITS[unit.id]!, active: unit.active })));
  }
  return snapshot;
};
