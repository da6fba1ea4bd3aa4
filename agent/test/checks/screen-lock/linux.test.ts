import { describe, expect, it } from 'vitest';
import { CollectionStatus, Tri } from '@invigilator/shared/wire.ts';
import { check } from '../../../src/checks/screen-lock/linux.ts';
import type { Collected } from '../../../src/checks/types.ts';
import { absent, collectedFrom, linuxFixture, ran } from '../collected-from.ts';

const context = { removableMountRoots: [] };
const ids = (collected: Collected = new Map()) => check.sources(collected, context).map((source) => source.id);
const GNOME_IDS = ['linux.gsettings-session', 'linux.gsettings-screensaver', 'linux.gsettings-lockdown', 'linux.gsettings-writable-idle-delay', 'linux.gsettings-writable-lock-enabled'];

const sessions = (name: string) => ran(linuxFixture(name));
const gnomeDefaults = {
  'linux.gsettings-session': ran(linuxFixture('gsettings-list-session.devmachine-defaults.txt')),
  'linux.gsettings-screensaver': ran(linuxFixture('gsettings-list-screensaver.devmachine-defaults.txt')),
  'linux.gsettings-lockdown': ran(linuxFixture('gsettings-list-lockdown.devmachine-defaults.txt')),
  'linux.gsettings-writable-idle-delay': ran(linuxFixture('gsettings-writable.devmachine-true.txt')),
  'linux.gsettings-writable-lock-enabled': ran(linuxFixture('gsettings-writable.devmachine-true.txt')),
};

describe('linux screen-lock check', () => {
  it('reads the session folders and who first, then the settings of the desktops found', () => {
    expect(ids()).toEqual(['linux.desktop-sessions', 'linux.who']);
    const nobody = { 'linux.who': ran(linuxFixture('who.devmachine-nobody.txt'), { exitCode: 0 }) };
    expect(ids(collectedFrom({ 'linux.desktop-sessions': sessions('ls-desktop-sessions.1-ubuntu-derived.txt'), ...nobody }))).toEqual(['linux.desktop-sessions', 'linux.who', ...GNOME_IDS]);
    expect(ids(collectedFrom({ 'linux.desktop-sessions': sessions('ls-desktop-sessions.2-kde-and-xfce-derived.txt'), ...nobody }))).toEqual(['linux.desktop-sessions', 'linux.who', 'linux.kscreenlockerrc']);
  });

  it('with someone at the screen (real who output: alice on display :1), asks for their home, then reads their settings', () => {
    const alice = { 'linux.desktop-sessions': sessions('ls-desktop-sessions.1-ubuntu-derived.txt'), 'linux.who': ran(linuxFixture('who-aH.1-alice-bob.txt')) };
    const second = check.sources(collectedFrom(alice), context);
    expect(second.at(-1)).toEqual({ id: 'linux.getent-passwd-desktop-user', kind: 'command', file: '/usr/bin/getent', args: ['passwd', 'alice'] });
    const third = check.sources(collectedFrom({ ...alice, 'linux.getent-passwd-desktop-user': ran('alice:x:1000:1000:Alice,,,:/home/alice:/bin/bash\n') }), context);
    const session = third.find((spec) => spec.id === 'linux.gsettings-session');
    expect(session?.kind === 'command' && session.env).toEqual({ XDG_CONFIG_HOME: '/home/alice/.config' });
    const finding = check.interpret(collectedFrom({ ...alice, 'linux.getent-passwd-desktop-user': ran('alice:x:1000:1000:Alice,,,:/home/alice:/bin/bash\n'), ...gnomeDefaults }), context);
    expect(finding.screenLock?.settingSource).toBe('gnome (the signed-in user\'s settings)');
    expect(JSON.stringify(finding)).not.toContain('alice');
  });

  it('a machine with no desktop sign-in (the real capture: both folders missing, ls exit 2) is not applicable', () => {
    const none = ran(linuxFixture('ls-desktop-sessions.devmachine-none.txt'), { exitCode: 2, stderr: linuxFixture('ls-desktop-sessions.devmachine-none.stderr.txt') });
    expect(check.interpret(collectedFrom({ 'linux.desktop-sessions': none }), context)).toMatchObject({ status: CollectionStatus.NOT_APPLICABLE, reasonCode: 'NO_DESKTOP' });
  });

  it('GNOME with its shipped defaults (real gsettings output): locks after 300 s, asks for the password, users can change it', () => {
    const finding = check.interpret(collectedFrom({ 'linux.desktop-sessions': sessions('ls-desktop-sessions.1-ubuntu-derived.txt'), ...gnomeDefaults }), context);
    expect(finding).toEqual({ status: CollectionStatus.COLLECTED, screenLock: {
      idleLockSeconds: 300, passwordOnWake: Tri.TRI_YES, enforced: Tri.TRI_NO, settingSource: 'gnome (machine-wide settings; no one signed in)', problem: '',
    } });
  });

  it('GNOME with a dconf database (real output): the blank delay plus the lock delay', () => {
    const finding = check.interpret(collectedFrom({
      'linux.desktop-sessions': sessions('ls-desktop-sessions.1-ubuntu-derived.txt'), ...gnomeDefaults,
      'linux.gsettings-session': ran(linuxFixture('gsettings-list-session.devmachine-idle-600.txt')),
      'linux.gsettings-screensaver': ran(linuxFixture('gsettings-list-screensaver.devmachine-lock-delay-30.txt')),
      'linux.gsettings-writable-idle-delay': ran('false\n'), 'linux.gsettings-writable-lock-enabled': ran('false\n'),
    }), context);
    expect(finding.screenLock).toMatchObject({ idleLockSeconds: 630, passwordOnWake: Tri.TRI_YES, enforced: Tri.TRI_YES });
  });

  it('GNOME with locking switched off never locks (derived: lock-enabled false, or idle-delay 0)', () => {
    const screensaver = linuxFixture('gsettings-list-screensaver.devmachine-defaults.txt').replace('lock-enabled true', 'lock-enabled false');
    const off = check.interpret(collectedFrom({ 'linux.desktop-sessions': sessions('ls-desktop-sessions.1-ubuntu-derived.txt'), ...gnomeDefaults, 'linux.gsettings-screensaver': ran(screensaver) }), context);
    expect(off.screenLock).toMatchObject({ idleLockSeconds: 0, passwordOnWake: Tri.TRI_NO });
    const session = linuxFixture('gsettings-list-session.devmachine-defaults.txt').replace('uint32 300', 'uint32 0');
    const never = check.interpret(collectedFrom({ 'linux.desktop-sessions': sessions('ls-desktop-sessions.1-ubuntu-derived.txt'), ...gnomeDefaults, 'linux.gsettings-session': ran(session) }), context);
    expect(never.screenLock).toMatchObject({ idleLockSeconds: 0 });
  });

  it('a writable answer it cannot read leaves "enforced" unknown, never yes', () => {
    const finding = check.interpret(collectedFrom({ 'linux.desktop-sessions': sessions('ls-desktop-sessions.1-ubuntu-derived.txt'), ...gnomeDefaults, 'linux.gsettings-writable-lock-enabled': ran('vrai\n') }), context);
    expect(finding.screenLock?.enforced).toBe(Tri.TRI_UNKNOWN);
  });

  it('a schema that is not installed (real stderr, exit 1), or cut-off or garbled output, is could-not-collect with a reason', () => {
    const noSchema = ran('', { exitCode: 1, stderr: linuxFixture('gsettings-list.devmachine-no-schema.stderr.txt') });
    const cases = {
      missing: { 'linux.gsettings-session': noSchema },
      cutOff: { 'linux.gsettings-session': ran('org.gnome.desktop.session session-name \'gnome\'\n') },
      garbled: { 'linux.gsettings-screensaver': ran('Keine Einstellung gefunden\n') },
    };
    for (const override of Object.values(cases)) {
      const finding = check.interpret(collectedFrom({ 'linux.desktop-sessions': sessions('ls-desktop-sessions.1-ubuntu-derived.txt'), ...gnomeDefaults, ...override }), context);
      expect(finding.status).toBe(CollectionStatus.COULD_NOT_COLLECT);
      expect(finding.reason).toMatch(/\S/);
    }
    expect(check.interpret(collectedFrom({ 'linux.desktop-sessions': sessions('ls-desktop-sessions.1-ubuntu-derived.txt'), ...gnomeDefaults, ...cases.missing }), context).reasonCode).toBe('COMMAND_FAILED');
  });

  it('a desktop it does not read (Xfce beside KDE) is could-not-collect, naming it', () => {
    const finding = check.interpret(collectedFrom({ 'linux.desktop-sessions': sessions('ls-desktop-sessions.2-kde-and-xfce-derived.txt'), 'linux.kscreenlockerrc': absent() }), context);
    expect(finding).toMatchObject({ status: CollectionStatus.COULD_NOT_COLLECT, reasonCode: 'DESKTOP_NOT_READ' });
    expect(finding.reason).toContain('xfce');
  });

  it('KDE without /etc/xdg/kscreenlockerrc uses KDE\'s defaults: 5 minutes and a 5-second grace', () => {
    const kdeOnly = ran('/usr/share/xsessions:\nplasma.desktop\n');
    const finding = check.interpret(collectedFrom({ 'linux.desktop-sessions': kdeOnly, 'linux.kscreenlockerrc': absent() }), context);
    expect(finding.screenLock).toMatchObject({ idleLockSeconds: 305, passwordOnWake: Tri.TRI_YES, enforced: Tri.TRI_NO });
    expect(finding.screenLock?.settingSource).toContain('defaults');
  });

  it('GNOME and KDE both installed: the weaker of the two is reported', () => {
    const both = ran('/usr/share/xsessions:\nplasma.desktop\nubuntu.desktop\n');
    const finding = check.interpret(collectedFrom({ 'linux.desktop-sessions': both, ...gnomeDefaults, 'linux.kscreenlockerrc': ran(linuxFixture('kscreenlockerrc.2-arch-user-timeout-30.txt')) }), context);
    expect(finding.screenLock).toMatchObject({ idleLockSeconds: 30 * 60 + 300, passwordOnWake: Tri.TRI_YES });
    expect(finding.screenLock?.settingSource).toContain('gnome');
    expect(finding.screenLock?.settingSource).toContain('kde');
  });

  it('an unexpected line in the session listing is could-not-collect', () => {
    const finding = check.interpret(collectedFrom({ 'linux.desktop-sessions': ran('total 8\n-rw-r--r-- 1 root root 300 gnome.desktop\n') }), context);
    expect(finding).toMatchObject({ status: CollectionStatus.COULD_NOT_COLLECT, reasonCode: 'OUTPUT_UNRECOGNISED' });
  });
});
