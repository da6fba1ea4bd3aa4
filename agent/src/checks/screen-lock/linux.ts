// Linux desktops' idle screen lock, as the user at the screen gets it. The desktops a
// user can sign in to come from the session folders; none means a server (not
// applicable). GNOME is read with gsettings (that user's dconf database over the
// machine-wide ones and their locks; with no one signed in, the machine-wide ones alone),
// KDE from /etc/xdg/kscreenlockerrc under the user's ~/.config/kscreenlockerrc. With both
// desktops installed, the weaker counts. No user name leaves the device in the facts.
// Sources:
//   linux.desktop-sessions         ls -1 /usr/share/xsessions /usr/share/wayland-sessions
//   linux.who                      who (the user signed in at the screen)
//   linux.getent-passwd-desktop-user  getent passwd <that user> (their home folder)
//   linux.gsettings-session        gsettings list-recursively org.gnome.desktop.session      (GNOME)
//   linux.gsettings-screensaver    gsettings list-recursively org.gnome.desktop.screensaver  (GNOME)
//   linux.gsettings-lockdown       gsettings list-recursively org.gnome.desktop.lockdown     (GNOME)
//   linux.gsettings-writable-idle-delay    gsettings writable org.gnome.desktop.session idle-delay (GNOME)
//   linux.gsettings-writable-lock-enabled  gsettings writable org.gnome.desktop.screensaver lock-enabled (GNOME)
//   linux.kscreenlockerrc          /etc/xdg/kscreenlockerrc (KDE; absent = KDE's defaults)
//   linux.kscreenlockerrc-user     ~/.config/kscreenlockerrc of the user at the screen (KDE)
import { CollectionStatus } from '@invigilator/shared/wire.ts';
import { couldNotCollect, isAbsent, notApplicable, parseSource, textOf } from '../findings.ts';
import type { Collected, CommandSource, FileSource, Finding, Parsed, PlatformCheck, SourceSpec } from '../types.ts';
import { gnomeScreenLock } from './gnome-screen-lock.ts';
import { parseDesktopSessions, type InstalledDesktops } from './parse-desktop-sessions.ts';
import { desktopUserOf, homeOf } from './parse-desktop-user.ts';
import { parseGsettingsList, parseGsettingsWritable } from './parse-gsettings.ts';
import { parseKscreenlockerrc, type KdeFile } from './parse-kscreenlockerrc.ts';
import { weakestOf, type ScreenLockFacts } from './screen-lock-facts.ts';

const GSETTINGS = '/usr/bin/gsettings';
/** `ls` exits 2 when one of the two folders is missing; it still lists the other. */
const LS_SOME_MISSING = 2;
/** getent's "no such entry". */
const GETENT_NOT_FOUND = 2;
/** A user-database folder that does not exist: gsettings then reads the machine-wide databases alone. */
const NO_USER_CONFIG = '/nonexistent/invigilator-no-user';

export const DESKTOP_SESSIONS_SOURCE: CommandSource = {
  id: 'linux.desktop-sessions', kind: 'command', file: '/usr/bin/ls', args: ['-1', '/usr/share/xsessions', '/usr/share/wayland-sessions'],
};
export const WHO_SOURCE: CommandSource = { id: 'linux.who', kind: 'command', file: '/usr/bin/who', args: [] };
const PASSWD_SOURCE_ID = 'linux.getent-passwd-desktop-user';
const passwdSource = (user: string): CommandSource => ({ id: PASSWD_SOURCE_ID, kind: 'command', file: '/usr/bin/getent', args: ['passwd', user] });

type GsettingsSpec = CommandSource & { schema: string };
const gsettingsList = (id: string, schema: string, env?: Readonly<Record<string, string>>): GsettingsSpec => ({
  id, kind: 'command', file: GSETTINGS, args: ['list-recursively', schema], schema, ...(env ? { env } : {}),
});
/** The removable-media check reads GNOME's machine-wide lockdown keys (read-only mounting of removable storage). */
export const GNOME_LOCKDOWN_MACHINE_SOURCE = gsettingsList('linux.gsettings-lockdown-machine', 'org.gnome.desktop.lockdown', { XDG_CONFIG_HOME: NO_USER_CONFIG });

const gnomeSources = (configHome: string) => {
  const env = { XDG_CONFIG_HOME: configHome };
  const writable = (id: string, schema: string, key: string): CommandSource => ({ id, kind: 'command', file: GSETTINGS, args: ['writable', schema, key], env });
  return {
    session: gsettingsList('linux.gsettings-session', 'org.gnome.desktop.session', env),
    screensaver: gsettingsList('linux.gsettings-screensaver', 'org.gnome.desktop.screensaver', env),
    lockdown: gsettingsList('linux.gsettings-lockdown', 'org.gnome.desktop.lockdown', env),
    idleDelayWritable: writable('linux.gsettings-writable-idle-delay', 'org.gnome.desktop.session', 'idle-delay'),
    lockEnabledWritable: writable('linux.gsettings-writable-lock-enabled', 'org.gnome.desktop.screensaver', 'lock-enabled'),
  };
};
export const KSCREENLOCKERRC_SOURCE: FileSource = { id: 'linux.kscreenlockerrc', kind: 'file', path: '/etc/xdg/kscreenlockerrc', maxBytes: 64 * 1024 };
const userKscreenlockerrc = (home: string): FileSource => ({ id: 'linux.kscreenlockerrc-user', kind: 'file', path: `${home}/.config/kscreenlockerrc`, maxBytes: 64 * 1024 });

const desktops = (collected: Collected): Parsed<InstalledDesktops> =>
  parseSource(collected, DESKTOP_SESSIONS_SOURCE.id, (text) => parseDesktopSessions(text, DESKTOP_SESSIONS_SOURCE.id),
    { acceptExitCodes: [0, LS_SOME_MISSING], allowEmpty: true });

/** The user at the screen, and their home once getent has answered; an unreadable `who` means no one known. */
const desktopUser = (collected: Collected): { user?: string; home?: string } => {
  const who = textOf(collected, WHO_SOURCE.id, { allowEmpty: true });
  const user = who.ok ? desktopUserOf(who.value) : undefined;
  if (!user) return {};
  const passwd = textOf(collected, PASSWD_SOURCE_ID, { acceptExitCodes: [0, GETENT_NOT_FOUND], allowEmpty: true });
  return { user, home: passwd.ok ? homeOf(passwd.value, user) : undefined };
};

/** Where each desktop's settings come from: the user's home, or the machine alone when no one is at the screen. */
const settingsHome = (collected: Collected): { ready: boolean; home?: string } => {
  const { user, home } = desktopUser(collected);
  if (!user) return { ready: true };
  return collected.has(PASSWD_SOURCE_ID) ? { ready: true, home } : { ready: false };
};

const gnome = (collected: Collected, { user, home }: { user?: string; home?: string }): Parsed<ScreenLockFacts> => {
  const specs = gnomeSources(home ? `${home}/.config` : NO_USER_CONFIG);
  const list = (spec: GsettingsSpec) => parseSource(collected, spec.id, (text) => parseGsettingsList(text, spec.schema, spec.id));
  // Whether users may change a key is a supplement: unreadable leaves "enforced" unknown.
  const writable = (spec: CommandSource): boolean | undefined => {
    const answer = parseSource(collected, spec.id, (text) => parseGsettingsWritable(text, spec.id));
    return answer.ok ? answer.value : undefined;
  };
  const session = list(specs.session);
  if (!session.ok) return session;
  const screensaver = list(specs.screensaver);
  if (!screensaver.ok) return screensaver;
  const lockdown = list(specs.lockdown);
  if (!lockdown.ok) return lockdown;
  const facts = gnomeScreenLock({
    session: session.value, screensaver: screensaver.value, lockdown: lockdown.value,
    idleDelayWritable: writable(specs.idleDelayWritable), lockEnabledWritable: writable(specs.lockEnabledWritable),
  });
  const whose = home ? 'the signed-in user\'s settings'
    : user ? 'machine-wide settings; the signed-in user\'s home folder was not found' : 'machine-wide settings; no one signed in';
  return facts.ok ? { ok: true, value: { ...facts.value, settingSource: `gnome (${whose})` } } : facts;
};

const kdeFile = (collected: Collected, id: string): Parsed<KdeFile | undefined> => {
  if (!collected.has(id) || isAbsent(collected, id)) return { ok: true, value: undefined };
  const text = textOf(collected, id, { allowEmpty: true });
  return text.ok ? { ok: true, value: { text: text.value, source: id } } : text;
};

const kde = (collected: Collected): Parsed<ScreenLockFacts> => {
  const system = kdeFile(collected, KSCREENLOCKERRC_SOURCE.id);
  if (!system.ok) return system;
  const user = kdeFile(collected, 'linux.kscreenlockerrc-user');
  if (!user.ok) return user;
  const from = [system.value ? '/etc/xdg/kscreenlockerrc' : 'KDE\'s defaults', ...(user.value ? ['the signed-in user\'s file'] : [])].join(' and ');
  return parseKscreenlockerrc(system.value ?? { text: '', source: KSCREENLOCKERRC_SOURCE.id }, from, user.value);
};

export const check: PlatformCheck = {
  check: 'screen-lock',
  platform: 'linux',
  sources(collected): readonly SourceSpec[] {
    const first = [DESKTOP_SESSIONS_SOURCE, WHO_SOURCE];
    const installed = collected.has(DESKTOP_SESSIONS_SOURCE.id) ? desktops(collected) : undefined;
    if (!installed?.ok || installed.value.families.length === 0 || !collected.has(WHO_SOURCE.id)) return first;
    const { user } = desktopUser(collected);
    const where = settingsHome(collected);
    if (!where.ready) return [...first, passwdSource(user!)];
    const { families } = installed.value;
    return [
      ...first,
      ...(user ? [passwdSource(user)] : []),
      ...(families.includes('gnome') ? Object.values(gnomeSources(where.home ? `${where.home}/.config` : NO_USER_CONFIG)) : []),
      ...(families.includes('kde') ? [KSCREENLOCKERRC_SOURCE, ...(where.home ? [userKscreenlockerrc(where.home)] : [])] : []),
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
    const person = { user: desktopUser(collected).user, home: settingsHome(collected).home };
    const read: ScreenLockFacts[] = [];
    for (const family of families) {
      const facts = family === 'gnome' ? gnome(collected, person) : family === 'kde' ? kde(collected) : undefined;
      if (!facts) continue;
      if (!facts.ok) return couldNotCollect(facts.code, facts.reason);
      read.push(facts.value);
    }
    return { status: CollectionStatus.COLLECTED, screenLock: weakestOf(read) };
  },
};
