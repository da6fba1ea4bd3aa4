// The single executables tests drive, built once per distinct bundle and platform and kept
// under dist/sea-test/, so a rerun with unchanged sources starts at once. As vitest
// globalSetup (the `e2e-sea` project) it points dist/sea-test/current at the Linux one.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { AGENT_NODE_FLAGS, bundleAgent, defaultStamp, DIST, type BuildStamp } from '../../scripts/build-agent.ts';
import { partialDirFor, publishDir, withLockFile } from '../../scripts/build-cache.ts';
import { buildSea, SEA_TARGETS, type SeaTarget } from '../../scripts/build-sea.ts';

export const SEA_TEST_DIR = path.join(DIST, 'sea-test');
export const LINUX_TARGET = SEA_TARGETS.find((target) => target.id === 'linux-x64')!;
/** The fixed path vitest.config.ts gives the `e2e-sea` project as INVIGILATOR_AGENT_BIN. */
export const CURRENT_SEA = path.join(SEA_TEST_DIR, 'current', LINUX_TARGET.executableName);
const UNUSED_FOR_MS = 24 * 3600 * 1000;

/** How buildSeaOnce came by the executable: found built, built it, or waited for another process building it. */
export type SeaBuildWay = 'cached' | 'built' | 'waited';

/** Where the executable for `target` built from `bundle` is kept: one folder per bundle and platform. */
export const seaTestExecutable = (target: SeaTarget, bundle: string): string => {
  // The Node options built in (the SEA config's execArgv) are part of what is built.
  const digest = createHash('sha256').update(target.id).update(JSON.stringify(AGENT_NODE_FLAGS)).update(readFileSync(bundle)).digest('hex').slice(0, 16);
  return path.join(SEA_TEST_DIR, digest, target.executableName);
};

/**
 * The executable for `target` from the agent's current sources, built at most once per bundle
 * even when several processes ask at once (the e2e-sea and installers projects may run
 * together): one builds in a folder of its own and renames it into place whole, the others wait
 * on its lock file, so no process ever sees a half-written executable.
 */
export const buildSeaReporting = async (target: SeaTarget = LINUX_TARGET, stamp: BuildStamp = defaultStamp()): Promise<{ executable: string; way: SeaBuildWay }> => {
  mkdirSync(SEA_TEST_DIR, { recursive: true });
  const bundleDir = mkdtempSync(path.join(SEA_TEST_DIR, 'bundle-'));
  try {
    const bundle = await bundleAgent(stamp, path.join(bundleDir, 'invigilator-agent.cjs'));
    const executable = seaTestExecutable(target, bundle);
    const folder = path.dirname(executable);
    let way: SeaBuildWay = 'cached';
    if (!existsSync(folder)) {
      const { value, waited } = await withLockFile(`${folder}.lock`, () => {
        if (existsSync(folder)) return 'found' as const;
        const partial = partialDirFor(folder);
        try {
          buildSea(target, bundle, partial);
        } catch (error) {
          rmSync(partial, { recursive: true, force: true });
          throw error;
        }
        publishDir(partial, folder);
        return 'built' as const;
      });
      way = value === 'built' ? 'built' : waited ? 'waited' : 'cached';
    }
    const now = new Date();
    utimesSync(folder, now, now);
    return { executable, way };
  } finally {
    rmSync(bundleDir, { recursive: true, force: true });
  }
};

export const buildSeaOnce = async (target: SeaTarget = LINUX_TARGET, stamp: BuildStamp = defaultStamp()): Promise<string> =>
  (await buildSeaReporting(target, stamp)).executable;

/** Builds not used for a day go (each executable is about 120 MB), and so do what builds stopped half-way left. */
const pruneUnused = (): void => {
  for (const entry of readdirSync(SEA_TEST_DIR)) {
    const dir = path.join(SEA_TEST_DIR, entry);
    if (/^[0-9a-f]{16}(?:\.partial-\w+)?$|^bundle-\w+$/.test(entry) && Date.now() - statSync(dir).mtimeMs > UNUSED_FOR_MS) rmSync(dir, { recursive: true, force: true });
  }
};

export default async function setup(): Promise<void> {
  const executable = await buildSeaOnce();
  const link = path.join(SEA_TEST_DIR, `current.${process.pid}`);
  symlinkSync(path.basename(path.dirname(executable)), link);
  renameSync(link, path.dirname(CURRENT_SEA));
  pruneUnused();
}
