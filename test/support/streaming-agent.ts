// A simulated agent with an outbox's promise: it numbers events 1..total, forgets only what the
// collector acknowledged, and when the connection breaks connects again (through whatever address it
// was given: a load balancer may send it to another collector) and resends from the collector's
// committed mark. For tests that kill collectors mid-stream and count what arrived.
import type { DeviceFacts, Event } from '@invigilator/shared/wire.ts';
import { SimAgent } from './sim-agent.ts';

export interface StreamResult {
  /** The highest number the collector acknowledged. */
  acked: number;
  /** How many times the agent had to connect again. */
  reconnects: number;
  /** Each time a Welcome said less was committed than had been acknowledged (an acknowledged event lost). */
  lostAcks: Array<{ acked: number; committed: number }>;
}

export interface StreamOptions {
  total: number;
  batchSize: number;
  event(seq: number): Event;
  facts: DeviceFacts;
  /** Called after every acknowledgement with the acknowledged number. */
  onAck?(acked: number): void;
  /** Gives up after this long (default two minutes). */
  timeoutMs?: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export const streamEvents = async (
  url: string, credential: { deviceId: string; deviceCredential: string }, options: StreamOptions,
): Promise<StreamResult> => {
  const result: StreamResult = { acked: 0, reconnects: -1, lostAcks: [] };
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  while (result.acked < options.total) {
    if (Date.now() > deadline) throw new Error(`gave up with ${result.acked} of ${options.total} acknowledged`);
    result.reconnects += 1;
    let agent: SimAgent | undefined;
    try {
      const session = await SimAgent.session(url, credential, options.facts);
      agent = session.agent;
      if (session.committedSeq < result.acked) result.lostAcks.push({ acked: result.acked, committed: session.committedSeq });
      result.acked = Math.max(result.acked, session.committedSeq);
      while (result.acked < options.total) {
        const first = result.acked + 1;
        const last = Math.min(options.total, result.acked + options.batchSize);
        result.acked = await agent.sendBatch(Array.from({ length: last - first + 1 }, (_, index) => options.event(first + index)));
        options.onAck?.(result.acked);
      }
    } catch {
      // The collector went away (or refused): the outbox still holds everything unacknowledged.
      await sleep(100 + Math.random() * 200);
    } finally {
      agent?.close();
    }
  }
  return result;
};
