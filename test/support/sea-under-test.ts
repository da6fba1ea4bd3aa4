// The single executables tests drive, built once per distinct bundle and platform and kept
// under dist/sea-test/, so a rerun with unchanged sources starts at once. As vitest
// globalSetup (the `e2e-sea` project) it points dist/sea-test/current at the Linux one.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { AGENT_NODE_FLAGS, bundleAgent, defaultStamp, DIST, type BuildStamp } from '../../scripts/build-agent.ts';
import { buildSea, SEA_TARGETS, type SeaTarget } from '../../scripts/build-sea.ts';

export const SEA_TEST_DIR = path.join(DIST, 'sea-test');
export const LINUX_TARGET = SEA_TARGETS.find((target) => target.id === 'linux-x64')!;
/** The fixed path vitest.config.ts gives the `e2e-sea` project as INVIGILATOR_AGENT_BIN. */
export const CURRENT_SEA = path.join(SEA_TEST_DIR, 'current', LINUX_TARGET.executableName);
const UNUSED_FOR_MS = 24 * 3600 * 1000;

export const buildSeaOnce = async (target: SeaTarget = LINUX_TARGET, stamp: BuildStamp = defaultStamp()): Promise<string> => {
  const bundleDir = path.join(SEA_TEST_DIR, `bundle-${process.pid}`);
  try {
    const bundle = await bundleAgent(stamp, path.join(bundleDir, 'invigilator-agent.cjs'));
    // The Node options built in (the SEA config's execArgv) are part of what is built.
    const digest = createHash('sha256').update(target.id).update(JSON.stringify(AGENT_NODE_FLAGS)).update(readFileSync(bundle)).digest('hex').slice(0, 16);
    const executable = path.join(SEA_TEST_DIR, digest, target.executableName);
    if (!existsSync(executable)) {
      // Built aside and renamed into place: a run stopped half-way leaves no broken executable behind.
      const partial = path.join(SEA_TEST_DIR, `${digest}.partial-${process.pid}`);
      rmSync(partial, { recursive: true, force: true });
      mkdirSync(partial, { recursive: true });
      buildSea(target, bundle, partial);
      renameSync(partial, path.dirname(executable));
    }
    const now = new Date();
    utimesSync(path.dirname(executable), now, now);
    return executable;
  } finally {
    rmSync(bundleDir, { recursive: true, force: true });
  }
};

/** Builds not used for a day go: each executable is about 120 MB. */
const pruneUnused = (): void => {
  for (const entry of readdirSync(SEA_TEST_DIR)) {
    const dir = path.join(SEA_TEST_DIR, entry);
    if (/^[0-9a-f]{16}$/.test(entry) && Date.now() - statSync(dir).mtimeMs > UNUSED_FOR_MS) rmSync(dir, { recursive: true, force: true });
  }
};

export default async function setup(): Promise<void> {
  const executable = await buildSeaOnce();
  const link = path.join(SEA_TEST_DIR, `current.${process.pid}`);
  symlinkSync(path.basename(path.dirname(executable)), link);
  renameSync(link, path.dirname(CURRENT_SEA));
  pruneUnused();
}
