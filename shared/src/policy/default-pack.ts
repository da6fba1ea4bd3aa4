// The pack a school gets until it loads its own: the common ground of school
// e-safety policies. Every number here is a setting a school may change.
import { DEFAULT_AGENT_SETTINGS } from '../agent-config.ts';
import { DEFAULT_MISUSE_SETTINGS } from '../misuse-settings.ts';
import { DEFAULT_CHROMEOS_MAX_VERSIONS_BEHIND, DEFAULT_PRODUCT_SIGNATURE_AGE_HOURS } from './product-signature-ages.ts';
import { validatePolicyPack } from './validate.ts';
import type { PolicyPack } from './types.ts';

const DEFAULT_PACK_SOURCE = {
  id: 'default',
  version: '1.0.0',
  name: 'Invigilator default (common school e-safety policy)',
  clauses: {
    'device-encryption': 'All school laptops and computers have encryption turned on.',
    'anti-virus': 'All school systems are protected by up-to-date anti-virus software.',
    firewall: 'Firewalls are switched on at all times and are reviewed by ICT technicians every term.',
    passwords: 'Passwords have a minimum and maximum length, mix letters, numbers and symbols, and never use '
      + 'predictable words (Password, Pa55word, Password123, Qwerty, 123456, 12345678, ABC123). Following NCSC '
      + 'advice, passwords are not forced to expire.',
    'removable-media': 'Removable media (memory sticks, CDs, DVDs) are prohibited on school devices, and personal '
      + 'data never leaves school on them.',
    'screen-lock': 'Users log off or lock a device when they leave it.',
    safeguards: 'Using anything that bypasses the filtering or other safeguards is misuse.',
    downloads: 'Programs are installed on school devices by ICT staff only; pupils and staff do not download '
      + 'programs or installers onto them.',
    'public-wifi': 'School devices connect only to the school\'s own wireless networks or to secured networks; '
      + 'open public Wi-Fi is not used.',
    monitoring: 'School devices stay in contact with the school\'s device monitoring so that their protection can '
      + 'be checked.',
  },
  checks: {
    encryption: { required: true, clause: 'device-encryption' },
    antivirus: {
      required: true,
      // 72 h, not 24: a laptop shut in a bag from Friday afternoon to Monday
      // morning misses a weekend of updates without anything being wrong.
      maxSignatureAgeHours: 72,
      maxSignatureAgeHoursByProduct: { ...DEFAULT_PRODUCT_SIGNATURE_AGE_HOURS },
      requireRealtimeProtection: true,
      // 6: a school on ChromeOS's long-term-support channel (a new milestone every six months, a stable one every
      // four weeks) trails stable by up to six versions and is still patched.
      chromeosMaxVersionsBehind: DEFAULT_CHROMEOS_MAX_VERSIONS_BEHIND,
      clause: 'anti-virus',
    },
    firewall: { required: true, requireAllProfiles: true, clause: 'firewall' },
    passwordPolicy: {
      minLength: 8,
      maxLength: 64,
      minCharacterClasses: 3,
      maxAgeDays: null,
      requireDenyList: true,
      // Whether a directory refuses predictable passwords is the school's to say: the device cannot see it.
      denyListInDirectory: false,
      clause: 'passwords',
    },
    removableMedia: { banned: true, readOnlyIsEnough: false, alertOnFileWrites: true, hashFileNames: false, clause: 'removable-media' },
    // 15 minutes: the longest the common security baselines allow; a school may ask for less.
    screenLock: { required: true, maxIdleMinutes: 15, requirePasswordOnWake: true, clause: 'screen-lock' },
  },
  misuse: {
    clause: 'safeguards',
    safeguards: { enabled: true },
    // No school proxy listed: every proxy or DNS-over-HTTPS setting a pupil makes is reported until the school lists its own.
    bypassTools: { enabled: true, names: [...DEFAULT_MISUSE_SETTINGS.bypassToolNames], approved: [], schoolAddresses: [] },
    downloads: { enabled: true, extensions: [...DEFAULT_MISUSE_SETTINGS.downloadExtensions], clause: 'downloads' },
    // No school networks listed: only open (password-less) networks are reported until the school lists its own.
    publicWifi: { enabled: true, schoolNetworks: [], clause: 'public-wifi' },
  },
  agent: {
    checkSchedules: { ...DEFAULT_AGENT_SETTINGS.checkSchedules },
    // /Volumes is where macOS mounts memory sticks; Linux desktops use the other two.
    removableMountRoots: [...DEFAULT_AGENT_SETTINGS.removableMountRoots],
    heartbeatSeconds: DEFAULT_AGENT_SETTINGS.heartbeatSeconds,
  },
  // Same reasoning as the signature age: a weekend at home is not an outage.
  availability: { silentAfterHours: 72, clause: 'monitoring' },
  retention: {
    // A term and a half of device health: enough for the termly firewall review.
    observationDays: 90,
    // A school year, so the DSL can see a pattern of misuse across terms.
    misuseDays: 365,
    resolvedAlertDays: 365,
    // Longer than anything it audits: every view of data that still exists stays accounted for.
    auditDays: 730,
  },
};

export const DEFAULT_POLICY_PACK: PolicyPack = validatePolicyPack(DEFAULT_PACK_SOURCE, 'built-in default pack');
