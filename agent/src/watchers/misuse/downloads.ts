// Programs and installers saved to a user's Downloads folder, reported once each
// file has finished arriving (browsers write a partial file, then rename it). The
// folder owner is the user reported. Homes that appear later are picked up.
import { watch, type FSWatcher } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { ERRORS } from '@invigilator/shared/errors.ts';
import type { Logger } from '@invigilator/shared/logger.ts';
import type { MisuseSettings } from '@invigilator/shared/misuse-settings.ts';
import type { MisuseEvent } from '@invigilator/shared/wire.ts';
import { watchFolderTree, type FolderTreeWatch } from '../folder-tree-watch.ts';
import type { Watcher } from '../types.ts';
import { executableDownloaded } from './misuse-events.ts';

/** Profiles that belong to no person. */
export const NOT_A_PERSON: ReadonlySet<string> = new Set(['shared', 'public', 'default', 'default user', 'all users', 'guest', 'lost+found']);

export interface DownloadsWatchOptions {
  /** Where user homes are: /home, /Users, C:\Users. */
  homesRoot: string;
  pathApi: typeof path.posix | typeof path.win32;
  settings: () => MisuseSettings;
  emit: (event: MisuseEvent) => void;
  logger: Logger;
  /** How often homes are listed again for new Downloads folders. */
  rescanMs: number;
  stableMs: number;
}

/** The forbidden ending the file name has, or undefined. */
export const forbiddenEnding = (fileName: string, extensions: readonly string[]): string | undefined => {
  const lower = fileName.toLowerCase();
  return extensions.find((extension) => lower.endsWith(extension));
};

export const createDownloadsWatch = (options: DownloadsWatchOptions): Watcher => {
  const folders = new Map<string, FolderTreeWatch>();
  let timer: NodeJS.Timeout | undefined;
  let soon: NodeJS.Timeout | undefined;
  let homesWatch: FSWatcher | undefined;
  let stopped = true;

  const report = (user: string, folder: string, filePath: string, sizeBytes: number): void => {
    const name = options.pathApi.basename(filePath);
    if (!forbiddenEnding(name, options.settings().downloadExtensions)) return;
    options.logger.info({ user, file: name }, 'A program or installer was downloaded.');
    options.emit(executableDownloaded(name, folder, sizeBytes, user));
  };

  const rescan = async (): Promise<void> => {
    let homes: string[];
    try {
      homes = (await readdir(options.homesRoot, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    } catch (error) {
      options.logger.warn({ code: 'COMMAND_FAILED', err: error }, `${ERRORS.COMMAND_FAILED} (listing ${options.homesRoot} for Downloads folders)`);
      return;
    }
    for (const user of homes) {
      if (NOT_A_PERSON.has(user.toLowerCase())) continue;
      const folder = options.pathApi.join(options.homesRoot, user, 'Downloads');
      if (stopped || folders.has(folder)) continue;
      if (!(await stat(folder).then((found) => found.isDirectory(), () => false))) continue;
      const watch = watchFolderTree({
        root: folder, maxDepth: 1, stableMs: options.stableMs,
        onFile: (filePath, stats) => report(user, folder, filePath, stats.size),
        onError: (error) => options.logger.warn({ code: 'COMMAND_FAILED', err: error, folder }, 'Watching a Downloads folder failed.'),
      });
      folders.set(folder, watch);
      await watch.ready;
    }
  };

  // A new home (a first login) is picked up at once; its Downloads folder may follow a moment later.
  const rescanSoon = (): void => {
    if (soon) clearTimeout(soon);
    soon = setTimeout(() => void rescan(), 500);
  };

  return {
    async start() {
      stopped = false;
      await rescan();
      try {
        homesWatch = watch(options.homesRoot, { persistent: false }, rescanSoon);
        homesWatch.on('error', () => homesWatch?.close());
      } catch (error) {
        options.logger.warn({ code: 'COMMAND_FAILED', err: error }, `New homes under ${options.homesRoot} are found at the next rescan only.`);
      }
      timer = setInterval(() => void rescan(), options.rescanMs);
    },
    async stop() {
      stopped = true;
      homesWatch?.close();
      if (soon) clearTimeout(soon);
      if (timer) clearInterval(timer);
      for (const watch of folders.values()) watch.close();
      folders.clear();
    },
  };
};
