// Linux desktops' idle screen lock. The desktops a user can sign in to come from the
// session folders; none means a server (not applicable). GNOME is read with gsettings
// (the machine-wide dconf settings, and whether an administrator's dconf lock stops
// users changing them), KDE from /etc/xdg/kscreenlockerrc. With both, the weaker counts.
// Sources:
//   linux.desktop-sessions         ls -1 /usr/share/xsessions /usr/share/wayland-sessions
//   linux.gsettings-session        gsettings list-recursively org.gnome.desktop.session      (GNOME)
//   linux.gsettings-screensaver    gsettings list-recursively org.gnome.desktop.screensaver  (GNOME)
//   linux.gsettings-lockdown       gsettings list-recursively org.gnome.desktop.lockdown     (GNOME)
//   linux.gsettings-writable-idle-delay    gsettings writable org.gnome.desktop.session idle-delay (GNOME)
//   linux.gsettings-writable-lock-enabled  gsettings writable org.gnome.desktop.screensaver lock-enabled (GNOME)
//   linux.kscreenlockerrc          /etc/xdg/kscreenlockerrc (KDE; absent = KDE's defaults)
import { CollectionStatus } from '@invigilator/shared/wire.ts';
import { couldNotCollect, isAbsent, notApplicable, parseSource } from '../findings.ts';
import { type Collected, type CommandSource, type FileSource, type Finding, type Parsed, type PlatformCheck, type SourceSpec } from '../types.ts';
import { gnomeScreenLock } from './gnome-screen-lock.ts';
import { parseDesktopSessions, type InstalledDesktops } from './parse-desktop-sessions.ts';
import { parseGsettingsList, parseGsettingsWritable } from './parse-gsettings.ts';
import { parseKscreenlockerrc } from './parse-kscreenlockerrc.ts';
import { weakestOf, type ScreenLockFacts } from './screen-lock-facts.ts';

const GSETTINGS = '/usr/bin/gsettings';
/** `ls` exits 2 when one of the two folders is missing; it still lists the other. */
const LS_SOME_MISSING = 2;

export const DESKTOP_SESSIONS_SOURCE: CommandSource = {
  id: 'linux.desktop-sessions', kind: 'command', file: '/usr/bin/ls', args: ['-1', '/usr/share/xsessions', '/usr/share/wayland-sessions'],
};
const gsettingsList = (id: string, schema: string): CommandSource & { schema: string } => ({
  id, kind: 'command', file: GSETTINGS, args: ['list-recursively', schema], schema,
});
/** Also read by the removable-media check (read-only mounting of removable storage). */
export const GNOME_LOCKDOWN_SOURCE = gsettingsList('linux.gsettings-lockdown', 'org.gnome.desktop.lockdown');
const GNOME_LISTS = {
  session: gsettingsList('linux.gsettings-session', 'org.gnome.desktop.session'),
  screensaver: gsettingsList('linux.gsettings-screensaver', 'org.gnome.desktop.screensaver'),
  lockdown: GNOME_LOCKDOWN_SOURCE,
};
const gsettingsWritable = (id: string, schema: string, key: string): CommandSource => ({
  id, kind: 'command', file: GSETTINGS, args: ['writable', schema, key],
});
const GNOME_WRITABLE = {
  idleDelay: gsettingsWritable('linux.gsettings-writable-idle-delay', 'org.gnome.desktop.session', 'idle-delay'),
  lockEnabled: gsettingsWritable('linux.gsettings-writable-lock-enabled', 'org.gnome.desktop.screensaver', 'lock-enabled'),
};
export const KSCREENLOCKERRC_SOURCE: FileSource = { id: 'linux.kscreenlockerrc', kind: 'file', path: '/etc/xdg/kscreenlockerrc', maxBytes: 64 * 1024 };

const GNOME_SOURCES: readonly SourceSpec[] = [...Object.values(GNOME_LISTS), ...Object.values(GNOME_WRITABLE)];

const desktops = (collected: Collected): Parsed<InstalledDesktops> =>
  parseSource(collected, DESKTOP_SESSIONS_SOURCE.id, (text) => parseDesktopSessions(text, DESKTOP_SESSIONS_SOURCE.id),
    { acceptExitCodes: [0, LS_SOME_MISSING], allowEmpty: true });

const gnomeList = (collected: Collected, spec: (typeof GNOME_LISTS)[keyof typeof GNOME_LISTS]) =>
  parseSource(collected, spec.id, (text) => parseGsettingsList(text, spec.schema, spec.id));

// Whether users may change a key is a supplement: unreadable leaves "enforced" unknown.
const writable = (collected: Collected, spec: CommandSource): boolean | undefined => {
  const answer = parseSource(collected, spec.id, (text) => parseGsettingsWritable(text, spec.id));
  return answer.ok ? answer.value : undefined;
};

const gnome = (collected: Collected): Parsed<ScreenLockFacts> => {
  const session = gnomeList(collected, GNOME_LISTS.session);
  if (!session.ok) return session;
  const screensaver = gnomeList(collected, GNOME_LISTS.screensaver);
  if (!screensaver.ok) return screensaver;
  const lockdown = gnomeList(collected, GNOME_LISTS.lockdown);
  if (!lockdown.ok) return lockdown;
  return gnomeScreenLock({
    session: session.value, screensaver: screensaver.value, lockdown: lockdown.value,
    idleDelayWritable: writable(collected, GNOME_WRITABLE.idleDelay), lockEnabledWritable: writable(collected, GNOME_WRITABLE.lockEnabled),
  });
};

const kde = (collected: Collected): Parsed<ScreenLockFacts> => {
  const id = KSCREENLOCKERRC_SOURCE.id;
  if (isAbsent(collected, id)) return parseKscreenlockerrc('', id, 'no /etc/xdg/kscreenlockerrc: KDE\'s defaults');
  return parseSource(collected, id, (text) => parseKscreenlockerrc(text, id, '/etc/xdg/kscreenlockerrc'), { allowEmpty: true });
};

const READERS = { gnome, kde } as const;

export const check: PlatformCheck = {
  check: 'screen-lock',
  platform: 'linux',
  sources(collected): readonly SourceSpec[] {
    const installed = collected.has(DESKTOP_SESSIONS_SOURCE.id) ? desktops(collected) : undefined;
    if (!installed?.ok) return [DESKTOP_SESSIONS_SOURCE];
    const { families } = installed.value;
    return [
      DESKTOP_SESSIONS_SOURCE,
      ...(families.includes('gnome') ? GNOME_SOURCES : []),
      ...(families.includes('kde') ? [KSCREENLOCKERRC_SOURCE] : []),
    ];
  },
  interpret(collected): Finding {
    const installed = desktops(collected);
    if (!installed.ok) return couldNotCollect(installed.code, installed.reason);
    const { families, others } = installed.value;
    if (families.length === 0) {
      return notApplicable('NO_DESKTOP', 'No desktop sign-in is installed (no sessions in /usr/share/xsessions or /usr/share/wayland-sessions): there is no screen to lock.');
    }
    if (others.length > 0) {
      return couldNotCollect('DESKTOP_NOT_READ', `Users can sign in to ${others.join(', ')}, whose screen-lock settings the agent does not read (it reads GNOME and KDE).`);
    }
    const read: ScreenLockFacts[] = [];
    for (const family of families) {
      if (family === 'other') continue;
      const facts = READERS[family](collected);
      if (!facts.ok) return couldNotCollect(facts.code, facts.reason);
      read.push(facts.value);
    }
    return { status: CollectionStatus.COLLECTED, screenLock: weakestOf(read) };
  },
};
