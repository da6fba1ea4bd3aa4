// Local account password policy on macOS, as `pwpolicy getaccountpolicies` reports
// it (what an MDM profile or an administrator set). Whether predictable passwords are
// refused is the directory's business, which the device cannot see (deny-list.ts).
import { CollectionStatus, Tri } from '@invigilator/shared/wire.ts';
import { findingFrom, parseSource } from '../findings.ts';
import { parsed, type Collected, type Finding, type Parsed, type PlatformCheck } from '../types.ts';
import {
  NO_ACCOUNT_POLICIES, NO_POLICIES, parsePwpolicyAccountPolicies, PWPOLICY_SOURCE, type AccountPolicyFacts,
} from './parse-pwpolicy-account-policies.ts';
import { DIRECTORY_DENY_LIST } from './deny-list.ts';

/** "No global account policies have been set." may come on stderr, with nothing on stdout and a non-zero exit. */
const readPolicies = (collected: Collected): Parsed<AccountPolicyFacts> => {
  const result = collected.get(PWPOLICY_SOURCE);
  if (result && !result.errorCode && result.stdout.trim() === '' && NO_POLICIES.test(result.stderr)) return parsed(NO_ACCOUNT_POLICIES);
  return parseSource(collected, PWPOLICY_SOURCE, parsePwpolicyAccountPolicies);
};

export const check: PlatformCheck = {
  check: 'password-policy',
  platform: 'macos',
  sources: () => [{ kind: 'command', id: PWPOLICY_SOURCE, file: '/usr/bin/pwpolicy', args: ['getaccountpolicies'] }],
  interpret(collected): Finding {
    return findingFrom(readPolicies(collected), (facts) => ({
      status: CollectionStatus.COLLECTED,
      passwordPolicy: {
        minLength: facts.minLength,
        maxLength: facts.maxLength,
        minCharacterClasses: facts.minCharacterClasses,
        maxAgeDays: facts.maxAgeDays,
        // Any rule demanding a kind of character is a complexity requirement.
        complexityRequired: facts.minCharacterClasses > 0 ? Tri.TRI_YES : Tri.TRI_NO,
        ...DIRECTORY_DENY_LIST,
        lockoutThreshold: facts.lockoutThreshold,
        historyLength: facts.historyLength,
      },
    }));
  },
};
