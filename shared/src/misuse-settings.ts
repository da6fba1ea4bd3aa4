// What misuse an agent watches for. The collector sends these from the school's
// pack; an agent that has not heard from a collector yet uses the same starter
// lists, so a first start already sees a bypass tool.

export interface MisuseSettings {
  /** Firewall, anti-virus real-time protection or the agent itself switched off. */
  safeguards: boolean;
  bypassTools: boolean;
  /** Program names (without .exe/.app, any case, spaces and dashes ignored) of filter-bypass tools. */
  bypassToolNames: readonly string[];
  /** Names exempt even when they match, e.g. the trust's own VPN client. */
  approvedTools: readonly string[];
  downloads: boolean;
  /** File name endings, lower case with the dot: ".exe". */
  downloadExtensions: readonly string[];
  publicWifi: boolean;
  /** The school's own network names; an empty list reports only open (password-less) networks. */
  schoolSsids: readonly string[];
}

/** Tor Browser, Psiphon, Ultrasurf, Hotspot Shield, common VPN and proxy clients, portable browsers. */
export const STARTER_BYPASS_TOOLS: readonly string[] = Object.freeze([
  'tor', 'torbrowser', 'starttorbrowser', 'psiphon', 'psiphon3', 'ultrasurf', 'u1601', 'u2201', 'u2304',
  'hotspotshield', 'hsscp', 'hydra', 'freegate', 'lantern', 'hola', 'holavpn', 'windscribe', 'protonvpn',
  'nordvpn', 'expressvpn', 'tunnelbear', 'cyberghost', 'surfshark', 'privateinternetaccess', 'pia-client',
  'avastsecureline', 'betternet', 'urban-vpn', 'touchvpn', 'zenmate', 'proxifier', 'shadowsocks', 'v2ray',
  'firefoxportable', 'googlechromeportable', 'operaportable', 'chromiumportable', 'braveportable',
]);

export const STARTER_DOWNLOAD_EXTENSIONS: readonly string[] = Object.freeze([
  '.exe', '.msi', '.msix', '.appx', '.bat', '.cmd', '.com', '.scr', '.ps1', '.vbs', '.js', '.jar',
  '.dmg', '.pkg', '.app', '.command', '.appimage', '.deb', '.rpm', '.run', '.sh', '.flatpakref', '.snap',
]);

export const DEFAULT_MISUSE_SETTINGS: MisuseSettings = Object.freeze({
  safeguards: true,
  bypassTools: true,
  bypassToolNames: STARTER_BYPASS_TOOLS,
  approvedTools: Object.freeze([]),
  downloads: true,
  downloadExtensions: STARTER_DOWNLOAD_EXTENSIONS,
  publicWifi: true,
  schoolSsids: Object.freeze([]),
});

/** How a program or tool name is compared: lower case, no extension, no spaces, dashes, dots or underscores. */
export const toolKey = (name: string): string =>
  name.toLowerCase().replace(/\.(exe|app|appimage|desktop|lnk)$/, '').replace(/[\s._-]+/g, '');
