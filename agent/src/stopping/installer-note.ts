// An installer about to stop the agent says why in a small file in the state folder (the
// service manager passes nothing else along): "upgrade [new version]" or "uninstall". The
// .deb's prerm, the macOS package scripts and the MSI write it just before they stop the
// service; the agent reads it once and removes it, and ignores one left over from a stop
// that did not happen (older than NOTE_MAX_AGE_MS, or found at start).
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const STOP_NOTE_FILE = 'stopping-for';
export const NOTE_MAX_AGE_MS = 10 * 60_000;

export type InstallerNote = { action: 'upgrade'; nextVersion: string } | { action: 'uninstall' };

export const parseInstallerNote = (text: string): InstallerNote | undefined => {
  const [action, nextVersion = ''] = (text.replace(/\r/g, '').split('\n')[0] ?? '').trim().split(/\s+/);
  if (action === 'uninstall') return { action };
  if (action === 'upgrade') return { action, nextVersion: nextVersion.slice(0, 64) };
  return undefined;
};

/** Removes a note; a missing file is nothing to do. */
export const discardInstallerNote = (stateDir: string): void => {
  rmSync(path.join(stateDir, STOP_NOTE_FILE), { force: true });
};

/** The installer's note if one was written within NOTE_MAX_AGE_MS, removed once read; throws when it cannot be read. */
export const takeInstallerNote = (stateDir: string, now: number = Date.now()): InstallerNote | undefined => {
  const file = path.join(stateDir, STOP_NOTE_FILE);
  let text: string;
  let writtenAt: number;
  try {
    writtenAt = statSync(file).mtimeMs;
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined; // no note: the usual case
    throw error;
  }
  discardInstallerNote(stateDir);
  return now - writtenAt <= NOTE_MAX_AGE_MS ? parseInstallerNote(text) : undefined;
};

/** What an installer writes (through `invigilator-agent stopping-for` where it cannot write a file itself, as in the MSI). */
export const writeInstallerNote = (stateDir: string, note: InstallerNote): void => {
  writeFileSync(path.join(stateDir, STOP_NOTE_FILE), note.action === 'upgrade' ? `upgrade ${note.nextVersion}\n` : 'uninstall\n', { mode: 0o600 });
};
