// The screen-lock facts one desktop (or one settings store) gives, and how several
// desktops on one device are reported together: by the weakest, since a user may
// sign in to any of them.
import { Tri, type ScreenLockFacts } from '@invigilator/shared/wire.ts';

export type { ScreenLockFacts };

export const UNKNOWN_SECONDS = -1;
export const NEVER = 0;

type TriValue = ScreenLockFacts['passwordOnWake'];

const weakestWait = (waits: readonly number[]): number => {
  if (waits.includes(NEVER)) return NEVER;
  if (waits.includes(UNKNOWN_SECONDS)) return UNKNOWN_SECONDS;
  return Math.max(...waits);
};

const weakestTri = (values: readonly TriValue[]): TriValue => {
  if (values.includes(Tri.TRI_NO)) return Tri.TRI_NO;
  return values.every((value) => value === Tri.TRI_YES) ? Tri.TRI_YES : Tri.TRI_UNKNOWN;
};

export const weakestOf = (all: readonly ScreenLockFacts[]): ScreenLockFacts => {
  if (all.length === 1) return all[0]!;
  return {
    idleLockSeconds: weakestWait(all.map((facts) => facts.idleLockSeconds ?? UNKNOWN_SECONDS)),
    passwordOnWake: weakestTri(all.map((facts) => facts.passwordOnWake)),
    enforced: weakestTri(all.map((facts) => facts.enforced)),
    settingSource: all.map((facts) => facts.settingSource).filter(Boolean).join('; '),
    problem: all.map((facts) => facts.problem).filter(Boolean).join(' '),
  };
};
