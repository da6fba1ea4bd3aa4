// Which series of event numbers a connection writes into. An agent names its outbox in Hello and says
// the highest number it ever gave; when the collector holds numbers from the device that these cannot
// explain (a replaced outbox, a forged batch), it starts a new series above everything it holds and
// tells the agent, instead of taking the agent's next events for ones already stored.
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import type { invigilator } from '@invigilator/shared/generated/invigilator.js';
import { MAX_SEQ } from '@invigilator/shared/wire.ts';
import type { SeqSeries, StoreOps } from '../store/types.ts';
import { toSafeNumber } from './frames.ts';

type Hello = invigilator.v1.Hello.$Properties;

export interface HelloSeries {
  series: SeqSeries;
  welcome: { committedSeq: number; newSeries: boolean };
  /** Why a new series started, when one did. */
  restarted?: string;
}

export const seriesForHello = async (tx: StoreOps, deviceId: string, hello: Hello): Promise<HelloSeries> => {
  const [stored, highest] = await Promise.all([tx.getSeqSeries(deviceId), tx.highestSeq(deviceId)]);
  const committed = Math.max(0, highest - stored.offset);
  const outboxId = hello.outboxId ?? '';
  // An agent that does not name its outbox numbers as before; it renumbers above committed_seq itself.
  if (outboxId === '') return { series: stored, welcome: { committedSeq: committed, newSeries: false } };
  const agentHighest = toSafeNumber(hello.highestSeq);
  if (agentHighest > MAX_SEQ) throw new InvigilatorError('SEQUENCE_OUT_OF_RANGE', `(Hello says ${agentHighest}; at most ${MAX_SEQ})`);
  const sameOutbox = stored.outboxId === outboxId || stored.outboxId === null;
  if (sameOutbox && committed <= agentHighest) {
    if (stored.outboxId === null) await tx.setSeqSeries(deviceId, { outboxId, offset: stored.offset });
    return { series: { outboxId, offset: stored.offset }, welcome: { committedSeq: committed, newSeries: false } };
  }
  const series = { outboxId, offset: highest };
  await tx.setSeqSeries(deviceId, series);
  return {
    series,
    welcome: { committedSeq: 0, newSeries: true },
    restarted: sameOutbox
      ? `the collector held events up to ${committed} from this outbox, which has numbered only up to ${agentHighest}`
      : 'the device now sends from another outbox',
  };
};

/** Inside a batch's transaction: the connection's series must still be the device's (`current`), or its numbers mean something else now. */
export const assertSeriesCurrent = (current: SeqSeries, series: SeqSeries): void => {
  if (current.offset !== series.offset || (series.outboxId !== null && current.outboxId !== series.outboxId)) {
    throw new InvigilatorError('SEQUENCE_SERIES_CHANGED');
  }
};
