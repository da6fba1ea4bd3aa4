// A judged batch of observations on its way from the batch reader thread to the store, in a form that crosses
// between threads without being copied: the numbers and the events' JSON text in transferable buffers, the
// few distinct verdicts and check names in small tables. (Copying 500 decoded events between threads costs
// more than decoding them again.)
import type { Verdict } from '../policy/verdict.ts';
import { payloadText } from '../store/types.ts';
import type { JudgedBatch, JudgedEvent } from './ingest.ts';

export interface TransferableBatch {
  packText: string;
  timesReplaced: number;
  /** Each event's seq and occurredAt, one after the other. */
  numbers: Float64Array;
  /** The events' payloads as JSON text (UTF-8), one after another; event i's ends at payloadEnds[i]. */
  payloads: Uint8Array;
  payloadEnds: Uint32Array;
  checks: string[];
  checkOf: Uint16Array;
  verdicts: Verdict[];
  /** Index into verdicts, or -1 for a check this collector does not judge. */
  verdictOf: Int32Array;
}

const sameVerdict = (a: Verdict, b: Verdict): boolean => a.check === b.check && a.status === b.status
  && a.reasonCode === b.reasonCode && a.reason === b.reason && a.clauseId === b.clauseId && a.clauseText === b.clauseText;

/** The batch ready to transfer, or undefined when it holds anything but observations (those go as the frame itself). */
export const toTransferable = (batch: JudgedBatch): TransferableBatch | undefined => {
  const { events } = batch;
  if (events.some((event) => event.kind !== 'observation')) return undefined;
  const texts = events.map((event) => payloadText(event.payload));
  const payloads = new Uint8Array(texts.reduce((total, text) => total + Buffer.byteLength(text), 0));
  const payloadEnds = new Uint32Array(events.length);
  const writer = Buffer.from(payloads.buffer);
  for (let index = 0, end = 0; index < texts.length; index += 1) payloadEnds[index] = end += writer.write(texts[index] ?? '', end);
  const numbers = new Float64Array(events.length * 2);
  const checks: string[] = [];
  const checkOf = new Uint16Array(events.length);
  const verdicts: Verdict[] = [];
  const verdictOf = new Int32Array(events.length);
  const latestVerdictOf = new Map<string, number>();
  for (const [index, event] of events.entries()) {
    numbers[index * 2] = event.seq;
    numbers[index * 2 + 1] = event.occurredAt;
    const check = event.checkName ?? '';
    let checkIndex = checks.indexOf(check);
    if (checkIndex < 0) checkIndex = checks.push(check) - 1;
    checkOf[index] = checkIndex;
    const { verdict } = event;
    if (!verdict) {
      verdictOf[index] = -1;
      continue;
    }
    // Routine observations repeat their check's last verdict: each distinct one crosses once.
    const latest = latestVerdictOf.get(check);
    const known = latest !== undefined && sameVerdict(verdicts[latest]!, verdict);
    const verdictIndex = known ? latest : verdicts.push({
      check: verdict.check, status: verdict.status, reasonCode: verdict.reasonCode, reason: verdict.reason,
      clauseId: verdict.clauseId, clauseText: verdict.clauseText,
    }) - 1;
    latestVerdictOf.set(check, verdictIndex);
    verdictOf[index] = verdictIndex;
  }
  return { packText: batch.packText, timesReplaced: batch.timesReplaced, numbers, payloads, payloadEnds, checks, checkOf, verdicts, verdictOf };
};

/** The buffers postMessage hands over rather than copies. */
export const transferListOf = (batch: TransferableBatch): ArrayBuffer[] =>
  [batch.numbers.buffer, batch.payloads.buffer, batch.payloadEnds.buffer, batch.checkOf.buffer, batch.verdictOf.buffer] as ArrayBuffer[];

/** The judged batch again, each payload a view of the transferred JSON text. */
export const fromTransferable = (batch: TransferableBatch): JudgedBatch => {
  const events: JudgedEvent[] = [];
  for (let index = 0, start = 0; index < batch.payloadEnds.length; index += 1) {
    const end = batch.payloadEnds[index] ?? start;
    const verdict = batch.verdicts[batch.verdictOf[index] ?? -1];
    events.push({
      seq: batch.numbers[index * 2] ?? 0, occurredAt: batch.numbers[index * 2 + 1] ?? 0, kind: 'observation',
      checkName: batch.checks[batch.checkOf[index] ?? 0] ?? '', payload: batch.payloads.subarray(start, end), ...(verdict && { verdict }),
    });
    start = end;
  }
  return { packText: batch.packText, timesReplaced: batch.timesReplaced, events };
};
