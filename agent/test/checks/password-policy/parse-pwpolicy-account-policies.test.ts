import { describe, expect, it } from 'vitest';
import { NO_ACCOUNT_POLICIES, parsePwpolicyAccountPolicies } from '../../../src/checks/password-policy/parse-pwpolicy-account-policies.ts';
import { macosFixture } from '../../helpers/macos-fixture.ts';

const capture = macosFixture('pwpolicy-getaccountpolicies.1.txt');
const xmlOnly = capture.slice(capture.indexOf('<?xml'));
const EMPTY = '<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0">\n<dict/>\n</plist>\n';
// Derived: the real capture with one more policy added to the content category.
const withPolicy = (policy: string): string =>
  capture.replace('<key>policyCategoryPasswordContent</key>\n\t<array>', `<key>policyCategoryPasswordContent</key>\n\t<array>\n${policy}`);
const changePolicy = (days: string) => capture.replace('</dict>\n</plist>', `\t<key>policyCategoryPasswordChange</key>\n\t<array>\n\t\t<dict>\n\t\t\t<key>policyContent</key>\n\t\t\t<string>policyAttributeCurrentTime &gt; policyAttributeLastPasswordChangeTime + (policyAttributeExpiresEveryNDays * 24 * 60 * 60)</string>\n\t\t\t<key>policyIdentifier</key>\n\t\t\t<string>Change every ${days} days</string>\n\t\t\t<key>policyParameters</key>\n\t\t\t<dict>\n\t\t\t\t<key>policyAttributeExpiresEveryNDays</key>\n\t\t\t\t<integer>${days}</integer>\n\t\t\t</dict>\n\t\t</dict>\n\t</array>\n</dict>\n</plist>`);

describe('parsePwpolicyAccountPolicies', () => {
  it('reads the real MDM-profile capture (header line first)', () => {
    expect(parsePwpolicyAccountPolicies(capture)).toEqual({ ok: true, value: {
      minLength: 8, maxLength: 0, characterClasses: ['digit', 'lower', 'upper'], minCharacterClasses: 3,
      maxAgeDays: 0, lockoutThreshold: 5, historyLength: 0,
    } });
  });

  it('reads the same plist as stdout alone (header on stderr)', () => {
    expect(parsePwpolicyAccountPolicies(xmlOnly)).toMatchObject({ ok: true, value: { minLength: 8, lockoutThreshold: 5 } });
  });

  it('no policies at all: macOS floor (no minimum, no expiry, no lockout)', () => {
    expect(parsePwpolicyAccountPolicies(`Getting global account policies\n${EMPTY}`)).toEqual({ ok: true, value: {
      minLength: 0, maxLength: 0, characterClasses: [], minCharacterClasses: 0, maxAgeDays: 0, lockoutThreshold: 0, historyLength: 0,
    } });
  });

  it.each([
    ['expiry every 90 days', changePolicy('90'), { maxAgeDays: 90 }],
    ['a maximum length', withPolicy("<dict><key>policyContent</key><string>policyAttributePassword matches '.{10,64}'</string><key>policyIdentifier</key><string>len</string></dict>"), { minLength: 10, maxLength: 64 }],
    ['a symbol rule', withPolicy("<dict><key>policyContent</key><string>policyAttributePassword matches '(.*[^a-zA-Z0-9].*){1,}+'</string><key>policyIdentifier</key><string>sym</string></dict>"), { minCharacterClasses: 4 }],
    ['password history', withPolicy('<dict><key>policyContent</key><string>none policyAttributePasswordHashes in policyAttributePasswordHistory</string><key>policyIdentifier</key><string>hist</string><key>policyParameters</key><dict><key>policyAttributePasswordHistoryDepth</key><integer>5</integer></dict></dict>'), { historyLength: 5 }],
  ])('reads a derived variant: %s', (_name, text, expected) => {
    expect(parsePwpolicyAccountPolicies(text)).toMatchObject({ ok: true, value: expected });
  });

  it.each([
    ['truncated (derived: first half)', capture.slice(0, capture.length / 2), 'OUTPUT_TRUNCATED'],
    ['a text answer, not a plist', 'Error: unknown command\n', 'OUTPUT_UNRECOGNISED'],
    ['a localised preface', `Obtention des règles globales\n${xmlOnly}`, 'OUTPUT_UNRECOGNISED'],
    ['an unknown rule', withPolicy('<dict><key>policyContent</key><string>policyAttributeSomethingNew &lt; 3</string><key>policyIdentifier</key><string>new</string></dict>'), 'OUTPUT_UNRECOGNISED'],
    ['expiry without its value', changePolicy('90').replace(/<key>policyAttributeExpiresEveryNDays<\/key>\s*<integer>90<\/integer>/, ''), 'OUTPUT_UNRECOGNISED'],
  ])('refuses %s', (_name, text, code) => {
    expect(parsePwpolicyAccountPolicies(text)).toMatchObject({ ok: false, code });
  });
});

describe('pwpolicy with no policy set', () => {
  it('reads "No global account policies have been set." as an empty policy, not an error', () => {
    const text = macosFixture('pwpolicy-getaccountpolicies.2-none-set.txt');
    expect(parsePwpolicyAccountPolicies(text)).toEqual({ ok: true, value: NO_ACCOUNT_POLICIES });
    expect(parsePwpolicyAccountPolicies(`Getting global account policies\n${text}`)).toEqual({ ok: true, value: NO_ACCOUNT_POLICIES });
    expect(parsePwpolicyAccountPolicies(`${text}Something else\n`)).toMatchObject({ ok: false });
  });
});
