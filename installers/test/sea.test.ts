// The single executables: what `--version` says, identical bytes from a second build, and
// each platform's binary carrying the injected agent (Windows without Node's now-broken
// Authenticode signature). The end-to-end tests run the Linux one (vitest project e2e-sea).
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleAgent, defaultStamp } from '../../scripts/build-agent.ts';
import { buildSea, SEA_TARGETS } from '../../scripts/build-sea.ts';
import { tempDir } from '../../test/support/processes.ts';
import { buildSeaOnce, LINUX_TARGET } from '../../test/support/sea-under-test.ts';

const FUSE_FLIPPED = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2:1';

describe('the single executables', () => {
  const work = tempDir('sea-test');
  afterAll(() => { spawnSync('rm', ['-rf', work]); });

  it('says its version, the commit it was built from, its Node and platform', async () => {
    const version = execFileSync(await buildSeaOnce(), ['--version'], { encoding: 'utf8' });
    const { commit } = defaultStamp();
    expect(version).toBe(`invigilator-agent 0.1.0 (commit ${commit}, Node.js ${LINUX_TARGET.nodeVersion}, linux-x64)\n`);
    expect(commit).toMatch(/^[0-9a-f]{40}(?:-modified)?$/);
  });

  it('is the same bytes when built again from the same sources', async () => {
    const cached = await buildSeaOnce();
    const bundle = await bundleAgent(defaultStamp(), path.join(work, 'bundle/invigilator-agent.cjs'));
    const again = buildSea(LINUX_TARGET, bundle, path.join(work, 'again'));
    expect(readFileSync(again).equals(readFileSync(cached))).toBe(true);
  });

  it.each(SEA_TARGETS.filter((target) => target.id !== 'linux-x64'))('carries the agent for $id', async (target) => {
    const binary = readFileSync(await buildSeaOnce(target));
    expect(binary.includes(FUSE_FLIPPED)).toBe(true);
    expect(binary.includes('invigilator-agent.cjs')).toBe(true);
    if (target.id === 'win-x64') {
      const verify = spawnSync('osslsigncode', ['verify', '-in', await buildSeaOnce(target)], { encoding: 'utf8' });
      expect(verify.stdout + verify.stderr).toMatch(/No signature found/);
    }
  });
});
