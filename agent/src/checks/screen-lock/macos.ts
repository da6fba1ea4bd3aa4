// macOS idle lock. The screen locks when the screen saver starts or the display sleeps,
// once the password delay has passed. Read as root: the display-sleep minutes (pmset,
// machine-wide), the password setting (sysadminctl), and a configuration profile's
// screen-saver payload when one is installed (it wins, and users cannot change it).
// A user's own screen-saver wait is not visible to root: display sleep bounds the wait.
// Sources:
//   macos.pmset                    pmset -g
//   macos.sysadminctl-screenlock   sysadminctl -screenLock status (answers on stderr)
//   macos.managed-preferences      ls -1 "/Library/Managed Preferences"
//   macos.managed-screensaver      plutil -convert xml1 -o - ".../com.apple.screensaver.plist" (when listed)
import { CollectionStatus, Tri } from '@invigilator/shared/wire.ts';
import { couldNotCollect, parseSource, textOf } from '../findings.ts';
import { parsed, type Collected, type CommandSource, type Finding, type Parsed, type PlatformCheck, type SourceSpec } from '../types.ts';
import { parseManagedPreferenceList, parseManagedScreenSaver, type ManagedScreenSaver } from './parse-managed-screensaver.ts';
import { parsePmsetDisplaySleep } from './parse-pmset.ts';
import { parseSysadminctlScreenLock } from './parse-sysadminctl-screen-lock.ts';
import { NEVER, UNKNOWN_SECONDS, type ScreenLockFacts } from './screen-lock-facts.ts';

export const MANAGED_PREFERENCES_DIR = '/Library/Managed Preferences';
/** `ls` exits 1 when the folder is missing: no profile was ever installed. */
const LS_MISSING = 1;

export const PMSET_SOURCE: CommandSource = { id: 'macos.pmset', kind: 'command', file: '/usr/bin/pmset', args: ['-g'] };
export const SYSADMINCTL_SCREENLOCK_SOURCE: CommandSource = {
  id: 'macos.sysadminctl-screenlock', kind: 'command', file: '/usr/sbin/sysadminctl', args: ['-screenLock', 'status'],
};
export const MANAGED_PREFERENCES_SOURCE: CommandSource = {
  id: 'macos.managed-preferences', kind: 'command', file: '/bin/ls', args: ['-1', MANAGED_PREFERENCES_DIR],
};
/** A payload file as XML, whatever form (binary or XML) it is kept in. */
export const managedPayloadSource = (id: string, file: string): CommandSource => ({
  id, kind: 'command', file: '/usr/bin/plutil', args: ['-convert', 'xml1', '-o', '-', `${MANAGED_PREFERENCES_DIR}/${file}`],
});
const SCREENSAVER_PAYLOAD = 'com.apple.screensaver.plist';
const MANAGED_SCREENSAVER_SOURCE = managedPayloadSource('macos.managed-screensaver', SCREENSAVER_PAYLOAD);

export const managedPayloads = (collected: Collected): Parsed<Set<string>> =>
  parseSource(collected, MANAGED_PREFERENCES_SOURCE.id, (text) => parsed(parseManagedPreferenceList(text)),
    { acceptExitCodes: [0, LS_MISSING], allowEmpty: true });

const managedScreenSaver = (collected: Collected, payloads: Set<string>): Parsed<ManagedScreenSaver | undefined> => {
  if (!payloads.has(SCREENSAVER_PAYLOAD)) return parsed(undefined);
  return parseSource(collected, MANAGED_SCREENSAVER_SOURCE.id, (text) => parseManagedScreenSaver(text, MANAGED_SCREENSAVER_SOURCE.id));
};

/** sysadminctl answers on stderr; some releases print to stdout. */
const sysadminctl = (collected: Collected) => {
  const text = textOf(collected, SYSADMINCTL_SCREENLOCK_SOURCE.id, { allowEmpty: true });
  if (!text.ok) return text;
  const { stdout, stderr } = collected.get(SYSADMINCTL_SCREENLOCK_SOURCE.id)!;
  return parseSysadminctlScreenLock(`${stdout}\n${stderr}`);
};

const facts = (collected: Collected): Parsed<ScreenLockFacts> => {
  const payloads = managedPayloads(collected);
  if (!payloads.ok) return payloads;
  const managed = managedScreenSaver(collected, payloads.value);
  if (!managed.ok) return managed;
  const profile = managed.value;
  const displaySleep = parseSource(collected, PMSET_SOURCE.id, (text) => parsePmsetDisplaySleep(text, PMSET_SOURCE.id));
  if (!displaySleep.ok) return displaySleep;
  // The profile's password settings win; sysadminctl fills in what it leaves unset.
  let on = profile?.askForPassword;
  let delay = profile?.askForPasswordDelaySeconds;
  if (on === undefined || delay === undefined) {
    const setting = sysadminctl(collected);
    if (!setting.ok) return setting;
    on ??= setting.value.on;
    delay ??= setting.value.delaySeconds ?? 0;
  }
  const waits = [profile?.idleTimeSeconds ?? 0, displaySleep.value * 60].filter((seconds) => seconds > 0);
  const unknownUserWait = waits.length === 0 && profile?.idleTimeSeconds === undefined;
  const idle = !on ? NEVER : waits.length > 0 ? Math.min(...waits) + delay : unknownUserWait ? UNKNOWN_SECONDS : NEVER;
  return parsed({
    idleLockSeconds: idle,
    passwordOnWake: on ? Tri.TRI_YES : Tri.TRI_NO,
    enforced: profile?.idleTimeSeconds !== undefined && profile.askForPassword !== undefined ? Tri.TRI_YES : Tri.TRI_NO,
    settingSource: profile ? 'macos configuration profile' : 'macos display sleep and screen lock settings',
    problem: idle === UNKNOWN_SECONDS
      ? 'The display never sleeps and no configuration profile sets the screen saver, so the lock depends on each user\'s own screen-saver setting, which the agent cannot read.'
      : '',
  });
};

export const check: PlatformCheck = {
  check: 'screen-lock',
  platform: 'macos',
  sources(collected): readonly SourceSpec[] {
    const first = [PMSET_SOURCE, SYSADMINCTL_SCREENLOCK_SOURCE, MANAGED_PREFERENCES_SOURCE];
    const payloads = collected.has(MANAGED_PREFERENCES_SOURCE.id) ? managedPayloads(collected) : undefined;
    return payloads?.ok && payloads.value.has(SCREENSAVER_PAYLOAD) ? [...first, MANAGED_SCREENSAVER_SOURCE] : first;
  },
  interpret(collected): Finding {
    const read = facts(collected);
    return read.ok ? { status: CollectionStatus.COLLECTED, screenLock: read.value } : couldNotCollect(read.code, read.reason);
  },
};
