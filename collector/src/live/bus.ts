// The live bus: what changed (an alert, a device's verdict), told to everyone listening once it is committed.
// This process's listeners only; a collector that shares its database with others can back the same
// interface with PostgreSQL LISTEN/NOTIFY (publish = NOTIFY after commit, each process relays to its own).
// Messages carry ids, never safeguarding text: each listener reads the item and decides what its person may see.
import type { VerdictStatus } from '../store/types.ts';

export type LiveChange =
  | { type: 'alert'; alertId: string }
  | { type: 'verdict'; deviceId: string; check: string; from: VerdictStatus | null; to: VerdictStatus; at: number };

export type LiveListener = (change: LiveChange) => void;

export interface LiveBus {
  /** Tells every listener; called only after the change is committed. */
  publish(change: LiveChange): void;
  /** Returns the function that stops listening. */
  subscribe(listener: LiveListener): () => void;
  /** How many listen now (for metrics and tests). */
  listeners(): number;
}

export const createInProcessBus = (onListenerError: (error: unknown) => void): LiveBus => {
  const listeners = new Set<LiveListener>();
  return {
    publish(change) {
      for (const listener of listeners) {
        // One listener's failure must not keep the change from the others.
        try {
          listener(change);
        } catch (error) {
          onListenerError(error);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => { listeners.delete(listener); };
    },
    listeners: () => listeners.size,
  };
};
