import { describe } from 'vitest';
import { CollectionStatus, Tri } from '@invigilator/shared/wire.ts';
import { collected, packWith, verdictTable } from '../observations.ts';

const lock = (idleLockSeconds: number, passwordOnWake: number, extra: Record<string, unknown> = {}) =>
  collected('screen-lock', { screenLock: { idleLockSeconds, passwordOnWake, enforced: Tri.TRI_NO, settingSource: 'gnome (machine-wide dconf settings and locks)', problem: '', ...extra } });
const noDesktop = { check: 'screen-lock', status: CollectionStatus.NOT_APPLICABLE, reasonCode: 'NO_DESKTOP', reason: 'No desktop sign-in is installed.' };
const notRead = { check: 'screen-lock', status: CollectionStatus.COULD_NOT_COLLECT, reasonCode: 'DESKTOP_NOT_READ', reason: 'Users can sign in to xfce.' };

describe('screen-lock verdicts (default pack: at most 15 minutes, password required)', () => {
  verdictTable([
    ['5 minutes with a password', lock(300, Tri.TRI_YES), 'pass', 'SCREEN_LOCK_OK',
      'The screen locks after 5 minutes without use and asks for a password (gnome (machine-wide dconf settings and locks)), but users can change it; the school allows at most 15 minutes.'],
    ['exactly the limit passes', lock(900, Tri.TRI_YES, { enforced: Tri.TRI_YES }), 'pass', 'SCREEN_LOCK_OK', /15 minutes without use.*, and users cannot change it; the school allows at most 15 minutes\.$/],
    ['one second over fails, in seconds', lock(901, Tri.TRI_YES), 'fail', 'SCREEN_LOCK_TOO_LATE', /locks after 901 seconds without use .*; the school allows at most 15 minutes\.$/],
    ['an hour fails', lock(3600, Tri.TRI_YES), 'fail', 'SCREEN_LOCK_TOO_LATE', /after 60 minutes/],
    ['never locks', lock(0, Tri.TRI_NO), 'fail', 'SCREEN_LOCK_NEVER', /never locks by itself.*Unlocking the screen does not ask for a password\.$/],
    ['no password on wake', lock(300, Tri.TRI_NO), 'fail', 'SCREEN_LOCK_NO_PASSWORD', 'Unlocking the screen does not ask for a password.'],
    ['wait not known: unknown, with the agent\'s reason', lock(-1, Tri.TRI_YES, { problem: 'No one was signed in.' }), 'unknown', 'SCREEN_LOCK_UNKNOWN',
      'The device did not report after how long without use the screen locks, which the school\'s policy needs. No one was signed in.'],
    ['password not known', lock(300, Tri.TRI_UNKNOWN), 'unknown', 'SCREEN_LOCK_UNKNOWN', /whether unlocking the screen asks for a password/],
    ['a known gap outweighs an unknown', lock(3600, Tri.TRI_UNKNOWN), 'fail', 'SCREEN_LOCK_TOO_LATE', /60 minutes/],
    ['facts missing entirely', collected('screen-lock', {}), 'unknown', 'FACTS_MISSING', /sent none/],
    ['a server without a desktop', noDesktop, 'not_applicable', 'NO_DESKTOP', 'No desktop sign-in is installed.'],
    ['a desktop the agent does not read', notRead, 'unknown', 'DESKTOP_NOT_READ', 'Users can sign in to xfce.'],
  ]);
});

describe('screen-lock verdicts under a school\'s own pack', () => {
  verdictTable([
    ['10 minutes allowed, 15 fails', lock(900, Tri.TRI_YES), 'fail', 'SCREEN_LOCK_TOO_LATE', /at most 10 minutes/],
    ['no password needed by the school', lock(300, Tri.TRI_NO), 'pass', 'SCREEN_LOCK_OK', /^The screen locks after 5 minutes without use \(/],
  ], packWith('screenLock', { maxIdleMinutes: 10, requirePasswordOnWake: false }));
  verdictTable([
    ['not required', lock(0, Tri.TRI_NO), 'not_applicable', 'NOT_REQUIRED', 'The school\'s policy does not require a screen lock.'],
  ], packWith('screenLock', { required: false }));
});
