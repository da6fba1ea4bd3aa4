// Removing the agent's own state folder when it is uninstalled (the MSI's RemoveState action runs
// `invigilator-agent remove-state`): the device's credential, its unsent events, its status and
// settings, an installer's note and the Windows service wrapper's logs. Only a folder that is the
// agent's own is touched: it must carry the state folder's name, be a real folder (not a link),
// and hold nothing but what the agent and its service wrapper write; otherwise nothing is removed.
// Files are removed one by one by name and the folders with rmdir: never a recursive delete.
import { lstatSync, readdirSync, rmdirSync, unlinkSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { AgentPlatform } from '@invigilator/shared/checks.ts';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { defaultStateDir, statePaths } from './state.ts';
import { STOP_NOTE_FILE } from './stopping/installer-note.ts';

/** The logs folder and the log files' prefix, as installers/windows/invigilator-agent-service.xml sets them. */
export const SERVICE_LOGS_FOLDER = 'logs';
export const SERVICE_LOG_PREFIX = 'invigilator-agent-service.';

const ownFileNames = (dir: string): Set<string> => {
  const { enrolment, outbox, status, settings } = statePaths(dir);
  const names = [enrolment, status, settings].map((file) => path.basename(file));
  const outboxName = path.basename(outbox);
  return new Set([
    ...names,
    // What writeAtomically leaves when stopped between write and rename is matched apart (OWN_TEMP_FILE).
    outboxName, `${outboxName}-wal`, `${outboxName}-shm`, `${outboxName}-journal`,
    STOP_NOTE_FILE,
  ]);
};
/** enrolment.json.1234.tmp: a file write stopped before its rename. */
const OWN_TEMP_FILE = /^(?:enrolment|status|settings)\.json\.\d+\.tmp$/;

export interface StateRemoval {
  /** False when there was no folder to remove. */
  removed: boolean;
  files: number;
}

const notOurs = (dir: string, why: string): InvigilatorError => new InvigilatorError('STATE_DIR_NOT_OURS', `(${dir}: ${why})`);

const statOrUndefined = (file: string): Stats | undefined => {
  try {
    return lstatSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
};

/** Every file to remove, in order (the outbox first: on Windows an open file refuses, before the credential has gone), and the folders after. */
const plan = (dir: string, platform: AgentPlatform): { files: string[]; folders: string[] } => {
  const own = ownFileNames(dir);
  const files: string[] = [];
  const folders: string[] = [];
  const foreign: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isFile() && (own.has(entry.name) || OWN_TEMP_FILE.test(entry.name))) {
      files.push(full);
    } else if (platform === 'windows' && entry.name === SERVICE_LOGS_FOLDER && entry.isDirectory()) {
      for (const log of readdirSync(full, { withFileTypes: true })) {
        if (log.isFile() && log.name.startsWith(SERVICE_LOG_PREFIX)) files.push(path.join(full, log.name));
        else foreign.push(path.join(entry.name, log.name));
      }
      folders.push(full);
    } else {
      foreign.push(entry.name);
    }
  }
  if (foreign.length > 0) {
    throw notOurs(dir, `it holds ${foreign.slice(0, 3).map((name) => `"${name}"`).join(', ')}${foreign.length > 3 ? ` and ${foreign.length - 3} more` : ''}, which the agent did not write`);
  }
  const outboxFirst = (file: string): number => (path.basename(file).startsWith('outbox.') ? 0 : path.basename(file) === 'enrolment.json' ? 2 : 1);
  files.sort((a, b) => outboxFirst(a) - outboxFirst(b));
  return { files, folders: [...folders, dir] };
};

/** Removes the agent's state folder `dir` after checking it is the agent's own (see above); a missing folder is nothing to do. */
export const removeStateDir = (dir: string, platform: AgentPlatform): StateRemoval => {
  const paths = platform === 'windows' ? path.win32 : path.posix;
  const ownName = paths.basename(defaultStateDir(platform));
  const name = paths.basename(dir);
  const sameName = platform === 'windows' ? name.toLowerCase() === ownName.toLowerCase() : name === ownName;
  if (!paths.isAbsolute(dir)) throw notOurs(dir, 'the folder must be given by its full path');
  if (!sameName) throw notOurs(dir, `the agent's state folder is called "${ownName}"`);
  const stats = statOrUndefined(dir);
  if (!stats) return { removed: false, files: 0 };
  // A link (a Windows junction reads as one) could point anywhere.
  if (stats.isSymbolicLink()) throw notOurs(dir, 'it is a link, not a folder');
  if (!stats.isDirectory()) throw notOurs(dir, 'it is not a folder');
  const { files, folders } = plan(dir, platform);
  try {
    for (const file of files) unlinkSync(file);
    for (const folder of folders) rmdirSync(folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const hint = code === 'ENOTEMPTY' || code === 'EBUSY' || code === 'EPERM' ? '; is the agent still running? Stop its service first' : '';
    throw new InvigilatorError('STATE_DIR_UNUSABLE', `(${dir}: ${(error as Error).message}${hint})`, { cause: error });
  }
  return { removed: true, files: files.length };
};
