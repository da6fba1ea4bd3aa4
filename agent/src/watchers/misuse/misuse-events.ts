// The misuse events of the misuse watchers, built in one place so the DSL reads one
// sentence per kind from every platform: who, what was seen, and where.
import { AGENT_SERVICE_SAFEGUARD, MisuseKind, Tri, type MisuseEvent } from '@invigilator/shared/wire.ts';

export { AGENT_SERVICE_SAFEGUARD };

export const bypassToolStarted = (tool: string, programPath: string, user: string): MisuseEvent => ({
  kind: MisuseKind.BYPASS_TOOL,
  user,
  subject: programPath,
  detail: `The filter-bypass tool "${tool}" was started (${programPath})`,
});

export const bypassToolInstalled = (tool: string, location: string, user: string): MisuseEvent => ({
  kind: MisuseKind.BYPASS_TOOL,
  user,
  subject: location,
  detail: `The filter-bypass tool "${tool}" is installed (${location})`,
});

export const executableDownloaded = (fileName: string, folder: string, sizeBytes: number, user: string): MisuseEvent => ({
  kind: MisuseKind.EXECUTABLE_DOWNLOADED,
  user,
  subject: fileName,
  file: { name: fileName, nameSha256: '', sizeBytes, relativeDir: '' },
  detail: `The program or installer "${fileName}" (${sizeBytes} bytes) was saved to ${folder}`,
});

export interface SafeguardChange {
  /** "the firewall", "the firewall's Public profile", "Microsoft Defender real-time protection" */
  safeguard: string;
  /** What the OS showed, e.g. "the nftables ruleset no longer filters incoming traffic". */
  seen: string;
  user: string;
  /** The account the OS says made the change, when it says so. */
  changedBy?: string;
  changedByAdministrator?: boolean;
}

export const safeguardDisabled = (change: SafeguardChange): MisuseEvent => {
  const who = change.changedBy
    ? ` by ${change.changedByAdministrator ? 'the administrator account ' : ''}${change.changedBy}`
    : '';
  return {
    kind: MisuseKind.SAFEGUARD_DISABLED,
    user: change.user,
    subject: change.safeguard,
    ...(change.changedBy ? { changedBy: change.changedBy } : {}),
    changedByAdministrator: change.changedByAdministrator === undefined ? Tri.TRI_UNKNOWN : change.changedByAdministrator ? Tri.TRI_YES : Tri.TRI_NO,
    detail: `${change.safeguard[0]!.toUpperCase()}${change.safeguard.slice(1)} was switched off${who}: ${change.seen}`,
  };
};

export const publicWifiJoined = (ssid: string, open: boolean, user: string): MisuseEvent => ({
  kind: MisuseKind.PUBLIC_WIFI,
  user,
  subject: ssid,
  detail: open
    ? `The device joined the open (password-less) Wi-Fi network "${ssid}"`
    : `The device joined the Wi-Fi network "${ssid}", which is not one of the school's networks`,
});

export interface FilterSettingSeen {
  kind: 'proxy' | 'dns-over-https';
  place: string;
  address: string;
  how: string;
  user: string;
  managedBy?: string;
}

/** A proxy or DNS-over-HTTPS setting: the user's own is misuse; a managed policy's is the school's. */
export const filterSettingSet = (setting: FilterSettingSeen): MisuseEvent => {
  const managed = setting.managedBy !== undefined;
  const proxy = setting.kind === 'proxy';
  const what = proxy
    ? `${setting.place} sends web traffic through the ${setting.how} ${setting.address}`
    : `${setting.place} looks names up with DNS over HTTPS at ${setting.address} (${setting.how})`;
  return {
    kind: proxy ? MisuseKind.PROXY_SET : MisuseKind.DNS_OVER_HTTPS_SET,
    user: setting.user,
    subject: setting.address,
    ...(managed ? { changedBy: setting.managedBy } : {}),
    changedByAdministrator: managed ? Tri.TRI_YES : Tri.TRI_NO,
    detail: managed
      ? `A policy the school manages (${setting.managedBy}) set this: ${what}`
      : `${proxy ? 'A proxy was set' : 'DNS over HTTPS was switched on'} in the user's own settings: ${what}`,
  };
};
