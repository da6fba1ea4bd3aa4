// Sign-in with the school's own accounts (Google Workspace, Microsoft Entra ID) through OpenID Connect:
// authorization code with PKCE, state and nonce. What the browser must bring back (state, nonce, PKCE
// verifier) rides in a short-lived HttpOnly cookie scoped to the callback, so no server memory is needed.
import * as client from 'openid-client';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import type { Logger } from '@invigilator/shared/logger.ts';
import { normaliseEmail } from '../people/people.ts';

export const OIDC_CALLBACK_PATH = '/auth/oidc/callback';
export const OIDC_FLOW_COOKIE = 'invigilator_oidc';
export const OIDC_FLOW_MAX_AGE_S = 600;
const SCOPES = 'openid email profile';
const PROVIDER_TIMEOUT_S = 10;

export interface OidcSettings {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /** Email domains whose people may sign in, lower case ("north.sch.uk"). */
  allowedDomains: readonly string[];
  /** Where the provider sends the browser back: <public URL>/auth/oidc/callback (known once listening). */
  redirectUri(): string;
}

interface Flow { state: string; nonce: string; verifier: string }

const encodeFlow = (flow: Flow): string => Buffer.from(JSON.stringify(flow)).toString('base64url');
const decodeFlow = (text: string | undefined): Flow | undefined => {
  try {
    const flow = JSON.parse(Buffer.from(text ?? '', 'base64url').toString('utf8')) as Partial<Flow>;
    return typeof flow.state === 'string' && typeof flow.nonce === 'string' && typeof flow.verifier === 'string'
      ? { state: flow.state, nonce: flow.nonce, verifier: flow.verifier } : undefined;
  } catch {
    return undefined;
  }
};

/**
 * The email the provider vouches for: Google says email_verified; Microsoft Entra ID says xms_edov (the
 * domain's owner verified it) once the optional claim is added to the app registration.
 */
const verifiedEmail = (claims: client.IDToken): string => {
  const email = typeof claims.email === 'string' ? normaliseEmail(claims.email) : '';
  if (email === '') throw new InvigilatorError('SIGN_IN_REFUSED', 'The provider sent no email address (is the "email" scope allowed?).');
  if (claims.email_verified !== true && claims.xms_edov !== true && claims.xms_edov !== '1') {
    throw new InvigilatorError('SIGN_IN_REFUSED', `The provider did not say ${email} is verified.`);
  }
  return email;
};

export const createOidcSignIn = (settings: OidcSettings, logger: Logger) => {
  let configuration: Promise<client.Configuration> | undefined;
  // Discovered on first use, and again after a failure: a provider down at start does not stop the collector.
  const discover = (): Promise<client.Configuration> => {
    configuration ??= client.discovery(settings.issuer, settings.clientId, settings.clientSecret, undefined, {
      timeout: PROVIDER_TIMEOUT_S,
      // Plain http only for a provider on this machine (a test, or a local proxy); anywhere else https.
      ...(settings.issuer.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : {}),
    }).catch((error: unknown) => {
      configuration = undefined;
      throw error;
    });
    return configuration;
  };

  const failed = (error: unknown, during: string): InvigilatorError => {
    if (error instanceof InvigilatorError) return error;
    const detail = error instanceof client.AuthorizationResponseError
      ? `The provider answered: ${error.error}${error.error_description ? ` (${error.error_description})` : ''}.`
      : undefined;
    logger.warn({ code: 'OIDC_FAILED', issuer: settings.issuer.href, during, err: error }, 'School account sign-in failed.');
    return new InvigilatorError('OIDC_FAILED', detail, { cause: error });
  };

  return {
    /** Where to send the browser, and the flow cookie's value to set. */
    async start(): Promise<{ url: string; flow: string }> {
      try {
        const config = await discover();
        const flow: Flow = { state: client.randomState(), nonce: client.randomNonce(), verifier: client.randomPKCECodeVerifier() };
        const url = client.buildAuthorizationUrl(config, {
          redirect_uri: settings.redirectUri(), scope: SCOPES, state: flow.state, nonce: flow.nonce,
          code_challenge: await client.calculatePKCECodeChallenge(flow.verifier), code_challenge_method: 'S256',
        });
        return { url: url.href, flow: encodeFlow(flow) };
      } catch (error) {
        throw failed(error, 'start');
      }
    },

    /** Checks the provider's answer (state, nonce, PKCE, signature) and returns the verified, allowed email. */
    async finish(query: string, flowCookie: string | undefined): Promise<string> {
      const flow = decodeFlow(flowCookie);
      if (!flow) throw new InvigilatorError('OIDC_FAILED', 'The sign-in took too long or began in another browser: start again.');
      let claims: client.IDToken | undefined;
      try {
        const callback = new URL(settings.redirectUri());
        callback.search = query;
        const tokens = await client.authorizationCodeGrant(await discover(), callback, {
          pkceCodeVerifier: flow.verifier, expectedState: flow.state, expectedNonce: flow.nonce, idTokenExpected: true,
        });
        claims = tokens.claims();
      } catch (error) {
        throw failed(error, 'callback');
      }
      if (!claims) throw new InvigilatorError('OIDC_FAILED', 'The provider sent no ID token.');
      const email = verifiedEmail(claims);
      const domain = email.slice(email.lastIndexOf('@') + 1);
      if (!settings.allowedDomains.includes(domain)) {
        throw new InvigilatorError('SIGN_IN_REFUSED', `${domain} is not one of this collector's allowed domains.`);
      }
      return email;
    },
  };
};

export type OidcSignIn = ReturnType<typeof createOidcSignIn>;
