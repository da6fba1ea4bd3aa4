// Filter-bypass tools installed but not running: the folders where programs are
// installed or unpacked (Applications, Program Files, /opt, a pupil's Desktop and
// Downloads, desktop launchers) are listed at start and then hourly; an entry whose
// name matches the school's list is reported once per agent run. Only names are
// read (one directory listing per folder), never file contents.
import { readdir } from 'node:fs/promises';
import type { PlatformPath } from 'node:path';
import { ERRORS, codeOf } from '@invigilator/shared/errors.ts';
import { createPoller } from '../poller.ts';
import type { Watcher } from '../types.ts';
import { matchBypassTool } from './bypass-match.ts';
import { bypassToolInstalled } from './misuse-events.ts';
import type { CommonMisuseOptions } from './platform-watchers.ts';

export interface InstalledAppsOptions extends CommonMisuseOptions {
  /** Folders whose entries are programs, given a home folder name per user; `*` in a path is each home. */
  folders: readonly string[];
  homesRoot: string;
  pathApi: PlatformPath;
  intervalMs: number;
}

const listNames = async (folder: string): Promise<string[]> => readdir(folder).catch(() => []);

/** The folders to list: each `*` is replaced by every person's home folder name. */
export const expandFolders = async (folders: readonly string[], homesRoot: string, pathApi: PlatformPath): Promise<string[]> => {
  const homes = (await listNames(homesRoot)).filter((name) => !name.startsWith('.'));
  return folders.flatMap((folder) => (folder.includes('*')
    ? homes.map((home) => folder.replace('*', pathApi.join(homesRoot, home)))
    : [folder]));
};

export const createInstalledAppsWatch = (options: InstalledAppsOptions): Watcher => {
  const reported = new Set<string>();
  const look = async (): Promise<void> => {
    const settings = options.settings();
    for (const folder of await expandFolders(options.folders, options.homesRoot, options.pathApi)) {
      for (const name of await listNames(folder)) {
        const location = options.pathApi.join(folder, name);
        if (reported.has(location)) continue;
        // The entry's own name decides (matchBypassTool would also weigh its parent folders).
        const tool = matchBypassTool(name, settings);
        if (!tool) continue;
        reported.add(location);
        options.logger.info({ tool, location }, 'A filter-bypass tool is installed.');
        options.emit(bypassToolInstalled(tool, location, await options.currentUser()));
      }
    }
  };
  return createPoller(look, options.intervalMs, (error) =>
    options.logger.warn({ code: codeOf(error), err: error }, `${ERRORS[codeOf(error)]} (listing installed programs)`));
};

const HOURLY = 3_600_000;

/** Where each platform's programs are installed or unpacked (`*` = each home folder). */
export const INSTALL_FOLDERS = {
  linux: ['/opt', '/usr/share/applications', '/var/lib/flatpak/app', '/snap', '*', '*/Desktop', '*/Downloads', '*/.local/share/applications'],
  macos: ['/Applications', '*/Applications', '*/Desktop', '*/Downloads'],
  windows: ['C:\\Program Files', 'C:\\Program Files (x86)', '*\\AppData\\Local', '*\\AppData\\Local\\Programs', '*\\Desktop', '*\\Downloads'],
} as const;

export const INSTALLED_APPS_INTERVAL_MS = HOURLY;
