// The GNOME half of the Linux screen-lock check against the real gsettings and dconf:
// a machine-wide dconf database an administrator compiled (with a lock on idle-delay),
// and a user database that tries to set a longer wait. Both are temporary files reached
// through DCONF_PROFILE and XDG_CONFIG_HOME; only the session listing is a capture,
// since this machine has no desktop installed.
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

/** Live reads, except the session listing: this machine has no desktop sign-in. */
const ubuntuDesktop: SourceProvider = {
  read: (spec) => (spec.id === 'linux.desktop-sessions'
    ? Promise.resolve({ id: spec.id, exitCode: 0, stdout: linuxFixture('ls-desktop-sessions.1-ubuntu-derived.txt'), stderr: '', durationMs: 0 })
    : liveProvider.read(spec)),
};

describe.skipIf(!canRun)('linux screen-lock check with real gsettings and dconf databases (needs Linux, gsettings, dconf and the GNOME schemas)', () => {
  let dir = '';
  const saved = { DCONF_PROFILE: process.env.DCONF_PROFILE, XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME };

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'invigilator-dconf-'));
    mkdirSync(path.join(dir, 'config', 'dconf'), { recursive: true });
    compile(path.join(dir, 'config', 'dconf', 'user'), {
      '00-user': '[org/gnome/desktop/session]\nidle-delay=uint32 3600\n[org/gnome/desktop/screensaver]\nlock-delay=uint32 30\n',
    });
    compile(path.join(dir, 'machine.db'), {
      '00-school': '[org/gnome/desktop/session]\nidle-delay=uint32 240\n[org/gnome/desktop/screensaver]\nlock-enabled=true\n',
      'locks/00-school': '/org/gnome/desktop/session/idle-delay\n/org/gnome/desktop/screensaver/lock-enabled\n',
    });
    writeFileSync(path.join(dir, 'profile'), `user-db:user\nfile-db:${path.join(dir, 'machine.db')}\n`);
  });

  afterAll(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads the user\'s own longer wait when nothing locks it', async () => {
    process.env.XDG_CONFIG_HOME = path.join(dir, 'config');
    process.env.DCONF_PROFILE = path.join(dir, 'user-only-profile');
    writeFileSync(process.env.DCONF_PROFILE, 'user-db:user\n');
    const { observation } = await runCheck(check, ubuntuDesktop, { removableMountRoots: [] });
    expect(observation).toMatchObject({ status: CollectionStatus.COLLECTED, screenLock: { idleLockSeconds: 3630, passwordOnWake: Tri.TRI_YES, enforced: Tri.TRI_NO } });
  });

  it('the administrator\'s locked 240 s wins over the user\'s 3600, and is reported enforced', async () => {
    process.env.XDG_CONFIG_HOME = path.join(dir, 'config');
    process.env.DCONF_PROFILE = path.join(dir, 'profile');
    const { observation } = await runCheck(check, ubuntuDesktop, { removableMountRoots: [] });
    expect(observation).toMatchObject({ status: CollectionStatus.COLLECTED, screenLock: { idleLockSeconds: 270, passwordOnWake: Tri.TRI_YES, enforced: Tri.TRI_YES } });
    expect(observation.sourceIds).toContain('linux.gsettings-writable-idle-delay');
  });
});
