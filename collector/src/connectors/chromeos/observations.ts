// A Chromebook's directory record as observations of every check, in the same messages an agent sends, so the
// same policy rules judge them. Each says honestly what ChromeOS guarantees and what the connector cannot see.
import { CollectionStatus, FirewallAction, Tri, VolumeRole, type Observation } from '@invigilator/shared/wire.ts';
import type { ChromebookRecord } from './chromebook-record.ts';

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

/** No anti-virus runs on ChromeOS: its protection is verified boot, sandboxing and automatic updates, until the AUE. */
const antivirus = (record: ChromebookRecord, now: number): Observation => {
  const aue = record.autoUpdateExpiration;
  const os = record.osVersion ? `ChromeOS ${record.osVersion}` : 'ChromeOS';
  const name = aue === null
    ? `${os} automatic updates (no anti-virus runs on ChromeOS; Google Admin gives no auto-update expiration for this model)`
    : aue <= now
      ? `${os} automatic updates (no anti-virus runs on ChromeOS; its auto-update expiration passed on ${day(aue)}, so it gets no more security updates: replace it)`
      : `${os} automatic updates (no anti-virus runs on ChromeOS; security updates until ${day(aue)})`;
  return {
    check: 'antivirus', status: CollectionStatus.COLLECTED,
    antivirus: { products: [{
      name, enabled: Tri.TRI_YES, realtimeProtection: Tri.TRI_YES, signatureVersion: record.osVersion ?? '',
      reportsUpToDate: aue === null ? Tri.TRI_UNKNOWN : aue <= now ? Tri.TRI_NO : Tri.TRI_YES,
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

/** Until the Chrome Policy API is read, what a Chromebook does with a stick is not known to the connector. */
const removableMedia = (): Observation => ({
  check: 'removable-media', status: CollectionStatus.COULD_NOT_COLLECT, reasonCode: 'CHROMEOS_POLICY_NOT_READ',
  reason: 'Whether this Chromebook blocks removable storage is set by the ExternalStorageDevices policy in Google Admin, '
    + 'which the connector does not read yet; the extension still reports each stick plugged in.',
});

const passwordPolicy = (): Observation => ({
  check: 'password-policy', status: CollectionStatus.COULD_NOT_COLLECT, reasonCode: 'CHROMEOS_POLICY_NOT_READ',
  reason: 'A Chromebook signs in with the Google Workspace account, so its password rules are the Workspace password '
    + 'policy and the screen-lock policy in Google Admin, which the connector does not read yet.',
});

const screenLock = (): Observation => ({
  check: 'screen-lock', status: CollectionStatus.COULD_NOT_COLLECT, reasonCode: 'CHROMEOS_POLICY_NOT_READ',
  reason: 'When a Chromebook locks its screen is set by the idle and screen-lock settings in Google Admin, '
    + 'which the connector does not read yet.',
});

export const chromebookObservations = (record: ChromebookRecord, now: number): Observation[] =>
  [encryption(record), antivirus(record, now), firewall(), removableMedia(), passwordPolicy(), screenLock()];
