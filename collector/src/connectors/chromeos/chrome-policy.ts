// The Chrome Policy API's resolved user policies for one organisational unit, read into the few settings the
// checks need: removable storage (chrome.users.ExternalStorage), the idle screen lock (IdleSettingsExtended,
// LockScreen) and quick unlock (QuickUnlockModeAllowlist, PinSettings). The API omits a schema left at Google's
// default, so "not set" is kept apart from "could not be read". Enum values may carry their type's prefix
// (IDLE_ACTION_AC_ENUM_SLEEP) or not (SLEEP); int64 values may be numbers, "600" or "600s".
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { getGoogleJson } from './google-api.ts';
import type { GoogleHttpOptions } from './google-http.ts';
import type { TokenSource } from './google-token.ts';

export const CHROME_POLICY_API_BASE = 'https://chromepolicy.googleapis.com';

export const POLICY_SCHEMAS = {
  externalStorage: 'chrome.users.ExternalStorage',
  idle: 'chrome.users.IdleSettingsExtended',
  lockScreen: 'chrome.users.LockScreen',
  quickUnlock: 'chrome.users.QuickUnlockModeAllowlist',
  pin: 'chrome.users.PinSettings',
} as const;

/** One power source's idle settings, in seconds; null where Google Admin leaves the system default. */
export interface IdleSettings {
  screenLockDelay: number | null;
  idleDelay: number | null;
  /** SLEEP, LOGOUT, SHUTDOWN or DO_NOTHING; null: the default (sleep). */
  idleAction: string | null;
}

/** What the Chromebook's organisational unit sets, as JSON (it is stored with the device's record). */
export interface ChromebookPolicy {
  /** READ_WRITE, READ_ONLY or DISALLOW; null when not set (ChromeOS then allows sticks, read and write). */
  externalStorage: string | null;
  /** USB devices (vid:pid) that stay read-write whatever externalStorage says. */
  externalStorageAllowlist: number;
  ac: IdleSettings;
  battery: IdleSettings;
  /** TRUE, FALSE or UNSET (the user decides); null when not set. */
  lockOnSleep: string | null;
  /** false: users cannot lock the screen at all; null when not set (they can). */
  allowScreenLock: boolean | null;
  /** PIN, FINGERPRINT: what unlocks the lock screen besides the password. */
  quickUnlockModes: string[];
  pinMinLength: number | null;
}

/** The value after the enum type's prefix: IDLE_ACTION_AC_ENUM_SLEEP → SLEEP. */
export const enumValue = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim().split('_ENUM_').at(-1) ?? null : null;

/** 600, "600", "600s", {"duration": …} or {"value": …} → 600; anything else null. */
export const int64Value = (value: unknown): number | null => {
  if (typeof value === 'object' && value !== null) {
    const inner = value as { duration?: unknown; value?: unknown };
    return int64Value(inner.duration ?? inner.value);
  }
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  if (typeof value === 'string' && /^\d+s?$/.test(value.trim())) return Number(value.trim().replace(/s$/, ''));
  return null;
};

const idleOf = (value: Record<string, unknown>, source: 'Ac' | 'Battery'): IdleSettings => ({
  screenLockDelay: int64Value(value[`screenLockDelay${source}`]),
  idleDelay: int64Value(value[`idleDelay${source}`]),
  idleAction: enumValue(value[`idleAction${source}`]),
});

/** Reads the resolved values (schema name → its `value` object) into the settings; absent schemas are "not set". */
export const readChromebookPolicy = (values: ReadonlyMap<string, Record<string, unknown>>): ChromebookPolicy => {
  const storage = values.get(POLICY_SCHEMAS.externalStorage) ?? {};
  const idle = values.get(POLICY_SCHEMAS.idle) ?? {};
  const lock = values.get(POLICY_SCHEMAS.lockScreen) ?? {};
  const modes = values.get(POLICY_SCHEMAS.quickUnlock)?.quickUnlockModeAllowlist;
  return {
    externalStorage: enumValue(storage.externalStorageDevices),
    externalStorageAllowlist: Array.isArray(storage.externalStorageAllowlist) ? storage.externalStorageAllowlist.length : 0,
    ac: idleOf(idle, 'Ac'),
    battery: idleOf(idle, 'Battery'),
    lockOnSleep: enumValue(idle.lockOnSleepOrLidClose),
    allowScreenLock: typeof lock.allowScreenLock === 'boolean' ? lock.allowScreenLock : null,
    quickUnlockModes: (Array.isArray(modes) ? modes : []).map(enumValue).filter((mode): mode is string => mode !== null),
    pinMinLength: int64Value(values.get(POLICY_SCHEMAS.pin)?.pinUnlockMinimumLength),
  };
};

/** The Directory API says "id:03ph8a2z…" (or the bare id); the Policy API wants "orgunits/03ph8a2z…". */
export const policyTargetOf = (orgUnitId: string): string => `orgunits/${orgUnitId.replace(/^id:/, '')}`;

const MAX_PAGES = 50;

/** Every schema's resolved value for the org unit, one resolve request per schema (each answer is small). */
export const resolveChromebookPolicy = async (
  tokens: TokenSource, apiBase: string, customerId: string, orgUnitId: string, http: GoogleHttpOptions,
): Promise<ChromebookPolicy> => {
  const url = new URL(`/v1/customers/${encodeURIComponent(customerId)}/policies:resolve`, apiBase);
  const values = new Map<string, Record<string, unknown>>();
  for (const schema of Object.values(POLICY_SCHEMAS)) {
    let pageToken: string | undefined;
    for (let page = 0; ; page += 1) {
      if (page === MAX_PAGES) throw new InvigilatorError('CHROMEOS_API_FAILED', `(${schema}: the page tokens do not end)`);
      const json = await getGoogleJson(tokens, url, http, {
        policySchemaFilter: schema, policyTargetKey: { targetResource: policyTargetOf(orgUnitId) }, ...(pageToken ? { pageToken } : {}),
      });
      const resolved = json.resolvedPolicies ?? [];
      if (!Array.isArray(resolved)) throw new InvigilatorError('CHROMEOS_API_FAILED', '(resolvedPolicies is not a list in the answer)');
      for (const policy of resolved as { value?: { policySchema?: unknown; value?: unknown } }[]) {
        const value = policy?.value;
        if (typeof value?.policySchema === 'string' && typeof value.value === 'object' && value.value !== null) {
          values.set(value.policySchema, value.value as Record<string, unknown>);
        }
      }
      pageToken = typeof json.nextPageToken === 'string' && json.nextPageToken !== '' ? json.nextPageToken : undefined;
      if (!pageToken) break;
    }
  }
  return readChromebookPolicy(values);
};
