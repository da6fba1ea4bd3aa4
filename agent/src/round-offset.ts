// Every device of a trust would otherwise run its checks at the same second (the
// pack's cron says minute 7): each device waits its own stable offset after the
// scheduled time, derived from its id, so the same device always runs at the same
// moment and a thousand devices spread over the minutes after it.
import { createHash } from 'node:crypto';

/** The widest spread: an hourly check runs within ten minutes of its scheduled time. */
export const MAX_SPREAD_MS = 10 * 60_000;

/** The shortest gap between the given consecutive run times (Infinity with fewer than two). */
export const shortestGapMs = (runs: readonly Date[]): number => {
  let shortest = Number.POSITIVE_INFINITY;
  for (let index = 1; index < runs.length; index += 1) shortest = Math.min(shortest, runs[index]!.getTime() - runs[index - 1]!.getTime());
  return shortest;
};

/**
 * A stable delay in [0, min(MAX_SPREAD_MS, half the schedule's shortest gap)): a check never
 * slips into its own next round, and a device always gets the same delay for the same schedule.
 */
export const roundOffsetMs = (spreadKey: string, nextRuns: readonly Date[]): number => {
  const window = Math.min(MAX_SPREAD_MS, Math.floor(shortestGapMs(nextRuns) / 2));
  // Fewer than two known runs: the period is unknown, so no offset rather than a guess.
  if (nextRuns.length < 2 || window <= 0 || spreadKey === '') return 0;
  const hash = createHash('sha256').update(spreadKey).digest();
  return hash.readUInt32BE(0) % window;
};
