import { describe } from 'vitest';
import { Tri, type Observation } from '@invigilator/shared/wire.ts';
import { collected, packWith, verdictTable } from '../observations.ts';

const { TRI_YES: YES, TRI_NO: NO, TRI_UNKNOWN: UNKNOWN } = Tri;
type Facts = NonNullable<Observation['passwordPolicy']>;
// A device that meets the default pack: length 8..unlimited, 3 kinds, never expires, deny list on.
const device = (facts: Partial<Facts>) => collected('password-policy', { passwordPolicy: {
  minLength: 8, maxLength: 0, minCharacterClasses: 3, maxAgeDays: 0, complexityRequired: YES, denyListEnforced: YES,
  lockoutThreshold: 10, historyLength: 24, ...facts,
} });

describe('password policy verdicts under the default pack (8..64, 3 kinds, no forced expiry, deny list)', () => {
  verdictTable([
    ['meets every rule; never expiring is fine without forced expiry', device({}), 'pass', 'PASSWORD_POLICY_MET',
      'The device\'s password rules meet the school\'s policy: minimum length 8, 3 kinds of character required, predictable passwords refused.'],
    ['a device maximum above the school\'s is fine', device({ minLength: 12, maxLength: 128 }), 'pass', 'PASSWORD_POLICY_MET', /minimum length 12/],
    ['expiry not reported: not needed', device({ maxAgeDays: -1 }), 'pass', 'PASSWORD_POLICY_MET', /^The device's password rules meet/],
    ['minimum too short', device({ minLength: 6 }), 'fail', 'PASSWORD_POLICY_WEAK', 'Minimum length is 6; the school requires 8.'],
    ['no minimum at all', device({ minLength: 0 }), 'fail', 'PASSWORD_POLICY_WEAK', 'Minimum length is 0; the school requires 8.'],
    ['device cuts passwords shorter than the school allows', device({ maxLength: 14 }), 'fail', 'PASSWORD_POLICY_WEAK',
      'Maximum length is 14; the school\'s policy allows passwords of up to 64 characters.'],
    ['too few kinds of character', device({ minCharacterClasses: 2 }), 'fail', 'PASSWORD_POLICY_WEAK',
      'Passwords must mix 2 kinds of character; the school requires 3.'],
    ['no mixing required at all', device({ minCharacterClasses: 0 }), 'fail', 'PASSWORD_POLICY_WEAK',
      'Mixing letters, numbers and symbols is not required; the school requires 3 kinds of character.'],
    ['complexity off and kinds not counted', device({ minCharacterClasses: -1, complexityRequired: NO }), 'fail', 'PASSWORD_POLICY_WEAK',
      'Mixing letters, numbers and symbols is not required; the school requires 3 kinds of character.'],
    ['predictable words allowed', device({ denyListEnforced: NO }), 'fail', 'PASSWORD_POLICY_WEAK',
      'Predictable passwords (such as Password123 or Qwerty) are not refused.'],
    ['every gap listed in plain words', device({ minLength: 6, minCharacterClasses: 1, denyListEnforced: NO }), 'fail', 'PASSWORD_POLICY_WEAK',
      'Minimum length is 6; the school requires 8. Mixing letters, numbers and symbols is not required; the school requires 3 kinds of character. '
      + 'Predictable passwords (such as Password123 or Qwerty) are not refused.'],
    ['a gap outweighs an unknown', device({ minLength: 4, denyListEnforced: UNKNOWN }), 'fail', 'PASSWORD_POLICY_WEAK',
      'Minimum length is 4; the school requires 8.'],
    ['minimum not reported', device({ minLength: -1 }), 'unknown', 'PASSWORD_POLICY_UNKNOWN',
      'The device did not report the minimum password length, which the school\'s policy needs.'],
    ['maximum not reported', device({ maxLength: -1 }), 'unknown', 'PASSWORD_POLICY_UNKNOWN', /the maximum password length/],
    ['complexity on but kinds not counted', device({ minCharacterClasses: -1 }), 'unknown', 'PASSWORD_POLICY_UNKNOWN',
      /how many kinds of character \(letters, numbers, symbols\) a password must mix/],
    ['deny list not reported', device({ denyListEnforced: UNKNOWN }), 'unknown', 'PASSWORD_POLICY_UNKNOWN',
      /whether predictable passwords are refused/],
    ['every unknown listed', device({ minLength: -1, denyListEnforced: UNKNOWN }), 'unknown', 'PASSWORD_POLICY_UNKNOWN',
      'The device did not report the minimum password length and whether predictable passwords are refused, which the school\'s policy needs.'],
    ['absent facts are unknown, never 0', collected('password-policy', { passwordPolicy: {} }), 'unknown', 'PASSWORD_POLICY_UNKNOWN',
      /the minimum password length, the maximum password length, how many kinds/],
  ]);
});

describe('password policy verdicts where the school forces expiry every 90 days', () => {
  verdictTable([
    ['expires after 90 days', device({ maxAgeDays: 90 }), 'pass', 'PASSWORD_POLICY_MET', /passwords expire after 90 days/],
    ['expires sooner', device({ maxAgeDays: 42 }), 'pass', 'PASSWORD_POLICY_MET', /passwords expire after 42 days/],
    ['never expires', device({ maxAgeDays: 0 }), 'fail', 'PASSWORD_POLICY_WEAK',
      'Passwords never expire; the school requires a change at least every 90 days.'],
    ['expires too late', device({ maxAgeDays: 180 }), 'fail', 'PASSWORD_POLICY_WEAK',
      'Passwords expire after 180 days; the school requires 90 days or fewer.'],
    ['expiry not reported', device({ maxAgeDays: -1 }), 'unknown', 'PASSWORD_POLICY_UNKNOWN', /when passwords expire/],
  ], packWith('passwordPolicy', { maxAgeDays: 90 }));
});

describe('password policy verdicts where the school asks less', () => {
  verdictTable([
    ['kinds and deny list not needed: not reported is fine', device({ minCharacterClasses: -1, complexityRequired: NO, denyListEnforced: UNKNOWN }),
      'pass', 'PASSWORD_POLICY_MET', 'The device\'s password rules meet the school\'s policy: minimum length 8.'],
    ['no maximum set: a short device maximum is not judged', device({ maxLength: 14 }), 'pass', 'PASSWORD_POLICY_MET', /minimum length 8/],
    ['still judges the minimum', device({ minLength: 7 }), 'fail', 'PASSWORD_POLICY_WEAK', 'Minimum length is 7; the school requires 8.'],
  ], packWith('passwordPolicy', { minCharacterClasses: 1, requireDenyList: false, maxLength: null }));
});

// Windows and macOS cannot see a directory's list of refused passwords: they say "unknown" and why.
const windowsDevice = (facts: Partial<Facts> = {}) => device({
  denyListEnforced: UNKNOWN,
  denyListProblem: 'a list of refused passwords is kept by the directory accounts sign in with (Microsoft Entra ID, Active Directory), which the device cannot see',
  ...facts,
});

describe('password policy verdicts where the device cannot see a deny list', () => {
  verdictTable([
    ['unknown, not fail, under the default pack, saying why and what to set', windowsDevice(), 'unknown', 'PASSWORD_POLICY_UNKNOWN',
      /whether predictable passwords are refused \(a list of refused passwords is kept by the directory .* cannot see; if the school's directory refuses them, say so with checks\.passwordPolicy\.denyListInDirectory/],
    ['a known weakness still fails', windowsDevice({ minLength: 0 }), 'fail', 'PASSWORD_POLICY_WEAK', 'Minimum length is 0; the school requires 8.'],
  ]);
  verdictTable([
    ['passes on the school\'s word that its directory refuses them, and says so', windowsDevice(), 'pass', 'PASSWORD_POLICY_MET',
      'The device\'s password rules meet the school\'s policy: minimum length 8, 3 kinds of character required, predictable passwords refused by the school\'s directory (as its policy pack states).'],
    ['the device\'s own "no" still fails (a Linux device without the dictionary check)', device({ denyListEnforced: NO }), 'fail', 'PASSWORD_POLICY_WEAK', /not refused/],
  ], packWith('passwordPolicy', { denyListInDirectory: true }));
});
