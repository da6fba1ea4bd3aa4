// GNOME's screen lock from its settings: the screen blanks after
// org.gnome.desktop.session idle-delay seconds (0 = never) and locks
// org.gnome.desktop.screensaver lock-delay seconds later when lock-enabled is on,
// unless org.gnome.desktop.lockdown disable-lock-screen forbids locking. A GNOME
// lock always asks for the user's password. Pure.
import { Tri } from '@invigilator/shared/wire.ts';
import { notParsed, parsed, type Parsed } from '../types.ts';
import { gvariantBoolean, gvariantInteger, type GsettingsValues } from './parse-gsettings.ts';
import { NEVER, type ScreenLockFacts } from './screen-lock-facts.ts';

export interface GnomeSettings {
  session: GsettingsValues;
  screensaver: GsettingsValues;
  lockdown: GsettingsValues;
  /** Whether a user may change idle-delay and lock-enabled (false: an administrator's dconf lock). */
  idleDelayWritable: boolean | undefined;
  lockEnabledWritable: boolean | undefined;
}

const SOURCE = 'gnome (machine-wide dconf settings and locks)';

export const gnomeScreenLock = (settings: GnomeSettings): Parsed<ScreenLockFacts> => {
  const idleDelay = gvariantInteger(settings.session.get('idle-delay'));
  const lockEnabled = gvariantBoolean(settings.screensaver.get('lock-enabled'));
  const lockDelay = gvariantInteger(settings.screensaver.get('lock-delay'));
  const lockForbidden = gvariantBoolean(settings.lockdown.get('disable-lock-screen'));
  const missing = [
    ['org.gnome.desktop.session idle-delay', idleDelay],
    ['org.gnome.desktop.screensaver lock-enabled', lockEnabled],
    ['org.gnome.desktop.screensaver lock-delay', lockDelay],
    ['org.gnome.desktop.lockdown disable-lock-screen', lockForbidden],
  ].filter(([, value]) => value === undefined).map(([name]) => name);
  if (missing.length > 0) return notParsed('OUTPUT_UNRECOGNISED', `GNOME's settings do not hold a readable ${missing.join(', ')}.`);
  const locks = lockEnabled === true && lockForbidden === false && idleDelay !== 0;
  const writable = [settings.idleDelayWritable, settings.lockEnabledWritable];
  return parsed({
    idleLockSeconds: locks ? idleDelay! + lockDelay! : NEVER,
    passwordOnWake: locks ? Tri.TRI_YES : Tri.TRI_NO,
    enforced: writable.includes(undefined) ? Tri.TRI_UNKNOWN : writable.includes(true) ? Tri.TRI_NO : Tri.TRI_YES,
    settingSource: SOURCE,
    problem: '',
  });
};
