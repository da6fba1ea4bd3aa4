// Storage contract for signing in: local passwords, cookie sessions, failed attempts and locks.

export interface StoredSession {
  /** sha256 of the cookie's session id. */
  idHash: string;
  /** A short public name for the session in logs and the audit trail. */
  handle: string;
  personId: string;
  csrfToken: string;
  method: 'oidc' | 'password';
  address: string;
  createdAt: number;
  lastSeenAt: number;
  /** The absolute end, however busy the session is. */
  expiresAt: number;
  endedAt: number | null;
}

export interface SignInOps {
  /** Sets (or replaces) the person's password hash. */
  setPasswordHash(personId: string, hash: string, at: number): Promise<void>;
  getPasswordHash(personId: string): Promise<string | undefined>;

  createSession(session: StoredSession): Promise<void>;
  getSession(idHash: string): Promise<StoredSession | undefined>;
  touchSession(idHash: string, at: number): Promise<void>;
  /** Ends a live session; true when one was ended now. */
  endSession(idHash: string, at: number): Promise<boolean>;
  /** Deletes sessions past their absolute end before `before` (ended or not); returns how many went. */
  deleteSessionsExpiredBefore(before: number): Promise<number>;

  recordSignInFailure(key: string, at: number): Promise<void>;
  countSignInFailures(key: string, since: number): Promise<number>;
  /** Forgets the key's failures (after a successful sign-in). */
  clearSignInFailures(key: string): Promise<void>;
  /** Locks the key until `until`, unless a later lock holds already. */
  lockSignIn(key: string, until: number): Promise<void>;
  /** When the key's lock ends, or undefined when it is not locked at `at`. */
  signInLockedUntil(key: string, at: number): Promise<number | undefined>;
  /** Deletes failures recorded before `before`; returns how many went. */
  deleteSignInFailuresBefore(before: number): Promise<number>;
}
