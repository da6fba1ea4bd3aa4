// Windows proxy and DNS-over-HTTPS settings. The agent runs as SYSTEM, so each signed-in
// person's settings are read from their loaded hive (HKEY_USERS\<SID>): the Internet
// Options proxy (ProxyEnable/ProxyServer, AutoConfigURL), locked by Group Policy when
// "Internet Explorer\Control Panel" Proxy or AutoConfig is 1 (then it is the school's).
// Machine-wide: the WinHTTP proxy (netsh; administrators only), DNS over HTTPS set on a
// network interface (Dnscache DohFlags; administrators only) or by Group Policy (DoHPolicy),
// and Chrome and Edge policies in the registry. Read every 30 s with reg.exe and netsh.
import path from 'node:path';
import type { CommandSource, SourceProvider } from '../../../checks/types.ts';
import { createBrowserSettingsSource, type ExtraPolicies } from './browser-settings.ts';
import { chromiumPolicy, chromiumProxyServers } from './parse-browser-policies.ts';
import { parseProblem, problemOf, sourceId, type FilterSetting, type FilterSettingsProblem, type FilterSettingsReading, type FilterSettingsSource } from './filter-setting.ts';
import { parseNetshWinhttp } from './parse-netsh-winhttp.ts';
import { parseRegQuery, regNumber, regValuesAsObject, type RegKeys } from './parse-reg-query.ts';
import type { ProxyUse } from './parse-firefox-prefs.ts';

const SYSTEM32 = 'C:\\Windows\\System32';
const REG = `${SYSTEM32}\\reg.exe`;
const INTERNET_SETTINGS = 'Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings';
const CONTROL_PANEL_POLICY = 'Software\\Policies\\Microsoft\\Internet Explorer\\Control Panel';
const DOH_INTERFACES = 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\Dnscache\\InterfaceSpecificParameters';
const DOH_POLICY = 'HKLM\\Software\\Policies\\Microsoft\\Windows NT\\DNSClient';
export const WINDOWS_FILTER_SETTINGS_INTERVAL_MS = 30_000;

const regQuery = (id: string, key: string, ...extra: string[]): CommandSource => ({ id, kind: 'command', file: REG, args: ['query', key, ...extra], timeoutMs: 10_000 });
export const HKU_SOURCE = regQuery('windows.reg-hku', 'HKU');
export const NETSH_WINHTTP_SOURCE: CommandSource = { id: 'windows.netsh-winhttp-proxy', kind: 'command', file: `${SYSTEM32}\\netsh.exe`, args: ['winhttp', 'show', 'proxy'], timeoutMs: 10_000 };

/** The SIDs of people's loaded hives (S-1-5-21-…, not their _Classes halves, not the service accounts). */
export const userSids = (keys: RegKeys): string[] => [...keys.keys()]
  .map((key) => /^HKEY_USERS\\(S-1-5-21-[\d-]+)$/.exec(key)?.[1]).filter((sid): sid is string => sid !== undefined);

/** The proxy an Internet Options key turns on: its servers when ProxyEnable is 1, and its PAC address. */
export const internetOptionsProxies = (values: ReadonlyMap<string, { type: string; data: string }> | undefined): ProxyUse[] => {
  if (!values) return [];
  const uses: ProxyUse[] = [];
  if (regNumber(values.get('ProxyEnable')) === 1) uses.push(...chromiumProxyServers(values.get('ProxyServer')?.data ?? ''));
  const pac = values.get('AutoConfigURL')?.data;
  if (pac) uses.push({ address: pac, how: 'automatic configuration script (PAC)' });
  return uses;
};

/** DNS over HTTPS set on a network interface: DohFlags 1 (the server's known template) or 2 (DohTemplate). */
export const interfaceDoh = (keys: RegKeys): ProxyUse[] => {
  const uses: ProxyUse[] = [];
  for (const [key, values] of keys) {
    const flags = regNumber(values.get('DohFlags'));
    if (!flags || !(flags & 3)) continue;
    const server = /\\Doh6?\\([^\\]+)$/.exec(key)?.[1] ?? 'the interface\'s DNS server';
    const template = values.get('DohTemplate')?.data;
    uses.push({ address: flags & 2 && template ? template : server, how: flags & 4 ? 'first, falling back to ordinary DNS' : 'only, never ordinary DNS' });
  }
  return uses;
};

export const windowsSystemSettingsSource: FilterSettingsSource = {
  name: 'Windows proxy and DNS-over-HTTPS settings',
  intervalMs: WINDOWS_FILTER_SETTINGS_INTERVAL_MS,
  async read(provider: SourceProvider): Promise<FilterSettingsReading> {
    const query = async (source: CommandSource): Promise<RegKeys | undefined> => {
      const result = await provider.read(source);
      if (result.errorCode || result.exitCode !== 0) return undefined; // reg.exe exits 1 for a key that is not there
      const keys = parseRegQuery(result.stdout, source.id);
      return keys.ok ? keys.value : undefined;
    };
    const onlyKey = (keys: RegKeys | undefined) => (keys ? [...keys.values()][0] : undefined);
    const locked = (keys: RegKeys | undefined): boolean => {
      const values = onlyKey(keys);
      return regNumber(values?.get('Proxy')) === 1 || regNumber(values?.get('AutoConfig')) === 1;
    };
    const problems: FilterSettingsProblem[] = [];
    const settings: FilterSetting[] = [];
    const hkuResult = await provider.read(HKU_SOURCE);
    const hkuKeys = hkuResult.errorCode || hkuResult.exitCode !== 0 ? undefined : parseRegQuery(hkuResult.stdout, HKU_SOURCE.id);
    if (!hkuKeys) problems.push(problemOf(hkuResult, 'reg query HKU, so signed-in people\'s proxy settings are not read'));
    else if (!hkuKeys.ok) problems.push(parseProblem(hkuKeys));
    const hku = hkuKeys?.ok ? hkuKeys.value : undefined;
    const machineLock = locked(await query(regQuery('windows.reg-proxy-policy-machine', `HKLM\\${CONTROL_PANEL_POLICY}`)));
    for (const sid of hku ? userSids(hku) : []) {
      const options = onlyKey(await query(regQuery(sourceId('windows', 'reg-internet-settings', sid), `HKU\\${sid}\\${INTERNET_SETTINGS}`)));
      const uses = internetOptionsProxies(options);
      if (uses.length === 0) continue;
      const user = onlyKey(await query(regQuery(sourceId('windows', 'reg-volatile-username', sid), `HKU\\${sid}\\Volatile Environment`, '/v', 'USERNAME')))?.get('USERNAME')?.data ?? '';
      const userLock = machineLock || locked(await query(regQuery(sourceId('windows', 'reg-proxy-policy-user', sid), `HKU\\${sid}\\${CONTROL_PANEL_POLICY}`)));
      for (const use of uses) {
        settings.push({ kind: 'proxy', place: 'Windows (Internet Options)', ...use, user: userLock ? '' : user,
          ...(userLock ? { managedBy: 'Group Policy (Internet Explorer\\Control Panel: proxy settings locked)' } : {}) });
      }
    }
    const winhttp = await provider.read(NETSH_WINHTTP_SOURCE);
    const machineProxy = winhttp.errorCode || winhttp.exitCode !== 0 ? undefined : parseNetshWinhttp(winhttp.stdout, NETSH_WINHTTP_SOURCE.id);
    if (machineProxy && !machineProxy.ok) problems.push(parseProblem(machineProxy));
    for (const use of machineProxy?.ok ? machineProxy.value : []) {
      settings.push({ kind: 'proxy', place: 'Windows services (the WinHTTP proxy)', ...use, user: '', managedBy: 'netsh winhttp (administrators only)' });
    }
    const dohPolicy = regNumber(onlyKey(await query(regQuery('windows.reg-doh-policy', DOH_POLICY, '/v', 'DoHPolicy')))?.get('DoHPolicy'));
    const interfaces = await query(regQuery('windows.reg-doh-interfaces', DOH_INTERFACES, '/s'));
    // Group Policy "Prohibit encryption" (1) switches every interface's DoH off.
    for (const use of interfaces && dohPolicy !== 1 ? interfaceDoh(interfaces) : []) {
      settings.push({ kind: 'dns-over-https', place: 'Windows', ...use, user: '',
        ...(dohPolicy === 2 || dohPolicy === 3 ? { managedBy: 'Group Policy (DNS Client: Configure DNS over HTTPS)' } : {}) });
    }
    return { settings, problems };
  },
};

/** Chrome and Edge policies as Group Policy writes them to the registry. */
const registryBrowserPolicies = async (provider: SourceProvider): Promise<ExtraPolicies> => {
  const chromium: Record<string, { policy: ReturnType<typeof chromiumPolicy>; source: string }> = {};
  for (const [name, what, key] of [['Google Chrome', 'chrome', 'HKLM\\SOFTWARE\\Policies\\Google\\Chrome'], ['Microsoft Edge', 'edge', 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Edge']] as const) {
    const result = await provider.read(regQuery(`windows.reg-browser-policy-${what}`, key));
    if (result.errorCode || result.exitCode !== 0) continue;
    const keys = parseRegQuery(result.stdout, key);
    if (!keys.ok) continue;
    chromium[name] = { policy: chromiumPolicy(regValuesAsObject(keys.value.get(key.replace(/^HKLM/, 'HKEY_LOCAL_MACHINE')))), source: `Group Policy (${key})` };
  }
  return { chromium };
};

export const windowsFilterSettingsSources = (env: NodeJS.ProcessEnv = process.env): FilterSettingsSource[] => [
  createBrowserSettingsSource({
    platform: 'windows', homesRoot: `${(env.SystemDrive ?? 'C:').replace(/\\+$/, '')}\\Users`, pathApi: path.win32,
    firefoxProfileRoots: ['AppData\\Roaming\\Mozilla\\Firefox\\Profiles'],
    firefoxPolicyFiles: ['C:\\Program Files\\Mozilla Firefox\\distribution\\policies.json', 'C:\\Program Files (x86)\\Mozilla Firefox\\distribution\\policies.json'],
    chromium: [
      { name: 'Google Chrome', userDataDirs: ['AppData\\Local\\Google\\Chrome\\User Data'] },
      { name: 'Microsoft Edge', userDataDirs: ['AppData\\Local\\Microsoft\\Edge\\User Data'] },
      { name: 'Brave', userDataDirs: ['AppData\\Local\\BraveSoftware\\Brave-Browser\\User Data'] },
      { name: 'Chromium', userDataDirs: ['AppData\\Local\\Chromium\\User Data'] },
    ],
    extraPolicies: registryBrowserPolicies,
    intervalMs: WINDOWS_FILTER_SETTINGS_INTERVAL_MS,
  }),
  windowsSystemSettingsSource,
];
