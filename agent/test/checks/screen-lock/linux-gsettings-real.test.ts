// The GNOME half of the Linux screen-lock check against the real gsettings and dconf:
// a machine-wide dconf database an administrator compiled (with a lock on idle-delay),
// and a pupil's own database that tries to set a longer wait. Both are temporary files:
// the machine-wide one reached through DCONF_PROFILE, the pupil's through the home folder
// the check finds for the user at the screen.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CollectionStatus, Tri } from '@invigilator/shared/wire.ts';
import { liveProvider } from '../../../src/checks/live-provider.ts';
import { runCheck } from '../../../src/checks/runner.ts';
import { check } from '../../../src/checks/screen-lock/linux.ts';
import type { SourceProvider } from '../../../src/checks/types.ts';
import { DCONF_BACKEND } from '../../../../scripts/test-tools.ts';
import { linuxFixture } from '../collected-from.ts';

const DCONF = '/usr/bin/dconf';
const canRun = process.platform === 'linux' && [
  '/usr/bin/gsettings', DCONF, DCONF_BACKEND, '/usr/share/glib-2.0/schemas/org.gnome.desktop.screensaver.gschema.xml',
].every((file) => existsSync(file));

const compile = (database: string, keyfiles: Record<string, string>): void => {
  const source = `${database}.d`;
  for (const [name, text] of Object.entries(keyfiles)) {
    mkdirSync(path.dirname(path.join(source, name)), { recursive: true });
    writeFileSync(path.join(source, name), text);
  }
  execFileSync(DCONF, ['compile', database, source]);
};

/**
 * Live reads, except what names the desktop and its user: this machine has no desktop sign-in,
 * so the session listing is a capture, and `who` and `getent` answer for a pupil whose home is
 * a temporary folder. gsettings then really reads that home's dconf database.
 */
const providerFor = (home: string | undefined): SourceProvider => ({
  read: (spec) => {
    const answer = (stdout: string) => Promise.resolve({ id: spec.id, exitCode: 0, stdout, stderr: '', durationMs: 0 });
    if (spec.id === 'linux.desktop-sessions') return answer(linuxFixture('ls-desktop-sessions.1-ubuntu-derived.txt'));
    if (spec.id === 'linux.who') return answer(home ? 'pupil    tty2         2026-11-30 08:40 (tty2)\n' : '');
    if (spec.id === 'linux.getent-passwd-desktop-user') return answer(`pupil:x:1000:1000:A pupil,,,:${home}:/bin/bash\n`);
    return liveProvider.read(spec);
  },
});

describe.skipIf(!canRun)('linux screen-lock check with real gsettings and dconf databases (needs Linux, gsettings, dconf and the GNOME schemas)', () => {
  let dir = '';
  const home = () => path.join(dir, 'home', 'pupil');
  const savedProfile = process.env.DCONF_PROFILE;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'invigilator-dconf-'));
    mkdirSync(path.join(home(), '.config', 'dconf'), { recursive: true });
    compile(path.join(home(), '.config', 'dconf', 'user'), {
      '00-user': '[org/gnome/desktop/session]\nidle-delay=uint32 3600\n[org/gnome/desktop/screensaver]\nlock-delay=uint32 30\n',
    });
    compile(path.join(dir, 'machine.db'), {
      '00-school': '[org/gnome/desktop/session]\nidle-delay=uint32 240\n[org/gnome/desktop/screensaver]\nlock-enabled=true\n',
      'locks/00-school': '/org/gnome/desktop/session/idle-delay\n/org/gnome/desktop/screensaver/lock-enabled\n',
    });
    writeFileSync(path.join(dir, 'profile'), `user-db:user\nfile-db:${path.join(dir, 'machine.db')}\n`);
    writeFileSync(path.join(dir, 'user-only-profile'), 'user-db:user\n');
  });

  afterAll(() => {
    if (savedProfile === undefined) delete process.env.DCONF_PROFILE;
    else process.env.DCONF_PROFILE = savedProfile;
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads the signed-in pupil\'s own longer wait when nothing locks it', async () => {
    process.env.DCONF_PROFILE = path.join(dir, 'user-only-profile');
    const { observation } = await runCheck(check, providerFor(home()), { removableMountRoots: [] });
    expect(observation).toMatchObject({ status: CollectionStatus.COLLECTED, screenLock: {
      idleLockSeconds: 3630, passwordOnWake: Tri.TRI_YES, enforced: Tri.TRI_NO, settingSource: 'gnome (the signed-in user\'s settings)',
    } });
  });

  it('the administrator\'s locked 240 s wins over the pupil\'s 3600, and is reported enforced', async () => {
    process.env.DCONF_PROFILE = path.join(dir, 'profile');
    const { observation } = await runCheck(check, providerFor(home()), { removableMountRoots: [] });
    expect(observation).toMatchObject({ status: CollectionStatus.COLLECTED, screenLock: { idleLockSeconds: 270, passwordOnWake: Tri.TRI_YES, enforced: Tri.TRI_YES } });
    expect(observation.sourceIds).toContain('linux.gsettings-writable-idle-delay');
  });

  it('with no one at the screen, only the machine-wide databases count', async () => {
    process.env.DCONF_PROFILE = path.join(dir, 'profile');
    const { observation } = await runCheck(check, providerFor(undefined), { removableMountRoots: [] });
    expect(observation).toMatchObject({ status: CollectionStatus.COLLECTED, screenLock: {
      idleLockSeconds: 240, enforced: Tri.TRI_YES, settingSource: 'gnome (machine-wide settings; no one signed in)',
    } });
    expect(observation.sourceIds).not.toContain('linux.getent-passwd-desktop-user');
  });
});
