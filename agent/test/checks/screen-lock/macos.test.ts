import { describe, expect, it } from 'vitest';
import { CollectionStatus, Tri } from '@invigilator/shared/wire.ts';
import { check } from '../../../src/checks/screen-lock/macos.ts';
import { parseSysadminctlScreenLock } from '../../../src/checks/screen-lock/parse-sysadminctl-screen-lock.ts';
import { parsePmsetDisplaySleep } from '../../../src/checks/screen-lock/parse-pmset.ts';
import { collectedOf, type RawSource } from '../../helpers/macos-collected.ts';
import { macosFixture } from '../../helpers/macos-fixture.ts';

const context = { removableMountRoots: ['/Volumes'] };
/** sysadminctl answers on stderr. */
const sysadminctl = (name: string): RawSource => ({ stdout: '', stderr: macosFixture(name) });
const noProfiles: RawSource = { exitCode: 1, stderr: 'ls: /Library/Managed Preferences: No such file or directory\n' };
const interpret = (sources: Record<string, RawSource>) => check.interpret(collectedOf(sources), context);

describe('screen lock on macOS', () => {
  it('reads pmset, sysadminctl and the managed payload list, then the screen-saver payload when a profile installed one', () => {
    expect(check.sources(new Map(), context).map((source) => source.id)).toEqual(['macos.pmset', 'macos.sysadminctl-screenlock', 'macos.managed-preferences']);
    const listed = collectedOf({ 'macos.managed-preferences': macosFixture('managed-preferences-ls.1-derived.txt') });
    expect(check.sources(listed, context).map((source) => source.id)).toContain('macos.managed-screensaver');
  });

  it('real pmset (display sleeps after 10 min) and real sysadminctl (password 5 s later), no profile', () => {
    expect(interpret({
      'macos.pmset': macosFixture('pmset-g.1-display-sleep-10.txt'),
      'macos.sysadminctl-screenlock': sysadminctl('sysadminctl-screenlock.1-5-seconds.txt'),
      'macos.managed-preferences': noProfiles,
    })).toEqual({ status: CollectionStatus.COLLECTED, screenLock: {
      idleLockSeconds: 605, passwordOnWake: Tri.TRI_YES, enforced: Tri.TRI_NO, settingSource: 'macos display sleep and screen lock settings', problem: '',
    } });
  });

  it('real "screenLock is off": no password, so it never locks', () => {
    expect(interpret({
      'macos.pmset': macosFixture('pmset-g.1-display-sleep-10.txt'),
      'macos.sysadminctl-screenlock': sysadminctl('sysadminctl-screenlock.2-off.txt'),
      'macos.managed-preferences': noProfiles,
    }).screenLock).toMatchObject({ idleLockSeconds: 0, passwordOnWake: Tri.TRI_NO });
  });

  it('a display that never sleeps and no profile: the wait depends on each user\'s screen saver, so unknown', () => {
    expect(interpret({
      'macos.pmset': macosFixture('pmset-g.2-display-never-sleeps.txt'),
      'macos.sysadminctl-screenlock': sysadminctl('sysadminctl-screenlock.3-immediate.txt'),
      'macos.managed-preferences': noProfiles,
    }).screenLock).toMatchObject({ idleLockSeconds: -1, passwordOnWake: Tri.TRI_YES, problem: expect.stringContaining('each user') });
  });

  it('a profile\'s screen-saver payload wins and is enforced', () => {
    expect(interpret({
      'macos.pmset': macosFixture('pmset-g.2-display-never-sleeps.txt'),
      'macos.sysadminctl-screenlock': sysadminctl('sysadminctl-screenlock.2-off.txt'),
      'macos.managed-preferences': macosFixture('managed-preferences-ls.1-derived.txt'),
      'macos.managed-screensaver': macosFixture('managed-screensaver.1-profile-derived.txt'),
    }).screenLock).toMatchObject({ idleLockSeconds: 605, passwordOnWake: Tri.TRI_YES, enforced: Tri.TRI_YES, settingSource: 'macos configuration profile' });
  });

  it('sysadminctl\'s real error line, or pmset cut short, is could-not-collect with a reason', () => {
    expect(interpret({
      'macos.pmset': macosFixture('pmset-g.1-display-sleep-10.txt'),
      'macos.sysadminctl-screenlock': sysadminctl('sysadminctl-screenlock.4-unknown-state.txt'),
      'macos.managed-preferences': noProfiles,
    })).toMatchObject({ status: CollectionStatus.COULD_NOT_COLLECT, reasonCode: 'OUTPUT_UNRECOGNISED', reason: expect.stringContaining('Unknown state') });
    expect(interpret({
      'macos.pmset': macosFixture('pmset-g.1-display-sleep-10.txt').slice(0, 120),
      'macos.sysadminctl-screenlock': sysadminctl('sysadminctl-screenlock.1-5-seconds.txt'),
      'macos.managed-preferences': noProfiles,
    })).toMatchObject({ status: CollectionStatus.COULD_NOT_COLLECT, reasonCode: 'OUTPUT_UNRECOGNISED' });
  });

  it('parses the real sysadminctl lines and a damaged payload list never passes', () => {
    expect(parseSysadminctlScreenLock(macosFixture('sysadminctl-screenlock.3-immediate.txt'))).toEqual({ ok: true, value: { delaySeconds: 0, on: true } });
    expect(parseSysadminctlScreenLock('')).toMatchObject({ ok: false, code: 'OUTPUT_EMPTY' });
    expect(parsePmsetDisplaySleep('Réglages système :\n displaysleep 10\n', 'macos.pmset')).toMatchObject({ ok: false, code: 'OUTPUT_UNRECOGNISED' });
    expect(interpret({
      'macos.pmset': macosFixture('pmset-g.1-display-sleep-10.txt'),
      'macos.sysadminctl-screenlock': sysadminctl('sysadminctl-screenlock.1-5-seconds.txt'),
      'macos.managed-preferences': macosFixture('managed-preferences-ls.1-derived.txt'),
      'macos.managed-screensaver': macosFixture('managed-screensaver.1-profile-derived.txt').slice(0, 200),
    })).toMatchObject({ status: CollectionStatus.COULD_NOT_COLLECT });
  });
});
