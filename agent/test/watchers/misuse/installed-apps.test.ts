// Installed bypass tools found by name in real folders: a Tor Browser unpacked in a
// pupil's home, a Psiphon app bundle, a desktop launcher; ordinary programs ignored.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_MISUSE_SETTINGS } from '@invigilator/shared/misuse-settings.ts';
import { MisuseKind, type MisuseEvent } from '@invigilator/shared/wire.ts';
import { createInstalledAppsWatch, expandFolders } from '../../../src/watchers/misuse/installed-apps.ts';
import type { Watcher } from '../../../src/watchers/types.ts';
import { captureLogger } from '../../helpers/capture-logger.ts';
import { useTempDirs } from '../../helpers/temp-dirs.ts';

const tempDir = useTempDirs('invigilator-installed');

describe('createInstalledAppsWatch', () => {
  const watchers: Watcher[] = [];
  afterEach(async () => { await Promise.all(watchers.splice(0).map((watcher) => watcher.stop())); });

  it('reports each installed tool once, where it is, and nothing else', async () => {
    const root = tempDir();
    const homes = path.join(root, 'home');
    const apps = path.join(root, 'Applications');
    mkdirSync(path.join(homes, 'pupil7', 'tor-browser', 'Browser'), { recursive: true });
    mkdirSync(path.join(homes, 'pupil7', '.local', 'share', 'applications'), { recursive: true });
    writeFileSync(path.join(homes, 'pupil7', '.local', 'share', 'applications', 'start-tor-browser.desktop'), '[Desktop Entry]\n');
    mkdirSync(path.join(apps, 'Psiphon.app'), { recursive: true });
    mkdirSync(path.join(apps, 'Firefox.app'), { recursive: true });
    mkdirSync(path.join(homes, 'pupil7', 'Documents'), { recursive: true });
    const events: MisuseEvent[] = [];
    const watcher = createInstalledAppsWatch({
      folders: [apps, '*', '*/.local/share/applications'], homesRoot: homes, pathApi: path.posix, intervalMs: 60_000,
      settings: () => DEFAULT_MISUSE_SETTINGS, emit: (event) => events.push(event), currentUser: () => Promise.resolve('pupil7'), logger: captureLogger().logger,
    });
    watchers.push(watcher);
    await watcher.start();
    expect(events.map((event) => [event.kind, event.subject]).sort()).toEqual([
      [MisuseKind.BYPASS_TOOL, path.join(apps, 'Psiphon.app')],
      [MisuseKind.BYPASS_TOOL, path.join(homes, 'pupil7', '.local', 'share', 'applications', 'start-tor-browser.desktop')],
      [MisuseKind.BYPASS_TOOL, path.join(homes, 'pupil7', 'tor-browser')],
    ].sort());
    expect(events.find((event) => String(event.subject).endsWith('Psiphon.app'))?.detail)
      .toBe(`The filter-bypass tool "psiphon" is installed (${path.join(apps, 'Psiphon.app')})`);
  });

  it('expands * to every home, leaving folders that do not exist out quietly', async () => {
    const homes = tempDir();
    mkdirSync(path.join(homes, 'a'));
    mkdirSync(path.join(homes, 'b'));
    expect((await expandFolders(['/opt', '*/Desktop'], homes, path.posix)).sort()).toEqual(['/opt', path.join(homes, 'a', 'Desktop'), path.join(homes, 'b', 'Desktop')]);
  });
});
