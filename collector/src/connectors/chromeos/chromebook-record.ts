// A Directory API chromeosdevices resource read into the facts Invigilator keeps. Google's JSON has pitfalls:
// int64 values are strings, autoUpdateExpiration is epoch milliseconds as a string, bootMode is "Verified" or
// "Dev" (some samples say "validated"), and a field may be absent on any device. A bad field becomes null.
import type { ChromebookPolicy } from './chrome-policy.ts';
import type { WorkspacePassword } from './workspace-password.ts';
import type { ChromebookUpdates } from './os-updates.ts';

export interface ChromebookRecord {
  directoryDeviceId: string;
  serialNumber: string | null;
  assetId: string | null;
  model: string | null;
  /** Chrome version, e.g. "79.0.3945.123". */
  osVersion: string | null;
  /** "12607.82.0 (Official Build) stable-channel eve". */
  platformVersion: string | null;
  /** "verified", "developer", or what Google said when it is neither. */
  bootMode: string | null;
  /** Auto-update expiration (AUE), epoch ms. */
  autoUpdateExpiration: number | null;
  lastSync: number | null;
  orgUnitPath: string | null;
  /** The organisational unit's id ("id:03ph8a2z…" or bare), which the policy APIs name it by. */
  orgUnitId: string | null;
  /** ACTIVE, DEPROVISIONED, DISABLED, ... */
  status: string | null;
  recentUserCount: number;
  /** Volumes the last disk report listed under /media/removable (a stick or SD card mounted then). */
  removableVolumes: string[];
  /** Added by the sync: what Google Admin's policies say for the Chromebook's unit, or why they could not be read. */
  policy?: ChromebookPolicyState;
  /** Added by the sync: the stable channel's version and the Chromebook's own update report. */
  updates?: ChromebookUpdates;
}

export interface ChromebookPolicyState {
  chrome: ChromebookPolicy | null;
  /** Why the Chrome Policy API could not be read, in words. */
  chromeProblem: string | null;
  password: WorkspacePassword | null;
  passwordProblem: string | null;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

const epochMs = (value: unknown): number | null => {
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  return null;
};

const rfc3339 = (value: unknown): number | null => {
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return Number.isNaN(ms) ? null : ms;
};

const bootModeOf = (value: unknown): string | null => {
  const mode = text(value);
  if (mode === null) return null;
  if (/^(verified|validated)$/i.test(mode)) return 'verified';
  if (/^dev(eloper)?$/i.test(mode)) return 'developer';
  return mode;
};

const removableVolumesOf = (reports: unknown): string[] =>
  (Array.isArray(reports) ? reports : []).flatMap((report) => {
    const volumes = (report as { volumeInfo?: unknown } | null)?.volumeInfo;
    return (Array.isArray(volumes) ? volumes : [])
      .map((volume) => text((volume as { volumeId?: unknown } | null)?.volumeId))
      .filter((id): id is string => id !== null && id.startsWith('/media/removable'));
  });

/** undefined when the resource has no deviceId: nothing could join it to a device. */
export const readChromebookRecord = (resource: Record<string, unknown>): ChromebookRecord | undefined => {
  const directoryDeviceId = text(resource.deviceId);
  if (directoryDeviceId === null) return undefined;
  return {
    directoryDeviceId,
    serialNumber: text(resource.serialNumber),
    assetId: text(resource.annotatedAssetId),
    model: text(resource.model),
    osVersion: text(resource.osVersion),
    platformVersion: text(resource.platformVersion),
    bootMode: bootModeOf(resource.bootMode),
    autoUpdateExpiration: epochMs(resource.autoUpdateExpiration),
    lastSync: rfc3339(resource.lastSync),
    orgUnitPath: text(resource.orgUnitPath),
    orgUnitId: text(resource.orgUnitId),
    status: text(resource.status),
    recentUserCount: Array.isArray(resource.recentUsers) ? resource.recentUsers.length : 0,
    removableVolumes: removableVolumesOf(resource.diskVolumeReports),
  };
};
