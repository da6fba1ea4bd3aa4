// Failed sign-ins are counted per account and per address; too many in a window locks that key for a
// while, and each lock writes an audit row so an administrator can see who is guessing.
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { normaliseEmail } from '../people/people.ts';
import type { Store } from '../store/types.ts';

export interface ThrottleSettings {
  windowMs: number;
  lockMs: number;
  /** Failures for one account within the window that lock it. */
  accountFailures: number;
  /** Failures from one address within the window that lock it (a school shares one address behind NAT). */
  addressFailures: number;
}

export const DEFAULT_THROTTLE: ThrottleSettings = { windowMs: 15 * 60_000, lockMs: 15 * 60_000, accountFailures: 5, addressFailures: 50 };

type ThrottleStore = Pick<Store, 'transaction' | 'clearSignInFailures' | 'signInLockedUntil'>;

const accountKey = (email: string): string => `account:${normaliseEmail(email)}`;
const addressKey = (address: string): string => `address:${address}`;

export const createSignInThrottle = (store: ThrottleStore, settings: ThrottleSettings = DEFAULT_THROTTLE) => {
  const keysOf = (email: string | undefined, address: string) => [
    ...(email ? [{ key: accountKey(email), limit: settings.accountFailures }] : []),
    { key: addressKey(address), limit: settings.addressFailures },
  ];

  return {
    /** SIGN_IN_LOCKED while the account or the address is locked. */
    async assertOpen(email: string | undefined, address: string, now: number): Promise<void> {
      for (const { key } of keysOf(email, address)) {
        const until = await store.signInLockedUntil(key, now);
        if (until !== undefined) {
          throw new InvigilatorError('SIGN_IN_LOCKED', `Try again after ${new Date(until).toISOString().slice(11, 16)} UTC.`);
        }
      }
    },

    /** Counts a failure against both keys and locks (with an audit row) any that reached its limit. */
    // One transaction: two failures at once cannot both take the lock, nor both miss it.
    recordFailure: (email: string | undefined, address: string, now: number): Promise<void> => store.transaction(async (tx) => {
      await tx.deleteSignInFailuresBefore(now - settings.windowMs);
      for (const { key, limit } of keysOf(email, address)) {
        await tx.recordSignInFailure(key, now);
        const failures = await tx.countSignInFailures(key, now - settings.windowMs);
        if (failures < limit) continue;
        const until = now + settings.lockMs;
        await tx.lockSignIn(key, until);
        await tx.clearSignInFailures(key);
        await tx.appendAudit({
          at: now, personEmail: key.startsWith('account:') ? key.slice('account:'.length) : null, tokenId: null, sessionId: null,
          roles: [], label: 'sign-in', action: 'lock sign-in',
          target: `${key} after ${failures} failed sign-ins, until ${new Date(until).toISOString()}`, schoolId: null,
        });
      }
    }),

    async recordSuccess(email: string): Promise<void> {
      await store.clearSignInFailures(accountKey(email));
    },
  };
};

export type SignInThrottle = ReturnType<typeof createSignInThrottle>;
