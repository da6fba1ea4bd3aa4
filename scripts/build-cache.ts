// Build caches under dist/ that several processes may fill at once (`npm run package`, the
// e2e-sea and installers test projects): whatever is cached is made in a folder of its own and
// renamed into place whole, so no process ever sees half of it; a lock file stops two
// processes doing the same long work, but correctness never rests on it.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

/** A fresh folder beside `final` to build it in (same file system, so the rename is atomic), readable by all as a cache folder is. */
export const partialDirFor = (final: string): string => {
  mkdirSync(path.dirname(final), { recursive: true });
  const partial = mkdtempSync(`${final}.partial-`);
  chmodSync(partial, 0o755);
  return partial;
};

/**
 * Renames a finished folder into place. When another process put one there first, ours is
 * thrown away: both were built from the same inputs.
 */
export const publishDir = (partial: string, final: string): string => {
  try {
    renameSync(partial, final);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if ((code !== 'ENOTEMPTY' && code !== 'EEXIST') || !existsSync(final)) throw error;
    rmSync(partial, { recursive: true, force: true });
  }
  return final;
};

/** The npm package `name@version`, fetched with the npm client (which checks its integrity) and unpacked once into cacheDir. */
export const unpackedNpmPackage = (cacheDir: string, name: string, version: string): string => {
  const unpacked = path.join(cacheDir, `${name}-${version}`);
  if (existsSync(unpacked)) return unpacked;
  const partial = partialDirFor(unpacked);
  try {
    const download = path.join(partial, 'download');
    mkdirSync(download);
    execFileSync('npm', ['pack', `${name}@${version}`, '--pack-destination', download, '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
    const [tarball] = readdirSync(download);
    if (!tarball) throw new Error(`npm pack ${name}@${version} wrote no tarball`);
    execFileSync('tar', ['-xzf', path.join(download, tarball), '-C', partial, '--strip-components=1']);
    rmSync(download, { recursive: true, force: true });
    return publishDir(partial, unpacked);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    throw error;
  }
};

const LOCK_POLL_MS = 250;
/** A lock file with no process id in it yet is being written; older than this, its writer died. */
const UNWRITTEN_LOCK_MS = 10_000;

const processAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** True when the lock's holder has died without removing it. */
const lockAbandoned = (lockFile: string): boolean => {
  try {
    const pid = Number(readFileSync(lockFile, 'utf8').split(' ')[0]);
    return Number.isInteger(pid) && pid > 0 ? !processAlive(pid) : Date.now() - statSync(lockFile).mtimeMs > UNWRITTEN_LOCK_MS;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false; // released meanwhile: try again
    throw error;
  }
};

/**
 * Runs `work` holding `lockFile` (created with O_EXCL), waiting while another live process
 * holds it; says whether it had to wait. After waiting up to `maxWaitMs` it runs anyway.
 */
export const withLockFile = async <T>(lockFile: string, work: () => T | Promise<T>, maxWaitMs = 15 * 60_000): Promise<{ value: T; waited: boolean }> => {
  const token = `${process.pid} ${randomUUID()}\n`;
  const deadline = Date.now() + maxWaitMs;
  let waited = false;
  let held = false;
  mkdirSync(path.dirname(lockFile), { recursive: true });
  while (!held && Date.now() < deadline) {
    try {
      const fd = openSync(lockFile, 'wx', 0o644);
      try {
        writeSync(fd, token);
      } finally {
        closeSync(fd);
      }
      held = true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (lockAbandoned(lockFile)) {
        rmSync(lockFile, { force: true });
        continue;
      }
      waited = true;
      await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
    }
  }
  try {
    return { value: await work(), waited };
  } finally {
    // Only our own lock is removed: one taken over as abandoned belongs to someone else now.
    try {
      if (held && readFileSync(lockFile, 'utf8') === token) unlinkSync(lockFile);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
};
