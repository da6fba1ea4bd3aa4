// The Google Workspace password policy, from the Cloud Identity Policy API (settings/security.password): a Chromebook
// signs in with the Workspace account, so these are its password rules. The list holds every setting type of the
// customer, each applied to an organisational unit; the one for the Chromebook's unit wins, else the customer's own.
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { getGoogleJson } from './google-api.ts';
import type { GoogleHttpOptions } from './google-http.ts';
import type { TokenSource } from './google-token.ts';
import { int64Value } from './chrome-policy.ts';

export const CLOUD_IDENTITY_API_BASE = 'https://cloudidentity.googleapis.com';
const PASSWORD_SETTING = 'settings/security.password';
const PAGE_SIZE = 100;
const MAX_PAGES = 100;

export interface WorkspacePassword {
  /** The organisational unit (bare id) it is applied to; null when the policy names none. */
  orgUnitId: string | null;
  minimumLength: number | null;
  maximumLength: number | null;
  /** STRONG or WEAK. */
  allowedStrength: string | null;
  /** 0 when passwords never expire. */
  expirationDays: number | null;
  enforceRequirementsAtLogin: boolean | null;
}

const readPassword = (policy: Record<string, unknown>): WorkspacePassword | undefined => {
  const setting = policy.setting as { type?: unknown; value?: Record<string, unknown> } | undefined;
  if (setting?.type !== PASSWORD_SETTING || typeof setting.value !== 'object' || setting.value === null) return undefined;
  const { value } = setting;
  const orgUnit = (policy.policyQuery as { orgUnit?: unknown } | undefined)?.orgUnit;
  const expirySeconds = int64Value(value.expirationDuration);
  return {
    orgUnitId: typeof orgUnit === 'string' && orgUnit !== '' ? orgUnit.replace(/^orgUnits\//i, '') : null,
    minimumLength: int64Value(value.minimumLength),
    maximumLength: int64Value(value.maximumLength),
    allowedStrength: typeof value.allowedStrength === 'string' ? value.allowedStrength : null,
    expirationDays: expirySeconds === null ? null : Math.round(expirySeconds / 86_400),
    enforceRequirementsAtLogin: typeof value.enforceRequirementsAtLogin === 'boolean' ? value.enforceRequirementsAtLogin : null,
  };
};

/** Every password policy of the customer (one per organisational unit it is applied to). */
export const listWorkspacePasswordPolicies = async (
  tokens: TokenSource, apiBase: string, http: GoogleHttpOptions,
): Promise<WorkspacePassword[]> => {
  const found: WorkspacePassword[] = [];
  let pageToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const url = new URL('/v1/policies', apiBase);
    url.searchParams.set('pageSize', String(PAGE_SIZE));
    if (pageToken) url.searchParams.set('pageToken', pageToken);
    const json = await getGoogleJson(tokens, url, http);
    const policies = json.policies ?? [];
    if (!Array.isArray(policies)) throw new InvigilatorError('CHROMEOS_API_FAILED', '(policies is not a list in the Cloud Identity answer)');
    for (const policy of policies) {
      const password = typeof policy === 'object' && policy !== null ? readPassword(policy as Record<string, unknown>) : undefined;
      if (password) found.push(password);
    }
    pageToken = typeof json.nextPageToken === 'string' && json.nextPageToken !== '' ? json.nextPageToken : undefined;
    if (!pageToken) return found;
  }
  throw new InvigilatorError('CHROMEOS_API_FAILED', `(more than ${MAX_PAGES} pages of Cloud Identity policies)`);
};

/**
 * The policy for the Chromebook's unit, or the only one there is; undefined when several apply to other units and
 * which one covers this unit cannot be told without reading the whole unit tree.
 */
export const passwordPolicyFor = (policies: readonly WorkspacePassword[], orgUnitId: string | null): WorkspacePassword | undefined => {
  const bare = orgUnitId?.replace(/^id:/, '') ?? null;
  return policies.find((policy) => bare !== null && policy.orgUnitId === bare) ?? (policies.length === 1 ? policies[0] : undefined);
};
