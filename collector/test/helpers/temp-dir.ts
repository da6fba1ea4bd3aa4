import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh folder under the OS temp dir, and a function that removes it. */
export const makeTempDir = (): { dir: string; remove: () => void } => {
  const dir = mkdtempSync(join(tmpdir(), 'invigilator-collector-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
};
