// After a flood of connections that never identified themselves, their buffers are garbage that V8 keeps
// until it next needs memory, and an idle collector may not need any for hours: RSS stays at the flood's
// peak. One full collection once the flood is over hands that memory back (BENCH_ONLY=flood npm run bench).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Logger } from 'pino';

/** Refused or cut-off connections that make a flood worth a full collection afterwards. */
const FLOOD_SIZE = 100;
/** How long no unidentified connection may be open before the flood counts as over. */
const QUIET_MS = 3000;

let fullCollection: ((options: object) => void) | undefined;
const collectAllGarbage = (): void => {
  if (!fullCollection) {
    // node:vm's gc stays out of the global scope: nothing else in the collector can call it.
    setFlagsFromString('--expose-gc');
    fullCollection = runInNewContext('gc') as (options: object) => void;
  }
  fullCollection({ type: 'major', execution: 'sync', flavor: 'last-resort' });
};

export interface FloodReclaimer {
  /** A connection was refused at the door (a limit) or cut off for its bytes before identifying itself. */
  turnedAway(how: 'refused' | 'cutOff'): void;
  /** An unidentified connection closed; `stillOpen` unidentified ones remain. */
  closed(stillOpen: number): void;
  stop(): void;
}

export const createFloodReclaimer = (logger: Logger, options: { floodSize?: number; quietMs?: number } = {}): FloodReclaimer => {
  const floodSize = options.floodSize ?? FLOOD_SIZE;
  const quietMs = options.quietMs ?? QUIET_MS;
  const turnedAway = { refused: 0, cutOff: 0 };
  let timer: NodeJS.Timeout | undefined;
  return {
    turnedAway: (how) => {
      turnedAway[how] += 1;
    },
    closed(stillOpen) {
      clearTimeout(timer);
      timer = undefined;
      if (stillOpen > 0 || turnedAway.refused + turnedAway.cutOff < floodSize) return;
      timer = setTimeout(() => {
        const before = process.memoryUsage.rss();
        collectAllGarbage();
        logger.info({ refusedConnections: turnedAway.refused, cutOffConnections: turnedAway.cutOff, rssBeforeMb: Math.round(before / 2 ** 20), rssAfterMb: Math.round(process.memoryUsage.rss() / 2 ** 20) },
          'A flood of unidentified connections is over; the memory it took was handed back.');
        turnedAway.refused = 0;
        turnedAway.cutOff = 0;
      }, quietMs);
      timer.unref();
    },
    stop: () => clearTimeout(timer),
  };
};
