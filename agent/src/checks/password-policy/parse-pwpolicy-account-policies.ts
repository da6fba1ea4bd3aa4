// `pwpolicy getaccountpolicies`: the global account policies as an XML plist, each
// policy a predicate (policyContent) with its parameters. We read the predicate
// forms macOS and MDM profiles write; any other predicate is refused rather than
// skipped, because skipping it could hide a rule.
import { parsed, type Parsed } from '../types.ts';
import { dictAt, isDict, numberAt, readPlistDict, stringAt, type PlistDict } from '../../parsers/plist.ts';
import { unreadable } from '../../parsers/reasons.ts';

export const PWPOLICY_SOURCE = 'macos.pwpolicy-account-policies';

export interface AccountPolicyFacts {
  minLength: number;
  /** 0 when no rule caps the length. */
  maxLength: number;
  minCharacterClasses: number;
  characterClasses: string[];
  /** 0 when passwords never expire. */
  maxAgeDays: number;
  /** 0 when failed logins never lock the account. */
  lockoutThreshold: number;
  historyLength: number;
}

// pwpolicy writes this to stderr; merged captures show it before the XML.
const HEADER = /^Getting global account policies\s*$/m;
/** pwpolicy's answer on a Mac where no account policy was ever set: an empty policy, not an error. */
export const NO_POLICIES = /^No global account policies have been set\.?\s*$/m;

/** With no policy set macOS imposes none of these: no minimum, no expiry, no lockout. */
export const NO_ACCOUNT_POLICIES: AccountPolicyFacts = Object.freeze({
  minLength: 0, maxLength: 0, minCharacterClasses: 0, characterClasses: [], maxAgeDays: 0, lockoutThreshold: 0, historyLength: 0,
});
const LENGTH = /^policyAttributePassword matches '\.\{(\d+),(\d*)\}\+?'$/;
const CLASS_RULE = /^policyAttributePassword matches '\(\.\*\[([^\]]+)\]\.\*\)\{(\d+),\}\+?'$/;
const LOOKAHEADS = /^policyAttributePassword matches '\^((?:\(\?=\.\*\[[^\]]+\]\))+)\.\+'$/;
// Predicates that restrict passwords in ways this observation has no field for.
const NO_FIELD = [/policyAttributeConsecutiveCharacters/, /policyAttributeSequentialCharacters/, /policyAttributeRecordName/];

const classOf = (set: string): string => {
  switch (set) {
    case 'A-Z': return 'upper';
    case 'a-z': return 'lower';
    case '0-9': return 'digit';
    case 'A-Za-z': case 'a-zA-Z': return 'letter';
    default: return set.startsWith('^') ? 'symbol' : `[${set}]`;
  }
};

const countClasses = (classes: ReadonlySet<string>): string[] => {
  // "a letter" is already implied by "an upper-case letter" or "a lower-case letter".
  const kept = [...classes].filter((name) => !(name === 'letter' && (classes.has('upper') || classes.has('lower'))));
  return kept.sort();
};

const policiesOf = (root: PlistDict): PlistDict[] | string => {
  const policies: PlistDict[] = [];
  for (const [category, list] of Object.entries(root)) {
    if (!Array.isArray(list)) return `category ${category} is not a list`;
    for (const policy of list) {
      if (!isDict(policy) || stringAt(policy, 'policyContent') === undefined) return `a policy in ${category} has no policyContent`;
      policies.push(policy);
    }
  }
  return policies;
};

export const parsePwpolicyAccountPolicies = (text: string): Parsed<AccountPolicyFacts> => {
  const body = text.replace(HEADER, '').trim();
  if (NO_POLICIES.test(body) && !body.includes('\n')) return parsed(NO_ACCOUNT_POLICIES);
  const start = text.search(/<\?xml|<plist/);
  if (start < 0) return unreadable('OUTPUT_UNRECOGNISED', PWPOLICY_SOURCE, `no XML plist in "${text.trim().slice(0, 60)}"`);
  const preface = text.slice(0, start).replace(HEADER, '').trim();
  if (preface !== '') return unreadable('OUTPUT_UNRECOGNISED', PWPOLICY_SOURCE, `unexpected text before the plist: "${preface.slice(0, 60)}"`);
  const root = readPlistDict(text.slice(start), PWPOLICY_SOURCE);
  if (!root.ok) return root;
  const policies = policiesOf(root.value);
  if (typeof policies === 'string') return unreadable('OUTPUT_UNRECOGNISED', PWPOLICY_SOURCE, policies);

  // With no policy set macOS imposes none of these: no minimum, no expiry, no lockout.
  const facts = { minLength: 0, maxLength: 0, maxAgeDays: 0, lockoutThreshold: 0, historyLength: 0 };
  const classes = new Set<string>();
  for (const policy of policies) {
    const content = (stringAt(policy, 'policyContent') ?? '').trim();
    const parameters = dictAt(policy, 'policyParameters') ?? (Object.create(null) as PlistDict);
    const identifier = stringAt(policy, 'policyIdentifier') ?? '?';
    let match: RegExpExecArray | null;
    if ((match = LENGTH.exec(content))) {
      facts.minLength = Math.max(facts.minLength, Number(match[1]));
      if (match[2]) facts.maxLength = facts.maxLength === 0 ? Number(match[2]) : Math.min(facts.maxLength, Number(match[2]));
    } else if ((match = CLASS_RULE.exec(content))) {
      classes.add(classOf(match[1] ?? ''));
    } else if ((match = LOOKAHEADS.exec(content))) {
      for (const set of (match[1] ?? '').matchAll(/\[([^\]]+)\]/g)) classes.add(classOf(set[1] ?? ''));
    } else if (content.includes('policyAttributeMaximumFailedAuthentications')) {
      const limit = numberAt(parameters, 'policyAttributeMaximumFailedAuthentications');
      if (limit === undefined) return unreadable('OUTPUT_UNRECOGNISED', PWPOLICY_SOURCE, `policy "${identifier}" has no policyAttributeMaximumFailedAuthentications value`);
      // Every policy must hold, so the lowest limit is the one that locks first.
      facts.lockoutThreshold = facts.lockoutThreshold === 0 ? limit : Math.min(facts.lockoutThreshold, limit);
    } else if (content.includes('policyAttributeExpiresEveryNDays')) {
      const days = numberAt(parameters, 'policyAttributeExpiresEveryNDays');
      if (days === undefined) return unreadable('OUTPUT_UNRECOGNISED', PWPOLICY_SOURCE, `policy "${identifier}" has no policyAttributeExpiresEveryNDays value`);
      facts.maxAgeDays = facts.maxAgeDays === 0 ? days : Math.min(facts.maxAgeDays, days);
    } else if (content.includes('policyAttributePasswordHistory')) {
      const depth = numberAt(parameters, 'policyAttributePasswordHistoryDepth');
      if (depth === undefined) return unreadable('OUTPUT_UNRECOGNISED', PWPOLICY_SOURCE, `policy "${identifier}" has no policyAttributePasswordHistoryDepth value`);
      facts.historyLength = Math.max(facts.historyLength, depth);
    } else if (!NO_FIELD.some((pattern) => pattern.test(content))) {
      return unreadable('OUTPUT_UNRECOGNISED', PWPOLICY_SOURCE, `policy "${identifier}" has a rule the agent cannot read: ${content.slice(0, 120)}`);
    }
  }
  const characterClasses = countClasses(classes);
  return parsed({ ...facts, characterClasses, minCharacterClasses: characterClasses.length });
};
