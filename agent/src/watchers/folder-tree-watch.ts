// Files written under a folder, reported once each has stopped changing. One
// kernel watch per FOLDER (fs.watch, not recursive), never one per file: a
// memory stick of 20,000 files in 200 folders costs 200 watches and no file list
// in memory. Files already there at start are not reported; a folder that
// appears later is read once and its files are reported (a folder copied in).
import { watch, type FSWatcher, type Stats } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';

export interface FolderTreeWatchOptions {
  root: string;
  /** How many folder levels below root are watched (0: the root only). */
  maxDepth: number;
  /** How long a file must stay unchanged before it is reported. */
  stableMs: number;
  onFile: (filePath: string, stats: Stats) => void;
  onError: (error: Error, folder: string) => void;
}

export interface FolderTreeWatch {
  /** Resolves once every existing folder is watched. */
  ready: Promise<void>;
  close(): void;
  /** Folders currently watched (for the bench and tests). */
  folderCount(): number;
}

export const watchFolderTree = (options: FolderTreeWatchOptions): FolderTreeWatch => {
  const watchers = new Map<string, FSWatcher>();
  const pending = new Map<string, NodeJS.Timeout>();
  let closed = false;

  const depthOf = (folder: string): number =>
    folder === options.root ? 0 : path.relative(options.root, folder).split(path.sep).length;

  /** Empty files are looked at again a few times: a busy writer may create a file and fill it a moment later. */
  const EMPTY_RECHECKS = 3;

  const settle = (filePath: string, emptyChecks = 0): void => {
    const previous = pending.get(filePath);
    if (previous) clearTimeout(previous);
    pending.set(filePath, setTimeout(() => {
      pending.delete(filePath);
      if (closed) return;
      lstat(filePath).then((stats) => {
        if (closed) return;
        if (stats.isDirectory()) void addFolder(filePath, true);
        else if (stats.isFile() && stats.size === 0 && emptyChecks < EMPTY_RECHECKS) settle(filePath, emptyChecks + 1);
        else if (stats.isFile()) options.onFile(filePath, stats);
      }, () => undefined); // gone again: a temporary file
    }, options.stableMs));
  };

  const addFolder = async (folder: string, reportFiles: boolean): Promise<void> => {
    if (closed || watchers.has(folder) || depthOf(folder) > options.maxDepth) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(folder, { persistent: false }, (_event, name) => {
        if (name) settle(path.join(folder, name.toString()));
      });
    } catch (error) {
      options.onError(error as Error, folder);
      return;
    }
    watcher.on('error', (error) => {
      watchers.delete(folder);
      watcher.close();
      // A folder deleted or a volume unmounted ends its watch; anything else is worth a warning.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && (error as NodeJS.ErrnoException).code !== 'EPERM') options.onError(error, folder);
    });
    watchers.set(folder, watcher);
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const child = path.join(folder, entry.name);
      if (entry.isDirectory()) await addFolder(child, reportFiles);
      else if (reportFiles && entry.isFile()) settle(child);
    }
  };

  const ready = addFolder(options.root, false);
  return {
    ready,
    close() {
      closed = true;
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
    folderCount: () => watchers.size,
  };
};
