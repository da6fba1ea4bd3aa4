// The Downloads watcher on real folders: a home appears, an installer arrives
// (written in pieces, then renamed from its partial name as browsers do).
import { mkdirSync, renameSync, writeFileSync, appendFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_MISUSE_SETTINGS } from '@invigilator/shared/misuse-settings.ts';
import { MisuseKind, type MisuseEvent } from '@invigilator/shared/wire.ts';
import { createDownloadsWatch, forbiddenEnding } from '../../../src/watchers/misuse/downloads.ts';
import type { Watcher } from '../../../src/watchers/types.ts';
import { captureLogger } from '../../helpers/capture-logger.ts';
import { useTempDirs } from '../../helpers/temp-dirs.ts';
import { waitFor } from '../../../../test/support/processes.ts';

const tempDir = useTempDirs('invigilator-downloads');

describe('createDownloadsWatch', () => {
  const watchers: Watcher[] = [];
  afterEach(async () => { await Promise.all(watchers.splice(0).map((watcher) => watcher.stop())); });

  const start = async (homesRoot: string): Promise<MisuseEvent[]> => {
    const events: MisuseEvent[] = [];
    const watcher = createDownloadsWatch({
      homesRoot, pathApi: path.posix, rescanMs: 60_000, stableMs: 200, logger: captureLogger().logger,
      settings: () => DEFAULT_MISUSE_SETTINGS, emit: (event) => events.push(event),
    });
    watchers.push(watcher);
    await watcher.start();
    return events;
  };

  it('reports an installer that finished downloading, naming the folder\'s owner, and not files already there', async () => {
    const homes = tempDir();
    mkdirSync(path.join(homes, 'pupil7', 'Downloads'), { recursive: true });
    writeFileSync(path.join(homes, 'pupil7', 'Downloads', 'old-setup.exe'), 'already here');
    const events = await start(homes);
    const partial = path.join(homes, 'pupil7', 'Downloads', 'GameSetup.msi.crdownload');
    writeFileSync(partial, Buffer.alloc(1024));
    appendFileSync(partial, Buffer.alloc(1024));
    renameSync(partial, path.join(homes, 'pupil7', 'Downloads', 'GameSetup.msi'));
    writeFileSync(path.join(homes, 'pupil7', 'Downloads', 'essay.docx'), 'words');
    const event = await waitFor('the download', () => events.find((candidate) => candidate.subject === 'GameSetup.msi'), 8_000);
    expect(event).toMatchObject({
      kind: MisuseKind.EXECUTABLE_DOWNLOADED, user: 'pupil7', file: { name: 'GameSetup.msi', sizeBytes: 2048 },
      detail: `The program or installer "GameSetup.msi" (2048 bytes) was saved to ${path.join(homes, 'pupil7', 'Downloads')}`,
    });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(events.map((candidate) => candidate.subject)).toEqual(['GameSetup.msi']);
  });

  it('picks up a home made after it started (a first login)', async () => {
    const homes = tempDir();
    const events = await start(homes);
    mkdirSync(path.join(homes, 'newpupil', 'Downloads'), { recursive: true });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    writeFileSync(path.join(homes, 'newpupil', 'Downloads', 'tool.AppImage'), 'x');
    const event = await waitFor('the download in the new home', () => events[0], 8_000);
    expect(event).toMatchObject({ user: 'newpupil', subject: 'tool.AppImage' });
  });

  it('matches endings without case', () => {
    expect(forbiddenEnding('Setup.EXE', ['.exe'])).toBe('.exe');
    expect(forbiddenEnding('notes.exe.txt', ['.exe'])).toBeUndefined();
  });
});
