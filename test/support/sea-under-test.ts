// The Linux single executable the `e2e-sea` test project drives (vitest globalSetup):
// built once per distinct bundle and kept under dist/sea-test/, so a rerun with
// unchanged sources starts at once.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { bundleAgent, defaultStamp, DIST, type BuildStamp } from '../../scripts/build-agent.ts';
import { buildSea, SEA_TARGETS } from '../../scripts/build-sea.ts';

export const SEA_TEST_DIR = path.join(DIST, 'sea-test');
const LINUX = SEA_TARGETS.find((target) => target.id === 'linux-x64')!;
/** The fixed path vitest.config.ts gives the `e2e-sea` project as INVIGILATOR_AGENT_BIN. */
export const CURRENT_SEA = path.join(SEA_TEST_DIR, 'current', LINUX.executableName);

export const buildLinuxSeaOnce = async (stamp: BuildStamp = defaultStamp()): Promise<string> => {
  const bundle = await bundleAgent(stamp, path.join(SEA_TEST_DIR, `bundle-${process.pid}/invigilator-agent.cjs`));
  const digest = createHash('sha256').update(readFileSync(bundle)).digest('hex').slice(0, 16);
  const executable = path.join(SEA_TEST_DIR, digest, LINUX.executableName);
  if (existsSync(executable)) {
    rmSync(path.dirname(bundle), { recursive: true, force: true });
    return executable;
  }
  // Built aside and renamed into place: a run stopped half-way leaves no broken executable behind.
  const partial = path.join(SEA_TEST_DIR, `${digest}.partial`);
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  buildSea(LINUX, bundle, partial);
  renameSync(partial, path.dirname(executable));
  rmSync(path.dirname(bundle), { recursive: true, force: true });
  return executable;
};

/** vitest globalSetup: points dist/sea-test/current at the executable built from these sources. */
export default async function setup(): Promise<void> {
  const executable = await buildLinuxSeaOnce();
  const link = path.join(SEA_TEST_DIR, `current.${process.pid}`);
  symlinkSync(path.basename(path.dirname(executable)), link);
  renameSync(link, path.dirname(CURRENT_SEA));
  // Each executable is ~120 MB: older builds go.
  for (const entry of readdirSync(SEA_TEST_DIR)) {
    if (/^[0-9a-f]{16}$/.test(entry) && entry !== path.basename(path.dirname(executable))) rmSync(path.join(SEA_TEST_DIR, entry), { recursive: true, force: true });
  }
}
