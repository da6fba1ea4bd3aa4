// Words and numbers as the dashboard shows them (British English, the school's local time).
export const CHECKS = ['encryption', 'antivirus', 'firewall', 'password-policy', 'removable-media', 'screen-lock'];
export const CHECK_NAMES = {
  encryption: 'Encryption', antivirus: 'Anti-virus', firewall: 'Firewall', 'password-policy': 'Password policy',
  'removable-media': 'Removable media', 'screen-lock': 'Screen lock',
};
export const VERDICTS = { pass: 'Pass', fail: 'Fail', unknown: 'Unknown', not_applicable: 'Not applicable', notApplicable: 'Not applicable' };
export const CATEGORIES = { posture: 'Device health', availability: 'Not seen', misuse: 'Safeguarding' };
export const SEVERITIES = { critical: 'Critical', warning: 'Warning', info: 'Info' };
export const STATES = { open: 'Open', acknowledged: 'Acknowledged', resolved: 'Resolved' };
export const PLATFORMS = { windows: 'Windows', macos: 'macOS', linux: 'Linux', chromeos: 'ChromeOS' };
export const INCIDENT_KINDS = {
  'media-plugged': 'Memory stick plugged in', 'files-copied': 'Files copied to a stick', 'safeguard-disabled': 'Safeguard switched off',
  'bypass-tool': 'Filter-bypass tool', download: 'Download', 'public-wifi': 'Public Wi-Fi', burst: 'Many events at once', other: 'Other',
};
export const ROLE_NAMES = {
  admin: 'Administrator', 'network-manager': 'Network manager', technician: 'Technician', dsl: 'Safeguarding lead', governor: 'Governor',
};

const DATE_TIME = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
const DATE = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' });

export const when = (iso) => (iso ? DATE_TIME.format(new Date(iso)) : 'never');
export const day = (iso) => (iso ? DATE.format(new Date(iso)) : '');

/** "3 minutes ago", "2 days ago": how long since, in the largest whole unit. */
export const ago = (iso, now = Date.now()) => {
  if (!iso) return 'never';
  const seconds = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  for (const [unit, size] of [['day', 86400], ['hour', 3600], ['minute', 60]]) {
    const count = Math.floor(seconds / size);
    if (count >= 1) return `${count} ${unit}${count === 1 ? '' : 's'} ago`;
  }
  return 'just now';
};

export const percent = (share) => (share === null || share === undefined ? '–' : `${Math.round(share * 100)}%`);
export const shareClass = (share) => (share === null || share === undefined ? '' : share >= 0.95 ? 'good' : share >= 0.8 ? 'fair' : 'poor');
export const plural = (count, word, many = `${word}s`) => `${count.toLocaleString('en-GB')} ${count === 1 ? word : many}`;
export const checkName = (check) => CHECK_NAMES[check] ?? check;

/** Whether a person holds any of these roles (the collector checks again on every call). */
export const holds = (me, ...roles) => me.roles.some((role) => roles.includes(role));
