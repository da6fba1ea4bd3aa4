// Signing in as a person: with the school's account (OpenID Connect) or a local password, both ending
// in a cookie session; failures rate-limited and locked; each sign-in and sign-out in the audit log.
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import type { Logger } from '@invigilator/shared/logger.ts';
import type { Person, Store, StoredSession } from '../store/types.ts';
import { createOidcSignIn, OIDC_CALLBACK_PATH, type OidcSettings, type OidcSignIn } from './oidc.ts';
import { personWithPassword } from './passwords.ts';
import { DEFAULT_SESSION_SETTINGS, endSession, resolveSession, startSession, type SessionSettings, type SessionUse } from './sessions.ts';
import { checkDomains, checkIssuer, checkPublicUrl, readClientSecret, type SignInOptions } from './settings.ts';
import { createSignInThrottle, DEFAULT_THROTTLE, type ThrottleSettings } from './throttle.ts';

/** Sign-in settings checked (and the client secret read) before the collector touches its data folder. */
export interface ResolvedSignIn {
  publicUrl: string | undefined;
  sessions: SessionSettings;
  oidc: Omit<OidcSettings, 'redirectUri'> | undefined;
}

export const resolveSignIn = (options: SignInOptions, tls: boolean): ResolvedSignIn => {
  const publicUrl = options.publicUrl === undefined ? undefined : checkPublicUrl(options.publicUrl);
  return {
    publicUrl,
    sessions: {
      idleMs: options.sessionIdleMinutes === undefined ? DEFAULT_SESSION_SETTINGS.idleMs : options.sessionIdleMinutes * 60_000,
      absoluteMs: options.sessionAbsoluteHours === undefined ? DEFAULT_SESSION_SETTINGS.absoluteMs : options.sessionAbsoluteHours * 3_600_000,
      secureCookies: tls || publicUrl?.startsWith('https:') === true,
    },
    oidc: options.oidc && {
      issuer: checkIssuer(options.oidc.issuer),
      clientId: options.oidc.clientId,
      clientSecret: readClientSecret(options.oidc.clientSecretFile),
      allowedDomains: checkDomains(options.oidc.allowedDomains),
    },
  };
};

export interface SignInDeps {
  store: Store;
  logger: Logger;
  settings: ResolvedSignIn;
  /** The collector's own address once it listens, used when no public URL is set. */
  listeningUrl: () => string;
  throttle?: ThrottleSettings;
}

export const createSignIn = ({ store, logger, settings, listeningUrl, throttle: throttleSettings }: SignInDeps) => {
  const publicUrl = (): string => settings.publicUrl ?? listeningUrl();
  const { sessions } = settings;
  const oidc: OidcSignIn | undefined = settings.oidc
    && createOidcSignIn({ ...settings.oidc, redirectUri: () => `${publicUrl()}${OIDC_CALLBACK_PATH}` }, logger);
  const throttle = createSignInThrottle(store, throttleSettings ?? DEFAULT_THROTTLE);

  const begin = async (person: Person, method: StoredSession['method'], address: string, now: number) => {
    const started = await startSession(store, person, method, address, sessions, now);
    await store.appendAudit({
      at: now, personEmail: person.email, tokenId: null, sessionId: started.session.handle, roles: person.roles,
      label: person.name, action: 'sign in', target: `${method === 'oidc' ? 'school account' : 'password'} from ${address}`, schoolId: null,
    });
    logger.info({ personId: person.id, session: started.session.handle, method, address }, 'Signed in.');
    return started;
  };

  return {
    sessions,
    publicUrl,
    oidcEnabled: oidc !== undefined,

    async withPassword(email: string, password: string, address: string, now: number) {
      await throttle.assertOpen(email, address, now);
      const person = await personWithPassword(store, email, password);
      if (!person) {
        await throttle.recordFailure(email, address, now);
        throw new InvigilatorError('SIGN_IN_FAILED');
      }
      await throttle.recordSuccess(email);
      return begin(person, 'password', address, now);
    },

    oidcStart() {
      if (!oidc) throw new InvigilatorError('SIGN_IN_NOT_CONFIGURED');
      return oidc.start();
    },

    async withOidc(query: string, flow: string | undefined, address: string, now: number) {
      if (!oidc) throw new InvigilatorError('SIGN_IN_NOT_CONFIGURED');
      await throttle.assertOpen(undefined, address, now);
      const email = await oidc.finish(query, flow).catch(async (error: unknown) => {
        if (error instanceof InvigilatorError && error.code === 'SIGN_IN_REFUSED') await throttle.recordFailure(undefined, address, now);
        throw error;
      });
      const person = await store.getPersonByEmail(email);
      if (!person || person.disabledAt !== null) {
        await throttle.recordFailure(email, address, now);
        logger.warn({ code: 'SIGN_IN_REFUSED', email, address }, 'A school account signed in that is not an enabled person here.');
        throw new InvigilatorError('SIGN_IN_REFUSED', `${email} is not ${person ? 'enabled' : 'a person'} on this collector.`);
      }
      return begin(person, 'oidc', address, now);
    },

    session: (id: string, now: number, use?: SessionUse) => resolveSession(store, id, sessions, now, use),

    /** Ends whatever session a browser held before signing in again. */
    endPrevious: (id: string, now: number) => endSession(store, id, now),

    async signOut(id: string, session: StoredSession, person: Person, now: number) {
      await endSession(store, id, now);
      await store.appendAudit({
        at: now, personEmail: person.email, tokenId: null, sessionId: session.handle, roles: person.roles,
        label: person.name, action: 'sign out', target: `session ${session.handle}`, schoolId: null,
      });
    },
  };
};

export type SignIn = ReturnType<typeof createSignIn>;
