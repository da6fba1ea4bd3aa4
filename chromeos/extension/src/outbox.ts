// The durable outbox in the extension's storage: every event is written before it is sent and leaves only when the
// collector acknowledges it. One write at a time, so two events arriving together cannot take one number.
import type { KeyValueStore } from './platform.ts';

export interface OutboxEvent {
  seq: number;
  occurredAtMs: number;
  /** A MisuseEvent as a plain object (enums as numbers). */
  misuse: Record<string, unknown>;
}

/** outboxId: made with the outbox, so a collector can tell a wiped one (a Powerwash, a reinstall) from this one. */
interface OutboxState { outboxId: string; lastSeq: number; events: OutboxEvent[] }

const KEY = 'outbox';
/** A Chromebook offline for weeks keeps its newest events; what it drops is counted. */
const MAX_EVENTS = 5000;

export const createOutbox = (store: KeyValueStore) => {
  let queue: Promise<unknown> = Promise.resolve();
  const read = async (): Promise<OutboxState> => {
    const stored = await store.get(KEY) as Partial<OutboxState> | undefined;
    return { outboxId: stored?.outboxId ?? crypto.randomUUID(), lastSeq: stored?.lastSeq ?? 0, events: stored?.events ?? [] };
  };
  const change = <T>(work: (state: OutboxState) => T): Promise<T> => {
    const next = queue.then(async () => {
      const state = await read();
      const result = work(state);
      await store.set(KEY, state);
      return result;
    });
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    add: (misuse: Record<string, unknown>, occurredAtMs: number): Promise<OutboxEvent> => change((state) => {
      const event = { seq: state.lastSeq + 1, occurredAtMs, misuse };
      state.lastSeq = event.seq;
      state.events.push(event);
      if (state.events.length > MAX_EVENTS) state.events.splice(0, state.events.length - MAX_EVENTS);
      return event;
    }),
    /** Drops everything the collector holds; numbering carries on above what it holds, so nothing is mistaken for a resend. */
    committed: (upToSeq: number): Promise<void> => change((state) => {
      state.events = state.events.filter((event) => event.seq > upToSeq);
      state.lastSeq = Math.max(state.lastSeq, upToSeq);
    }),
    /** What Hello says of the outbox: its id (kept from now on) and the highest number it ever gave. */
    identity: (): Promise<{ outboxId: string; highestSeq: number }> => change((state) => ({ outboxId: state.outboxId, highestSeq: state.lastSeq })),
    pending: async (): Promise<OutboxEvent[]> => {
      await queue;
      return (await read()).events;
    },
  };
};
export type Outbox = ReturnType<typeof createOutbox>;
