// This collector's name among those sharing a database: made once and kept in its data folder, so after a
// restart it knows the notifications it was sending when it stopped, and leaves every other collector's alone.
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { InvigilatorError } from '@invigilator/shared/errors.ts';

export const COLLECTOR_ID_FILE = 'collector-id';

const unusable = (file: string, error: unknown): InvigilatorError =>
  new InvigilatorError('STATE_DIR_UNUSABLE', `(${file}: ${(error as Error).message})`, { cause: error });

export const collectorId = (dataDir: string): string => {
  const file = join(dataDir, COLLECTOR_ID_FILE);
  try {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept !== '') return kept;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw unusable(file, error);
  }
  // The machine's name first, so a claim seen in the database says where it is held.
  const id = `${hostname().slice(0, 64)}/${randomUUID()}`;
  try {
    writeFileSync(file, `${id}\n`, { mode: 0o600 });
  } catch (error) {
    throw unusable(file, error);
  }
  return id;
};
