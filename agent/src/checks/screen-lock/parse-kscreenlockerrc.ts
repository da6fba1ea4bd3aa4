// KDE Plasma's kscreenlockerrc ([Daemon] group): Autolock (default true), Timeout in
// minutes (default 5; 0 = never), LockGrace in seconds before the password is asked
// (default 5), RequirePassword (default true), LockOnResume (default true: waking from
// sleep locks). "[$i]" after a key or a group marks it
// immutable: users cannot change it. An absent file means every default applies.
import { Tri } from '@invigilator/shared/wire.ts';
import { parsed, type Parsed } from '../types.ts';
import { unreadable } from '../../parsers/reasons.ts';
import { NEVER, type ScreenLockFacts } from './screen-lock-facts.ts';

const DEFAULTS = { Autolock: 'true', Timeout: '5', LockGrace: '5', RequirePassword: 'true', LockOnResume: 'true' } as const;
const KEYS = Object.keys(DEFAULTS) as (keyof typeof DEFAULTS)[];

interface DaemonGroup { values: Map<string, string>; immutable: Set<string>; groupImmutable: boolean }

const readDaemonGroup = (text: string, source: string): Parsed<DaemonGroup> => {
  const group: DaemonGroup = { values: new Map(), immutable: new Set(), groupImmutable: false };
  let inDaemon = false;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const heading = /^\[([^\]]*)\](\[\$i\])?$/.exec(line);
    if (heading) {
      inDaemon = heading[1] === 'Daemon';
      if (inDaemon && heading[2]) group.groupImmutable = true;
      continue;
    }
    const entry = /^([A-Za-z]+)(\[\$i\])?\s*=\s*(.*)$/.exec(line);
    if (!entry) return unreadable('OUTPUT_MALFORMED', source, `unexpected line "${line.slice(0, 80)}"`);
    if (!inDaemon) continue;
    group.values.set(entry[1]!, entry[3]!.trim());
    if (entry[2]) group.immutable.add(entry[1]!);
  }
  return parsed(group);
};

const bool = (value: string): boolean | undefined => (/^(true|1|yes|on)$/i.test(value) ? true : /^(false|0|no|off)$/i.test(value) ? false : undefined);
const whole = (value: string): number | undefined => (/^\d+$/.test(value) ? Number(value) : undefined);

/**
 * The machine-wide file (/etc/xdg/kscreenlockerrc; '' when absent) and, when someone is signed in,
 * their own (~/.config/kscreenlockerrc; undefined when not read). The user's keys win unless the
 * machine-wide file marks them immutable. `from` names what was read.
 */
export interface KdeFile { text: string; source: string }

export const parseKscreenlockerrc = (systemFile: KdeFile, from: string, userFile?: KdeFile): Parsed<ScreenLockFacts> => {
  const system = readDaemonGroup(systemFile.text, systemFile.source);
  if (!system.ok) return system;
  const user = userFile && readDaemonGroup(userFile.text, userFile.source);
  if (user && !user.ok) return user;
  const locked = (key: string): boolean => system.value.groupImmutable || system.value.immutable.has(key);
  const value = (key: keyof typeof DEFAULTS): string =>
    (!locked(key) ? user?.value.values.get(key) : undefined) ?? system.value.values.get(key) ?? DEFAULTS[key];
  const autolock = bool(value('Autolock'));
  const timeoutMinutes = whole(value('Timeout'));
  const graceSeconds = whole(value('LockGrace'));
  const requirePassword = bool(value('RequirePassword'));
  const lockOnResume = bool(value('LockOnResume'));
  if (autolock === undefined || timeoutMinutes === undefined || graceSeconds === undefined || requirePassword === undefined || lockOnResume === undefined) {
    return unreadable('OUTPUT_UNRECOGNISED', userFile?.source ?? systemFile.source, 'Autolock, Timeout, LockGrace, RequirePassword or LockOnResume is not a whole number or true/false');
  }
  const locks = autolock && timeoutMinutes > 0;
  return parsed({
    // The password is asked only after the grace period: the device is open until then.
    idleLockSeconds: locks ? timeoutMinutes * 60 + graceSeconds : NEVER,
    passwordOnWake: locks && requirePassword && lockOnResume ? Tri.TRI_YES : Tri.TRI_NO,
    enforced: KEYS.slice(0, 2).every(locked) ? Tri.TRI_YES : Tri.TRI_NO,
    settingSource: `kde (${from})`,
    problem: '',
  });
};
