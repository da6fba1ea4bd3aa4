// What a connection may cost before it has identified itself: how many such connections one address and
// everyone together may hold, and how many bytes one may send before its Hello or enrolment is complete
// (ws limits a message, fragments included, only to the frame limit: a thousand unfinished 1 MiB messages
// would hold a gigabyte).
import type { Socket } from 'node:net';

export interface UnauthenticatedLimits {
  /** Connections not yet identified, from one address. */
  perAddress: number;
  /** Connections not yet identified, from everyone. */
  total: number;
  /** Bytes one connection may send before it has identified itself: an enrolment or Hello is far smaller. */
  bytesBeforeAuth: number;
}

export const DEFAULT_UNAUTHENTICATED_LIMITS: UnauthenticatedLimits = {
  // A school behind one NAT address reconnecting all at once: each holds its slot only for a round trip.
  perAddress: 128,
  total: 1024,
  // The largest enrolment (every fact at its limit) is about 2 KiB; the upgrade request is counted too.
  bytesBeforeAuth: 16 * 1024,
};

export interface Admission {
  /** The connection identified itself: it no longer counts, and may send full-sized frames. */
  authenticated(): void;
  /** The connection closed (either way). */
  closed(): void;
}

export interface UnauthenticatedGuard {
  /** Admits a new connection from `address`, or returns 'per-address' / 'total' when a limit is reached. */
  admit(address: string): Admission | 'per-address' | 'total';
  /** Cuts the socket off if it sends more than the limit before authenticated() is called. */
  watchBytes(socket: Socket, admission: Admission, onOver: () => void): void;
  counts(): { total: number; addresses: number };
}

export const createUnauthenticatedGuard = (limits: UnauthenticatedLimits = DEFAULT_UNAUTHENTICATED_LIMITS): UnauthenticatedGuard => {
  const byAddress = new Map<string, number>();
  let total = 0;
  const authenticatedHooks = new WeakMap<Admission, Array<() => void>>();

  return {
    admit(address) {
      const fromAddress = byAddress.get(address) ?? 0;
      if (fromAddress >= limits.perAddress) return 'per-address';
      if (total >= limits.total) return 'total';
      byAddress.set(address, fromAddress + 1);
      total += 1;
      let counted = true;
      const release = (): void => {
        if (!counted) return;
        counted = false;
        total -= 1;
        const left = (byAddress.get(address) ?? 1) - 1;
        if (left <= 0) byAddress.delete(address);
        else byAddress.set(address, left);
      };
      const admission: Admission = {
        authenticated: () => {
          release();
          for (const hook of authenticatedHooks.get(admission) ?? []) hook();
        },
        closed: release,
      };
      return admission;
    },
    watchBytes(socket, admission, onOver) {
      const start = socket.bytesRead;
      const onData = (): void => {
        if (socket.bytesRead - start > limits.bytesBeforeAuth) {
          socket.off('data', onData);
          onOver();
        }
      };
      socket.on('data', onData);
      authenticatedHooks.set(admission, [() => socket.off('data', onData)]);
    },
    counts: () => ({ total, addresses: byAddress.size }),
  };
};
