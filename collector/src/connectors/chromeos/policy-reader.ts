// During one sync: the Chrome policies of each organisational unit (read once per unit) and the Workspace password
// policies (read once), each through a token of its own read-only scope, so a school that has not granted a scope
// keeps its directory sync and gets "unknown" with what to grant, not a failed sync.
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import type { ChromebookPolicyState, ChromebookRecord } from './chromebook-record.ts';
import { CHROME_POLICY_API_BASE, resolveChromebookPolicy, type ChromebookPolicy } from './chrome-policy.ts';
import type { GoogleHttpOptions } from './google-http.ts';
import { createTokenSource, SCOPES } from './google-token.ts';
import type { ServiceAccount } from './service-account.ts';
import { CLOUD_IDENTITY_API_BASE, listWorkspacePasswordPolicies, passwordPolicyFor, type WorkspacePassword } from './workspace-password.ts';

export interface PolicyReaderSettings {
  account: ServiceAccount;
  adminEmail: string;
  customerId: string;
  /** One server for every API (tests); null for Google's own hosts. */
  apiBase: string | null;
  http: GoogleHttpOptions;
  now: () => number;
}

export type Outcome<T> = { value: T; problem: null } | { value: null; problem: string };

/** A refusal names the scope to grant; anything else keeps Google's words. */
export const problemOf = (error: unknown, scope: string): string => {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof InvigilatorError && error.code === 'CHROMEOS_ACCESS_REFUSED') {
    return `Google refused the read-only scope ${scope}: add it to the service account's domain-wide delegation in Google Admin (${message})`;
  }
  return message;
};

export const attempt = async <T>(work: () => Promise<T>, scope: string): Promise<Outcome<T>> => {
  try {
    return { value: await work(), problem: null };
  } catch (error) {
    return { value: null, problem: problemOf(error, scope) };
  }
};

export const createPolicyReader = (settings: PolicyReaderSettings) => {
  const { account, adminEmail, customerId, apiBase, http, now } = settings;
  const policyTokens = createTokenSource(account, adminEmail, [SCOPES.policy], http, now);
  const identityTokens = createTokenSource(account, adminEmail, [SCOPES.identityPolicies], http, now);
  const units = new Map<string, Promise<Outcome<ChromebookPolicy>>>();
  let passwords: Promise<Outcome<WorkspacePassword[]>> | undefined;

  const chromeFor = (orgUnitId: string): Promise<Outcome<ChromebookPolicy>> => {
    let outcome = units.get(orgUnitId);
    if (!outcome) {
      outcome = attempt(() => resolveChromebookPolicy(policyTokens, apiBase ?? CHROME_POLICY_API_BASE, customerId, orgUnitId, http), SCOPES.policy);
      units.set(orgUnitId, outcome);
    }
    return outcome;
  };

  return {
    async policyFor(record: ChromebookRecord): Promise<ChromebookPolicyState> {
      passwords ??= attempt(() => listWorkspacePasswordPolicies(identityTokens, apiBase ?? CLOUD_IDENTITY_API_BASE, http), SCOPES.identityPolicies);
      const list = await passwords;
      const password = list.value ? passwordPolicyFor(list.value, record.orgUnitId) ?? null : null;
      const passwordProblem = list.problem ?? (password ? null : list.value.length === 0
        ? 'Google Admin lists no Workspace password policy'
        : `Google Admin applies ${list.value.length} Workspace password policies to other organisational units, and which one covers ${record.orgUnitPath ?? 'this Chromebook\'s unit'} cannot be told from them`);
      if (record.orgUnitId === null) {
        return { chrome: null, chromeProblem: 'Google Admin did not give this Chromebook\'s organisational unit id, which its policies are read by', password, passwordProblem };
      }
      const chrome = await chromeFor(record.orgUnitId);
      return { chrome: chrome.value, chromeProblem: chrome.problem, password, passwordProblem };
    },
  };
};
export type PolicyReader = ReturnType<typeof createPolicyReader>;
