// Plumbing only: a real chokidar watch on a temporary "Volumes" folder. diskutil
// does not exist off macOS, so a new folder must be logged with a code and never
// reported as media.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MisuseEvent } from '@invigilator/shared/wire.ts';
import { createWatcher } from '../../../src/watchers/removable-media/macos.ts';
import { captureLogger } from '../../helpers/capture-logger.ts';

describe('macOS removable-media watcher plumbing', () => {
  let root = '';
  afterEach(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('asks diskutil about a new volume folder and reports nothing it cannot confirm', async () => {
    root = await mkdtemp(path.join(tmpdir(), 'volumes-'));
    const events: MisuseEvent[] = [];
    const captured = captureLogger();
    const watcher = createWatcher({ mountRoots: [root], hashFileNames: false, emit: (event) => events.push(event), logger: captured.logger });
    await watcher.start();
    await mkdir(path.join(root, 'STICK'));
    await expect.poll(() => captured.withCode('COMMAND_NOT_FOUND').length, { timeout: 10_000 }).toBeGreaterThan(0);
    await watcher.stop();
    expect(events).toEqual([]);
  });
});
