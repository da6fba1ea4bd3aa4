// Bundles the agent with esbuild into one CommonJS file: every dependency inside, types
// stripped ahead of time (a device does not carry the TypeScript stripper, about 20 MB of
// RSS), version and commit stamped. The single executables (scripts/build-sea.ts) embed it;
// `npm run bench` measures it beside the sources.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import agentPackage from '../agent/package.json' with { type: 'json' };

export const ROOT = path.resolve(import.meta.dirname, '..');
export const DIST = path.join(ROOT, 'dist');
export const AGENT_BUNDLE = path.join(DIST, 'agent/invigilator-agent.cjs');
/**
 * How installers start the agent (the SEA config's execArgv), each measured by `npm run bench`: lite mode trades
 * peak speed for about 18 MB of RSS; one V8 worker thread, bytecode dropped after one collection unused, and Node's
 * start-up snapshot left unread (its pages of the binary stay out of memory) about 5 MB more.
 */
export const AGENT_NODE_FLAGS: readonly string[] = ['--lite-mode', '--v8-pool-size=1', '--bytecode-old-age=1', '--no-node-snapshot'];

export interface BuildStamp {
  version: string;
  commit: string;
}

/** The commit of the checkout, with "-modified" when files differ from it (the bytes then say so). */
export const sourceCommit = (): string => {
  const git = (args: string[]): string => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  try {
    const commit = git(['rev-parse', 'HEAD']);
    return git(['status', '--porcelain', '--untracked-files=no']) === '' ? commit : `${commit}-modified`;
  } catch {
    return 'unknown';
  }
};

/**
 * Every timestamp a package holds: the commit's time (SOURCE_DATE_EPOCH when set), never
 * the build's, so two builds of one commit are byte-identical.
 */
export const sourceDateEpoch = (): number => {
  if (process.env.SOURCE_DATE_EPOCH) return Number(process.env.SOURCE_DATE_EPOCH);
  try {
    return Number(execFileSync('git', ['log', '-1', '--format=%ct'], { cwd: ROOT, encoding: 'utf8' }).trim());
  } catch {
    return 0;
  }
};

export const defaultStamp = (): BuildStamp => ({ version: agentPackage.version, commit: sourceCommit() });

export const bundleAgent = async (stamp: BuildStamp = defaultStamp(), outfile = AGENT_BUNDLE): Promise<string> => {
  mkdirSync(path.dirname(outfile), { recursive: true });
  const result = await build({
    absWorkingDir: ROOT, // paths in the output are relative: the same bytes from any checkout folder
    entryPoints: ['agent/src/cli.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node24',
    // A single executable runs CommonJS only (Node 24).
    format: 'cjs',
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'eof',
    // ws loads these native speed-ups only if present; the agent runs without them.
    external: ['bufferutil', 'utf-8-validate'],
    // ESM dependencies (node-cron) locate files beside themselves through import.meta.url,
    // which CommonJS lacks: give them this file's own URL.
    banner: { js: 'var INVIGILATOR_BUNDLE_URL = require("node:url").pathToFileURL(__filename).href;' },
    define: {
      'import.meta.url': 'INVIGILATOR_BUNDLE_URL',
      INVIGILATOR_BUILD_VERSION: JSON.stringify(stamp.version),
      INVIGILATOR_BUILD_COMMIT: JSON.stringify(stamp.commit),
    },
    logLevel: 'silent',
  });
  if (result.warnings.length > 0) {
    throw new Error(`esbuild warnings: ${result.warnings.map((warning) => warning.text).join('; ')}`);
  }
  return outfile;
};

if (import.meta.main) {
  process.stdout.write(`${await bundleAgent()}\n`);
}
