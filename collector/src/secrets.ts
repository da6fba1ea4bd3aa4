// Secrets (enrolment secrets, device credentials, API tokens) are random, shown once,
// and stored only as sha256 hashes compared in constant time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * 32 random bytes as base64url behind a letter: a secret that began with "-" would read as an option
 * to every command line it is pasted into.
 */
export const newSecret = (): string => `s${randomBytes(32).toString('base64url')}`;

export const hashSecret = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');

/** True when `secret` hashes to `expectedHash`, in time that does not depend on where they differ. */
export const secretMatches = (secret: string, expectedHash: string): boolean => {
  const actual = Buffer.from(hashSecret(secret), 'hex');
  const expected = Buffer.from(expectedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
};
