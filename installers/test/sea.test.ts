// The single executables: what `--version` says, identical bytes from a second build, and
// each platform's binary carrying the injected agent (Windows without Node's now-broken
// Authenticode signature). The end-to-end tests run the Linux one (vitest project e2e-sea).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleAgent, defaultStamp } from '../../scripts/build-agent.ts';
import { buildSea, SEA_TARGETS } from '../../scripts/build-sea.ts';
import { tempDir } from '../../test/support/processes.ts';
import { buildSeaOnce, LINUX_TARGET, SEA_TEST_DIR, seaTestExecutable } from '../../test/support/sea-under-test.ts';

const FUSE_FLIPPED = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2:1';
const BUILD_SEA_ONCE = path.join(import.meta.dirname, 'support/build-sea-once.ts');

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A process running build-sea-once.ts: its exit code and what it printed. */
const buildInChild = (version: string): { done: Promise<{ code: number | null; stdout: string; stderr: string }>; kill(): void } => {
  const child = spawn(process.execPath, [BUILD_SEA_ONCE, version], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  return {
    done: new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr }))),
    kill: () => { child.kill('SIGKILL'); },
  };
};

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

  it('is built once, and whole, when two processes ask for it at the same moment', async () => {
    // A version no build has made yet, so the executable is not in the cache and both must get it built.
    const version = `0.1.0-race.${randomBytes(4).toString('hex')}`;
    const bundle = await bundleAgent({ ...defaultStamp(), version }, path.join(work, 'race/invigilator-agent.cjs'));
    const executable = seaTestExecutable(LINUX_TARGET, bundle);
    const folder = path.dirname(executable);
    const builders = [buildInChild(version), buildInChild(version)];
    try {
      // Watch the executable's place while they build: the first time anything is there it must be
      // the finished executable, byte for byte, and it must run.
      let firstSeen: { sha: string; version: string } | undefined;
      let running = true;
      const finished = Promise.all(builders.map((builder) => builder.done)).finally(() => { running = false; });
      while (running && !firstSeen) {
        if (existsSync(executable)) {
          firstSeen = { sha: sha256(executable), version: execFileSync(executable, ['--version'], { encoding: 'utf8' }) };
        } else {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      }
      const results = await finished;
      for (const result of results) expect(result, result.stderr).toMatchObject({ code: 0 });
      const reports = results.map((result) => JSON.parse(result.stdout) as { executable: string; way: string });
      expect(reports.map((report) => report.executable)).toEqual([executable, executable]);
      // One built it; the other found the lock taken and waited for it, rather than building alongside.
      expect(reports.map((report) => report.way).sort()).toEqual(['built', 'waited']);
      const said = execFileSync(executable, ['--version'], { encoding: 'utf8' });
      expect(said.startsWith(`invigilator-agent ${version} (commit `)).toBe(true);
      expect(firstSeen, 'the executable appeared only after both builders had finished').toBeDefined();
      expect(firstSeen).toEqual({ sha: sha256(executable), version: said });
      // Nothing of the build is left beside it: no partial folder, no lock.
      expect(readdirSync(SEA_TEST_DIR).filter((entry) => entry.startsWith(`${path.basename(folder)}.`))).toEqual([]);
    } finally {
      for (const builder of builders) builder.kill();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
