// A Chromebook's directory record as observations of every check, in the same messages an agent sends, so the
// same policy rules judge them. Each says honestly what ChromeOS guarantees and what the connector cannot see.
import { CollectionStatus, FirewallAction, Tri, VolumeRole, type Observation } from '@invigilator/shared/wire.ts';
import type { ChromebookRecord } from './chromebook-record.ts';
import type { ChromebookPolicy, IdleSettings } from './chrome-policy.ts';
import { majorOf } from './os-updates.ts';

const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** ChromeOS encrypts every user's data always; in developer mode verified boot is off, so the keys are not safe. */
const encryption = (record: ChromebookRecord): Observation => {
  if (record.bootMode === null) {
    return { check: 'encryption', status: CollectionStatus.COULD_NOT_COLLECT, reasonCode: 'CHROMEOS_BOOT_MODE_UNREPORTED',
      reason: 'Google Admin has not reported this Chromebook\'s boot mode yet, so whether verified boot protects its encrypted user data is not known.' };
  }
  const developer = record.bootMode === 'developer';
  return {
    check: 'encryption', status: CollectionStatus.COLLECTED,
    encryption: { volumes: [{
      name: 'ChromeOS user data', role: VolumeRole.VOLUME_ROLE_HOME, encrypted: Tri.TRI_YES, method: 'chromeos-cryptohome',
      protectionOn: developer ? Tri.TRI_NO : record.bootMode === 'verified' ? Tri.TRI_YES : Tri.TRI_UNKNOWN,
      state: developer ? 'developer-mode' : `boot mode ${record.bootMode}`,
    }] },
  };
};

/** What the update report adds for a technician: an update waiting for a restart, or when it last looked. */
const updateStatusWords = (record: ChromebookRecord): string[] => {
  const status = record.updates?.status;
  if (!status) return [];
  if (status.updateState === 'OS_UPDATE_NEED_REBOOT') {
    return [`an update${status.newPlatformVersion ? ` to ${status.newPlatformVersion}` : ''} has downloaded and waits for a restart`];
  }
  return status.lastUpdateCheckTime === null ? [] : [`it last looked for updates on ${day(status.lastUpdateCheckTime)}`];
};

/**
 * No anti-virus runs on ChromeOS: its protection is verified boot, sandboxing and automatic updates, until the AUE,
 * and only while it keeps up with Google's stable channel (`maxVersionsBehind`, the school's setting).
 */
const antivirus = (record: ChromebookRecord, now: number, maxVersionsBehind: number): Observation => {
  const aue = record.autoUpdateExpiration;
  const os = record.osVersion ? `ChromeOS ${record.osVersion}` : 'ChromeOS';
  const notes = ['no anti-virus runs on ChromeOS'];
  if (aue === null) notes.push('Google Admin gives no auto-update expiration for this model');
  else if (aue <= now) notes.push(`its auto-update expiration passed on ${day(aue)}, so it gets no more security updates: replace it`);
  else notes.push(`security updates until ${day(aue)}`);
  const stable = record.updates?.stableMajor ?? null;
  const major = majorOf(record.osVersion);
  const behind = stable !== null && major !== null ? stable - major : null;
  const farBehind = behind !== null && behind > maxVersionsBehind;
  const versions = (count: number): string => `${count} ${count === 1 ? 'version' : 'versions'}`;
  if (farBehind) {
    notes.push(`version ${major} is ${versions(behind)} behind the stable channel's ${stable}, more than the ${maxVersionsBehind} the school allows: find out why it is not updating`);
  } else if (behind !== null && behind > 0) notes.push(`${versions(behind)} behind the stable channel's ${stable}`);
  notes.push(...updateStatusWords(record));
  const upToDate = (aue !== null && aue <= now) || farBehind ? Tri.TRI_NO : aue === null ? Tri.TRI_UNKNOWN : Tri.TRI_YES;
  return {
    check: 'antivirus', status: CollectionStatus.COLLECTED,
    antivirus: { products: [{
      name: `${os} automatic updates (${notes.join('; ')})`, enabled: Tri.TRI_YES, realtimeProtection: Tri.TRI_YES,
      signatureVersion: record.osVersion ?? '', reportsUpToDate: upToDate,
    }] },
  };
};

/** ChromeOS's firewall is built in, refuses incoming connections and cannot be changed by anyone at the device. */
const firewall = (): Observation => ({
  check: 'firewall', status: CollectionStatus.COLLECTED,
  firewall: {
    enabled: Tri.TRI_YES, inboundDefault: FirewallAction.FIREWALL_DROP, backend: 'ChromeOS built-in, not user-configurable',
    inboundRulesListed: Tri.TRI_NO,
    inboundRulesProblem: 'ChromeOS lets nobody add inbound rules; Google Admin does not list the system\'s own (e.g. for casting).',
  },
});

const unitOf = (record: ChromebookRecord): string => (record.orgUnitPath ? ` for ${record.orgUnitPath}` : '');

const notRead = (check: string, setting: string, problem: string | null): Observation => ({
  check, status: CollectionStatus.COULD_NOT_COLLECT, reasonCode: 'CHROMEOS_POLICY_NOT_READ',
  reason: `${setting} in Google Admin could not be read: ${problem ?? 'the connector has not read the Chromebook\'s policies yet'}.`,
});

const STORAGE_WORDS: Record<string, string> = {
  DISALLOW: 'External storage devices: Disallow', READ_ONLY: 'External storage devices: Allow read only',
  READ_WRITE: 'External storage devices: Allow',
};

/** chrome.users.ExternalStorage for the Chromebook's unit; not set means ChromeOS's default, which allows sticks. */
const removableMedia = (record: ChromebookRecord): Observation => {
  const chrome = record.policy?.chrome;
  if (!chrome) return notRead('removable-media', 'Whether this Chromebook blocks removable storage (the External storage devices setting)', record.policy?.chromeProblem ?? null);
  const setting = chrome.externalStorage ?? 'READ_WRITE';
  const allowlist = chrome.externalStorageAllowlist > 0 ? `; ${chrome.externalStorageAllowlist} USB devices on its allow list stay usable` : '';
  const mechanism = `Google Admin ${chrome.externalStorage === null ? 'leaves External storage devices unset (ChromeOS then allows them)' : STORAGE_WORDS[setting] ?? setting}${unitOf(record)}${allowlist}`;
  const known = setting in STORAGE_WORDS;
  return {
    check: 'removable-media', status: CollectionStatus.COLLECTED,
    removableMedia: {
      storageBlocked: !known ? Tri.TRI_UNKNOWN : setting === 'DISALLOW' ? Tri.TRI_YES : Tri.TRI_NO,
      writeBlocked: !known ? Tri.TRI_UNKNOWN : setting === 'READ_WRITE' ? Tri.TRI_NO : Tri.TRI_YES,
      mechanism,
      ...(known ? {} : { postureProblem: `Google Admin gave External storage devices the value "${setting}", which the connector does not know.` }),
    },
  };
};

/** Seconds until one power source's idle settings lock the screen: 0 never, undefined when ChromeOS's default or the user decides. */
const lockAfter = (idle: IdleSettings, lockOnSleep: string | null): number | undefined => {
  const action = idle.idleAction ?? 'SLEEP';
  const idleLocks = action === 'LOGOUT' || action === 'SHUTDOWN' || (action === 'SLEEP' && lockOnSleep === 'TRUE');
  const waits = [idle.screenLockDelay, idleLocks ? idle.idleDelay : null].filter((wait): wait is number => wait !== null && wait > 0);
  if (waits.length > 0) return Math.min(...waits);
  if (idleLocks && idle.idleDelay === null) return undefined; // the idle wait is ChromeOS's default, not Google Admin's
  const neverByIdle = idle.idleDelay === 0 || action === 'DO_NOTHING' || (action === 'SLEEP' && lockOnSleep === 'FALSE');
  return neverByIdle ? 0 : undefined;
};

const quickUnlockWords = (chrome: ChromebookPolicy): string => {
  if (!chrome.quickUnlockModes.includes('PIN')) return '';
  return chrome.pinMinLength === null ? '; a PIN also unlocks it' : `; a PIN of at least ${chrome.pinMinLength} digits also unlocks it`;
};

/** IdleSettingsExtended and LockScreen for the Chromebook's unit; the later of the mains and battery locks counts. */
const screenLock = (record: ChromebookRecord): Observation => {
  const chrome = record.policy?.chrome;
  if (!chrome) return notRead('screen-lock', 'When this Chromebook locks its screen (the Idle settings)', record.policy?.chromeProblem ?? null);
  const source = `Google Admin idle settings${unitOf(record)}${quickUnlockWords(chrome)}`;
  if (chrome.allowScreenLock === false) {
    return { check: 'screen-lock', status: CollectionStatus.COLLECTED, screenLock: {
      idleLockSeconds: 0, passwordOnWake: Tri.TRI_NO, enforced: Tri.TRI_YES, settingSource: `Google Admin's Lock screen setting${unitOf(record)}: Do not allow locking screen`,
    } };
  }
  const waits = [lockAfter(chrome.ac, chrome.lockOnSleep), lockAfter(chrome.battery, chrome.lockOnSleep)];
  const unknown = waits.some((wait) => wait === undefined);
  const idleLockSeconds = unknown ? -1 : waits.includes(0) ? 0 : Math.max(...(waits as number[]));
  const problem = unknown
    ? (chrome.lockOnSleep === 'TRUE'
      ? 'Google Admin leaves the idle wait at ChromeOS\'s default, which the connector cannot see.'
      : 'Google Admin sets no screen lock delay and leaves locking on sleep to the user (Lock screen on sleep or lid close: allow user to configure).')
    : '';
  return {
    check: 'screen-lock', status: CollectionStatus.COLLECTED,
    screenLock: { idleLockSeconds, passwordOnWake: Tri.TRI_YES, enforced: Tri.TRI_YES, settingSource: source, ...(problem ? { problem } : {}) },
  };
};

const STRENGTH: Record<string, Tri> = { STRONG: Tri.TRI_YES, WEAK: Tri.TRI_NO };

/** A Chromebook signs in with the Workspace account: its password rules are the Workspace password policy. */
const passwordPolicy = (record: ChromebookRecord): Observation => {
  const password = record.policy?.password;
  if (!password) return notRead('password-policy', 'The Google Workspace password policy (Security → Password management), which a Chromebook\'s sign-in follows,', record.policy?.passwordProblem ?? null);
  return {
    check: 'password-policy', status: CollectionStatus.COLLECTED,
    passwordPolicy: {
      minLength: password.minimumLength ?? -1, maxLength: password.maximumLength ?? -1,
      // Google's "strong" is a score, not a count of kinds of character, so the count stays unknown.
      minCharacterClasses: -1, complexityRequired: STRENGTH[password.allowedStrength ?? ''] ?? Tri.TRI_UNKNOWN,
      maxAgeDays: password.expirationDays ?? -1, denyListEnforced: Tri.TRI_UNKNOWN, lockoutThreshold: -1, historyLength: -1,
      denyListProblem: 'Google does not say whether its Workspace password rules refuse predictable words such as Password123.',
    },
  };
};

export const chromebookObservations = (record: ChromebookRecord, now: number, maxVersionsBehind: number): Observation[] =>
  [encryption(record), antivirus(record, now, maxVersionsBehind), firewall(), removableMedia(record), passwordPolicy(record), screenLock(record)];
