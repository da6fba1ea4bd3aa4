// `npm run package`: every installer artefact into dist/packages/ on this Linux machine — the
// single executables, the .deb, the MSI, the macOS layout — built twice to show the second
// build gives the same bytes, with SHA256SUMS beside them. Debian tools missing are installed
// (as root) or named in one sentence.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildDeb } from '../installers/linux/build-deb.ts';
import { buildMacLayout } from '../installers/macos/build-layout.ts';
import { buildMsi } from '../installers/windows/build-msi.ts';
import { DIST, defaultStamp, sourceDateEpoch, type BuildStamp } from './build-agent.ts';
import { buildAllSea, SEA_TARGETS } from './build-sea.ts';
import { ensureTools, PACKAGE_TOOLS } from './test-tools.ts';

export const PACKAGES = path.join(DIST, 'packages');

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');
const print = (line: string): void => { process.stdout.write(`${line}\n`); };

/** Every file under dir, relative, sorted. */
const filesUnder = (dir: string): string[] => readdirSync(dir, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
  .sort();

const buildEverything = async (outDir: string, stamp: BuildStamp, epoch: number): Promise<void> => {
  rmSync(outDir, { recursive: true, force: true });
  const executables = await buildAllSea(outDir, stamp);
  const executableFor = (id: string): string => executables[SEA_TARGETS.findIndex((target) => target.id === id)]!;
  buildDeb({ executable: executableFor('linux-x64'), version: stamp.version, outDir, sourceDateEpoch: epoch });
  buildMsi({ executable: executableFor('win-x64'), version: stamp.version, outDir, sourceDateEpoch: epoch });
  buildMacLayout({
    executable: executableFor('darwin-x64'), version: stamp.version, outDir: path.join(outDir, 'macos'),
    ...(process.env.INVIGILATOR_COLLECTOR ? { collector: process.env.INVIGILATOR_COLLECTOR } : {}),
    ...(process.env.INVIGILATOR_APPLE_TEAM_ID ? { teamId: process.env.INVIGILATOR_APPLE_TEAM_ID } : {}),
  });
};

const main = async (): Promise<number> => {
  if (ensureTools(PACKAGE_TOOLS, 'npm run package') !== 0) return 1;
  const stamp = defaultStamp();
  const epoch = sourceDateEpoch();
  print(`Packaging invigilator-agent ${stamp.version} (commit ${stamp.commit}), file times ${new Date(epoch * 1000).toISOString()}`);
  await buildEverything(PACKAGES, stamp, epoch);
  const files = filesUnder(PACKAGES);
  const sums = files.map((file) => `${sha256(path.join(PACKAGES, file))}  ${file}`);
  writeFileSync(path.join(PACKAGES, 'SHA256SUMS'), `${sums.join('\n')}\n`);

  print('Building everything a second time to check the bytes are the same...');
  const second = path.join(DIST, 'staging/second-build');
  await buildEverything(second, stamp, epoch);
  const differing = files.filter((file) => sha256(path.join(second, file)) !== sha256(path.join(PACKAGES, file)));
  rmSync(second, { recursive: true, force: true });

  print('');
  for (const [index, file] of files.entries()) {
    const mb = statSync(path.join(PACKAGES, file)).size / 1024 / 1024;
    print(`  ${file.padEnd(56)} ${mb.toFixed(1).padStart(7)} MB  ${sums[index]!.slice(0, 16)}…`);
  }
  print('');
  if (differing.length > 0) {
    process.stderr.write(`Not reproducible: a second build gave different bytes for ${differing.join(', ')}.\n`);
    return 1;
  }
  print(`All ${files.length} files identical in a second build. Checksums: ${path.relative(process.cwd(), path.join(PACKAGES, 'SHA256SUMS'))}`);
  print('macOS: on a Mac, run dist/packages/macos/build-pkg.sh (installers/README.md) to sign and build the .pkg.');
  return 0;
};

if (import.meta.main) process.exitCode = await main();
