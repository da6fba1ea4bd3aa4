import type { PolicyPack } from '@invigilator/shared/policy/types.ts';
import type { Observation } from '@invigilator/shared/wire.ts';
import { Tri } from '@invigilator/shared/wire.ts';
import { intFact, triOf } from '../facts.ts';
import { emptyFindings, settle, type Findings, type Judgement } from '../verdict.ts';

type PasswordFacts = NonNullable<Observation['passwordPolicy']>;
type PasswordSettings = PolicyPack['checks']['passwordPolicy'];

const UNKNOWN = -1;
const weak = (findings: Findings, text: string): void => { findings.gaps.push({ code: 'PASSWORD_POLICY_WEAK', text }); };
const kinds = (count: number): string => `${count} ${count === 1 ? 'kind' : 'kinds'} of character`;

const checkLengths = (facts: PasswordFacts, settings: PasswordSettings, findings: Findings): void => {
  const minLength = intFact(facts.minLength);
  if (minLength === UNKNOWN) findings.unknowns.push('the minimum password length');
  else if (minLength < settings.minLength) weak(findings, `minimum length is ${minLength}; the school requires ${settings.minLength}`);

  if (settings.maxLength === null) return;
  // The school's maximum is the longest password it allows, so the device must accept at least that many characters.
  const maxLength = intFact(facts.maxLength);
  if (maxLength === UNKNOWN) findings.unknowns.push('the maximum password length');
  else if (maxLength > 0 && maxLength < settings.maxLength) {
    weak(findings, `maximum length is ${maxLength}; the school's policy allows passwords of up to ${settings.maxLength} characters`);
  }
};

const checkCharacterClasses = (facts: PasswordFacts, settings: PasswordSettings, findings: Findings): void => {
  if (settings.minCharacterClasses <= 1) return; // every password has at least one kind
  const classes = intFact(facts.minCharacterClasses);
  if (classes === UNKNOWN || classes <= 1) {
    if (classes !== UNKNOWN || triOf(facts.complexityRequired) === Tri.TRI_NO) {
      weak(findings, `mixing letters, numbers and symbols is not required; the school requires ${kinds(settings.minCharacterClasses)}`);
    } else findings.unknowns.push('how many kinds of character (letters, numbers, symbols) a password must mix');
  } else if (classes < settings.minCharacterClasses) {
    weak(findings, `passwords must mix ${kinds(classes)}; the school requires ${settings.minCharacterClasses}`);
  }
};

const checkExpiry = (facts: PasswordFacts, settings: PasswordSettings, findings: Findings): void => {
  if (settings.maxAgeDays === null) return; // no forced expiry required: whatever the device does is fine
  const maxAgeDays = intFact(facts.maxAgeDays);
  if (maxAgeDays === UNKNOWN) findings.unknowns.push('when passwords expire');
  else if (maxAgeDays === 0) weak(findings, `passwords never expire; the school requires a change at least every ${settings.maxAgeDays} days`);
  else if (maxAgeDays > settings.maxAgeDays) {
    weak(findings, `passwords expire after ${maxAgeDays} days; the school requires ${settings.maxAgeDays} days or fewer`);
  }
};

/**
 * The device's own answer wins. Where it cannot see a deny list (Windows and macOS keep none
 * for local accounts; a directory may keep one), the school's word that its directory refuses
 * predictable passwords is accepted, and said so in the verdict.
 */
const checkDenyList = (facts: PasswordFacts, settings: PasswordSettings, findings: Findings): void => {
  if (!settings.requireDenyList) return;
  const enforced = triOf(facts.denyListEnforced);
  if (enforced === Tri.TRI_NO) weak(findings, 'predictable passwords (such as Password123 or Qwerty) are not refused');
  if (enforced === Tri.TRI_UNKNOWN && !settings.denyListInDirectory) {
    findings.unknowns.push(facts.denyListProblem
      ? `whether predictable passwords are refused (${facts.denyListProblem.replace(/\.$/, '')}; if the school's directory refuses them, `
        + 'say so with checks.passwordPolicy.denyListInDirectory in the policy pack)'
      : 'whether predictable passwords are refused');
  }
};

const denyListInWords = (facts: PasswordFacts): string =>
  triOf(facts.denyListEnforced) === Tri.TRI_YES ? 'predictable passwords refused' : 'predictable passwords refused by the school\'s directory (as its policy pack states)';

const summary = (facts: PasswordFacts, settings: PasswordSettings): string => {
  const parts = [`minimum length ${intFact(facts.minLength)}`];
  if (settings.minCharacterClasses > 1) parts.push(`${kinds(intFact(facts.minCharacterClasses))} required`);
  if (settings.maxAgeDays !== null) parts.push(`passwords expire after ${intFact(facts.maxAgeDays)} days`);
  if (settings.requireDenyList) parts.push(denyListInWords(facts));
  return `The device's password rules meet the school's policy: ${parts.join(', ')}.`;
};

export const judgePasswordPolicy = (facts: PasswordFacts, settings: PasswordSettings): Judgement => {
  const findings = emptyFindings();
  checkLengths(facts, settings, findings);
  checkCharacterClasses(facts, settings, findings);
  checkExpiry(facts, settings, findings);
  checkDenyList(facts, settings, findings);
  return settle(findings, 'PASSWORD_POLICY_UNKNOWN', () => ({
    status: 'pass', reasonCode: 'PASSWORD_POLICY_MET', reason: summary(facts, settings),
  }));
};
