// Reading decoded proto facts: proto3 leaves absent fields undefined (or null
// from JSON), and those must never read as "yes" or as a real number.
import { Tri } from '@invigilator/shared/wire.ts';

export type TriValue = (typeof Tri)[keyof typeof Tri];

export const triOf = (value: number | null | undefined): TriValue =>
  value === Tri.TRI_YES || value === Tri.TRI_NO ? value : Tri.TRI_UNKNOWN;

/** An int fact where -1 means "not known": absent counts as not known too. */
export const intFact = (value: number | null | undefined): number =>
  typeof value === 'number' && Number.isFinite(value) ? value : -1;

const HOUR_MS = 3_600_000;

/** "30 hours", "5 days (130 hours)": rounded up, so an age just over a limit never reads as equal to it. */
export const ageInWords = (ageMs: number): string => {
  const hours = Math.max(0, Math.ceil(ageMs / HOUR_MS));
  if (hours < 48) return `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
  return `${Math.floor(hours / 24)} days (${hours} hours)`;
};

export const hoursBetween = (earlier: Date | number, later: Date | number): number =>
  (Number(later) - Number(earlier)) / HOUR_MS;

/** "2026-11-20 07:12 UTC": minutes are enough for a technician. */
export const timeInWords = (epochMs: number): string =>
  `${new Date(epochMs).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
