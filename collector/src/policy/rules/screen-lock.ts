import type { PolicyPack } from '@invigilator/shared/policy/types.ts';
import type { ScreenLockFacts } from '@invigilator/shared/wire.ts';
import { Tri } from '@invigilator/shared/wire.ts';
import { intFact, triOf } from '../facts.ts';
import { emptyFindings, settle, type Judgement } from '../verdict.ts';

type ScreenLockSettings = PolicyPack['checks']['screenLock'];

const UNKNOWN = -1;
const NEVER = 0;

/** "10 minutes", "90 seconds": seconds are kept when a wait is not whole minutes, so 15 min 30 s never reads as 15. */
export const waitInWords = (seconds: number): string => {
  if (seconds % 60 !== 0) return `${seconds} seconds`;
  const minutes = seconds / 60;
  return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
};

const sourceNote = (facts: ScreenLockFacts): string => (facts.settingSource ? ` (${facts.settingSource})` : '');

/** Only called when the pack requires a screen lock. */
export const judgeScreenLock = (facts: ScreenLockFacts, settings: ScreenLockSettings): Judgement => {
  const findings = emptyFindings();
  const idle = intFact(facts.idleLockSeconds);
  const maxSeconds = settings.maxIdleMinutes * 60;
  if (idle === UNKNOWN) findings.unknowns.push('after how long without use the screen locks');
  else if (idle === NEVER) {
    findings.gaps.push({ code: 'SCREEN_LOCK_NEVER', text: `the screen never locks by itself${sourceNote(facts)}; the school requires a lock within ${waitInWords(maxSeconds)}` });
  } else if (idle > maxSeconds) {
    findings.gaps.push({
      code: 'SCREEN_LOCK_TOO_LATE',
      text: `the screen locks after ${waitInWords(idle)} without use${sourceNote(facts)}; the school allows at most ${waitInWords(maxSeconds)}`,
    });
  }
  if (settings.requirePasswordOnWake) {
    const password = triOf(facts.passwordOnWake);
    if (password === Tri.TRI_NO) findings.gaps.push({ code: 'SCREEN_LOCK_NO_PASSWORD', text: 'unlocking the screen does not ask for a password' });
    else if (password === Tri.TRI_UNKNOWN) findings.unknowns.push('whether unlocking the screen asks for a password');
  }
  const judged = settle(findings, 'SCREEN_LOCK_UNKNOWN', () => {
    const enforcedTri = triOf(facts.enforced);
    const enforced = enforcedTri === Tri.TRI_YES ? ', and users cannot change it' : enforcedTri === Tri.TRI_NO ? ', but users can change it' : '';
    const password = settings.requirePasswordOnWake ? ' and asks for a password' : '';
    return {
      status: 'pass', reasonCode: 'SCREEN_LOCK_OK',
      reason: `The screen locks after ${waitInWords(idle)} without use${password}${sourceNote(facts)}${enforced}; the school allows at most ${waitInWords(maxSeconds)}.`,
    };
  });
  // The agent's own words on what it could not read help a technician more than the list alone.
  return judged.status === 'unknown' && facts.problem ? { ...judged, reason: `${judged.reason} ${facts.problem}` } : judged;
};
