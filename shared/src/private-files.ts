// Folders and SQLite files that hold pupils' user names and file names, or a device credential:
// readable by the owner only, whatever modes they had before.
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';

const PRIVATE_DIR = 0o700;
const PRIVATE_FILE = 0o600;

/** Creates the folder when missing and makes it the owner's alone (0700). */
export const makePrivateDir = (dir: string): void => {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
  chmodSync(dir, PRIVATE_DIR);
};

/**
 * Creates the SQLite file when missing and makes it and its -wal/-shm files 0600 before SQLite opens it:
 * SQLite gives the -wal and -shm files it creates later the database file's own mode.
 */
export const makePrivateSqliteFile = (file: string): void => {
  closeSync(openSync(file, 'a', PRIVATE_FILE));
  for (const path of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) {
    try {
      chmodSync(path, PRIVATE_FILE);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
};
