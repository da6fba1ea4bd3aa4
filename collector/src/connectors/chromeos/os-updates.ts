// How far behind a Chromebook's ChromeOS is: the stable channel's version from Google's public Version History API
// (no token needed), and each Chromebook's update status from Chrome Management telemetry (devices, os_update_status),
// which tells a technician whether an update waits for a restart or has not been looked for in weeks.
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { getGoogleJson } from './google-api.ts';
import { parseJsonAnswer, sendWithRetries, type GoogleHttpOptions } from './google-http.ts';
import { createTokenSource, SCOPES, type TokenSource } from './google-token.ts';
import { attempt, type Outcome, type PolicyReaderSettings } from './policy-reader.ts';
import type { ChromebookRecord } from './chromebook-record.ts';
import { CHROME_MANAGEMENT_API_BASE } from './usb-telemetry.ts';

export const VERSION_HISTORY_API_BASE = 'https://versionhistory.googleapis.com';
const DEVICES_PAGE_SIZE = 1000;
const MAX_PAGES = 1000;

/** 130 from "130.0.6723.126"; null when it does not start with a number. */
export const majorOf = (version: string | null | undefined): number | null => {
  const major = /^(\d+)\./.exec(version ?? '')?.[1];
  return major === undefined ? null : Number(major);
};

/** The highest major version Google lists on ChromeOS's stable channel. */
export const readStableMajor = async (apiBase: string, http: GoogleHttpOptions): Promise<number> => {
  const url = new URL('/v1/chrome/platforms/chromeos/channels/stable/versions', apiBase);
  const answer = await sendWithRetries({ method: 'GET', url }, http);
  if (answer.status !== 200) throw new InvigilatorError('CHROMEOS_API_FAILED', `(${url.pathname}: HTTP ${answer.status})`);
  const versions = parseJsonAnswer(answer, url.pathname).versions;
  const majors = (Array.isArray(versions) ? versions : [])
    .map((entry) => majorOf(String((entry as { version?: unknown } | null)?.version ?? ''))).filter((major): major is number => major !== null);
  if (majors.length === 0) throw new InvigilatorError('CHROMEOS_API_FAILED', `(${url.pathname}: no stable version listed)`);
  return Math.max(...majors);
};

/** One Chromebook's last OS update report (the first of telemetry's osUpdateStatus list). */
export interface OsUpdateStatus {
  /** OS_UPDATE_NEED_REBOOT, OS_IMAGE_DOWNLOAD_IN_PROGRESS, ... as Google says it. */
  updateState: string | null;
  newPlatformVersion: string | null;
  lastUpdateCheckTime: number | null;
}

const readStatus = (device: Record<string, unknown>): OsUpdateStatus | undefined => {
  const [status] = Array.isArray(device.osUpdateStatus) ? device.osUpdateStatus as Record<string, unknown>[] : [];
  if (!status) return undefined;
  const checked = Date.parse(String(status.lastUpdateCheckTime ?? ''));
  // "0.0.0.0" is Google's placeholder when the version is not known (see the telemetry notes).
  const newVersion = typeof status.newPlatformVersion === 'string' && !/^0(\.0)*$/.test(status.newPlatformVersion) ? status.newPlatformVersion : null;
  return {
    updateState: typeof status.updateState === 'string' ? status.updateState : null,
    newPlatformVersion: newVersion, lastUpdateCheckTime: Number.isNaN(checked) ? null : checked,
  };
};

/** Every reporting Chromebook's update status, by directory device id. */
export const listOsUpdateStatuses = async (
  tokens: TokenSource, apiBase: string, customerId: string, http: GoogleHttpOptions,
): Promise<Map<string, OsUpdateStatus>> => {
  const statuses = new Map<string, OsUpdateStatus>();
  let pageToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const url = new URL(`/v1/customers/${encodeURIComponent(customerId)}/telemetry/devices`, apiBase);
    url.searchParams.set('readMask', 'device_id,os_update_status');
    url.searchParams.set('pageSize', String(DEVICES_PAGE_SIZE));
    if (pageToken) url.searchParams.set('pageToken', pageToken);
    const json = await getGoogleJson(tokens, url, http);
    const devices = json.devices ?? [];
    if (!Array.isArray(devices)) throw new InvigilatorError('CHROMEOS_API_FAILED', '(devices is not a list in the telemetry answer)');
    for (const device of devices as Record<string, unknown>[]) {
      const status = typeof device?.deviceId === 'string' ? readStatus(device) : undefined;
      if (status) statuses.set(device.deviceId as string, status);
    }
    pageToken = typeof json.nextPageToken === 'string' && json.nextPageToken !== '' ? json.nextPageToken : undefined;
    if (!pageToken) return statuses;
  }
  throw new InvigilatorError('CHROMEOS_API_FAILED', `(more than ${MAX_PAGES} pages of telemetry devices)`);
};

/** What the sync learnt of a Chromebook's updates, stored with its record. */
export interface ChromebookUpdates {
  stableMajor: number | null;
  /** Why the stable channel's version is not known. */
  stableProblem: string | null;
  /** null when the Chromebook does not report telemetry (or the scope is not granted). */
  status: OsUpdateStatus | null;
}

/** During one sync: the stable version and the fleet's update statuses, each read once. */
export const createOsUpdateReader = ({ account, adminEmail, customerId, apiBase, http, now }: PolicyReaderSettings) => {
  const tokens = createTokenSource(account, adminEmail, [SCOPES.telemetry], http, now);
  let stable: Promise<Outcome<number>> | undefined;
  let statuses: Promise<Outcome<Map<string, OsUpdateStatus>>> | undefined;
  return {
    async updatesFor(record: ChromebookRecord): Promise<ChromebookUpdates> {
      stable ??= attempt(() => readStableMajor(apiBase ?? VERSION_HISTORY_API_BASE, http), 'none (a public API)');
      statuses ??= attempt(() => listOsUpdateStatuses(tokens, apiBase ?? CHROME_MANAGEMENT_API_BASE, customerId, http), SCOPES.telemetry);
      const [{ value: stableMajor, problem: stableProblem }, fleet] = [await stable, await statuses];
      return { stableMajor, stableProblem, status: fleet.value?.get(record.directoryDeviceId) ?? null };
    },
  };
};
