// Temporary folders for one test file, removed after each test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

/** Returns a maker of fresh folders named `<prefix>-…`; every folder made is removed after each test. */
export const useTempDirs = (prefix: string): (() => string) => {
  const dirs: string[] = [];
  afterEach(() => { for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true }); });
  return () => {
    const dir = mkdtempSync(path.join(tmpdir(), `${prefix}-`));
    dirs.push(dir);
    return dir;
  };
};
