// Point readings from a device turned into time: each reading holds until the next one, for at most
// a limit; time past the limit is unobserved. Only school time (the term's school days) is counted.
import type { Span } from '../terms/calendar.ts';

export interface Reading<S extends string> { at: number; state: S }
export interface Segment<S extends string> { from: number; to: number; state: S }

/** Segments cut to the window; readings before the window carry their state into it. Neighbours in one state are joined. */
export const segmentsOf = <S extends string>(readings: readonly Reading<S>[], holdMs: number, window: Span): Segment<S>[] => {
  const segments: Segment<S>[] = [];
  readings.forEach((reading, index) => {
    const nextAt = readings[index + 1]?.at ?? Number.POSITIVE_INFINITY;
    const from = Math.max(reading.at, window.from);
    const to = Math.min(nextAt, reading.at + holdMs, window.to);
    if (to <= from) return;
    const last = segments.at(-1);
    if (last && last.state === reading.state && last.to === from) last.to = to;
    else segments.push({ from, to, state: reading.state });
  });
  return segments;
};

/** How much of [from, to) falls in the spans (sorted, disjoint). */
export const overlapMs = (from: number, to: number, spans: readonly Span[]): number => {
  let total = 0;
  for (const span of spans) {
    if (span.from >= to) break;
    total += Math.max(0, Math.min(to, span.to) - Math.max(from, span.from));
  }
  return total;
};

/** School time in each state. */
export const timeByState = <S extends string>(segments: readonly Segment<S>[], spans: readonly Span[]): Map<S, number> => {
  const totals = new Map<S, number>();
  for (const segment of segments) {
    const ms = overlapMs(segment.from, segment.to, spans);
    if (ms > 0) totals.set(segment.state, (totals.get(segment.state) ?? 0) + ms);
  }
  return totals;
};

/** good / (good + bad), or null when nothing was known: never a 0% or 100% made of no data. */
export const shareOf = (good: number, bad: number): number | null => (good + bad > 0 ? good / (good + bad) : null);
