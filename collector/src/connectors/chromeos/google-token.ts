// Service-account authorisation with domain-wide delegation: a JWT signed RS256 with the account's key, naming the
// administrator it acts for, exchanged at the token endpoint for an access token that is renewed before it expires.
import { createSign } from 'node:crypto';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { googleMessage, parseJsonAnswer, sendWithRetries, type GoogleHttpOptions } from './google-http.ts';
import type { ServiceAccount } from './service-account.ts';

/** Read-only scopes only: the connector never changes anything in Google Admin. */
export const SCOPES = {
  directory: 'https://www.googleapis.com/auth/admin.directory.device.chromeos.readonly',
  policy: 'https://www.googleapis.com/auth/chrome.management.policy.readonly',
  telemetry: 'https://www.googleapis.com/auth/chrome.management.telemetry.readonly',
  /** Cloud Identity Policy API: the Workspace password policy. */
  identityPolicies: 'https://www.googleapis.com/auth/cloud-identity.policies.readonly',
} as const;

const ASSERTION_LIFETIME_S = 3600;
/** A token is renewed this long before Google says it expires, so no request carries one that dies in flight. */
export const RENEW_BEFORE_MS = 5 * 60_000;

const base64url = (data: string | Buffer): string => Buffer.from(data).toString('base64url');

export const signAssertion = (account: ServiceAccount, subject: string, scopes: readonly string[], nowMs: number): string => {
  const iat = Math.floor(nowMs / 1000);
  const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }));
  const claims = base64url(JSON.stringify({
    iss: account.clientEmail, sub: subject, scope: scopes.join(' '), aud: account.tokenUri, iat, exp: iat + ASSERTION_LIFETIME_S,
  }));
  const signature = createSign('RSA-SHA256').update(`${header}.${claims}`).sign(account.privateKey);
  return `${header}.${claims}.${base64url(signature)}`;
};

export interface TokenSource {
  /** A live access token, fetched or renewed when needed. */
  token(): Promise<string>;
  /** Forgets the token (the API said it expired early). */
  invalidate(): void;
}

export const createTokenSource = (
  account: ServiceAccount, subject: string, scopes: readonly string[], http: GoogleHttpOptions, now: () => number = Date.now,
): TokenSource => {
  let current: { token: string; renewAt: number } | undefined;
  const fetchToken = async (): Promise<{ token: string; renewAt: number }> => {
    const startedAt = now();
    const answer = await sendWithRetries({
      method: 'POST', url: new URL(account.tokenUri),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion: signAssertion(account, subject, scopes, startedAt),
      }).toString(),
    }, http);
    // 400 invalid_grant (key deleted, account disabled or unknown), 401 unauthorized_client (delegation withdrawn or
    // scope not granted), 403: all mean the school must act in Google Admin, not that we should retry.
    if (answer.status === 400 || answer.status === 401 || answer.status === 403) {
      throw new InvigilatorError('CHROMEOS_ACCESS_REFUSED', `(Google said: ${googleMessage(answer.body) || `HTTP ${answer.status}`})`);
    }
    if (answer.status !== 200) throw new InvigilatorError('CHROMEOS_API_FAILED', `(token endpoint: HTTP ${answer.status})`);
    const json = parseJsonAnswer(answer, 'token endpoint');
    const expiresInS = Number(json.expires_in);
    if (typeof json.access_token !== 'string' || !(expiresInS > 0)) {
      throw new InvigilatorError('CHROMEOS_API_FAILED', '(token endpoint: no access_token or expires_in in its answer)');
    }
    return { token: json.access_token, renewAt: startedAt + expiresInS * 1000 - RENEW_BEFORE_MS };
  };
  return {
    async token() {
      if (!current || now() >= current.renewAt) current = await fetchToken();
      return current.token;
    },
    invalidate() {
      current = undefined;
    },
  };
};
