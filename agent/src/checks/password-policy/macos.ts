// Local account password policy on macOS, as `pwpolicy getaccountpolicies` reports
// it (what an MDM profile or an administrator set). Whether predictable passwords are
// refused is the directory's business, which the device cannot see (deny-list.ts).
import { CollectionStatus, Tri } from '@invigilator/shared/wire.ts';
import { findingFrom, parseSource } from '../findings.ts';
import type { Finding, PlatformCheck } from '../types.ts';
import { parsePwpolicyAccountPolicies, PWPOLICY_SOURCE } from './parse-pwpolicy-account-policies.ts';
import { DIRECTORY_DENY_LIST } from './deny-list.ts';

export const check: PlatformCheck = {
  check: 'password-policy',
  platform: 'macos',
  sources: () => [{ kind: 'command', id: PWPOLICY_SOURCE, file: '/usr/bin/pwpolicy', args: ['getaccountpolicies'] }],
  interpret(collected): Finding {
    return findingFrom(parseSource(collected, PWPOLICY_SOURCE, parsePwpolicyAccountPolicies), (facts) => ({
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
