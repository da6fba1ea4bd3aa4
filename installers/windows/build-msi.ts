// The MSI: wixl (msitools) from invigilator-agent.wxs, then the few things wixl cannot say
// set with msibuild (sequence numbers, secure properties, a package code derived from the
// content). For one commit to give one set of bytes: wixl fills its string pool in hash-table
// order, so the database is written again from its tables with sorted rows; and the tools stamp
// the wall clock, so they run under faketime at the commit's time.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DIST, ROOT } from '../../scripts/build-agent.ts';
import { unpackedNpmPackage } from '../../scripts/build-cache.ts';
import { quietly } from '../../scripts/build-sea.ts';

const HERE = path.join(ROOT, 'installers/windows');
export const UPGRADE_CODE = '6F3C1E2A-9B4D-4C57-8A1E-2D7B5C9E0F41';
/** The service wrapper (Windows service control for a console program) ships inside this npm package. */
const WRAPPER_PACKAGE = { name: 'node-windows', version: '1.0.0-beta.8', exe: 'bin/winsw/winsw.exe', runtimeConfig: 'bin/winsw/winsw.exe.config' };

/** Where each action runs; what wixl cannot express or does not keep stable. */
export const MSI_SEQUENCE: Record<string, number> = {
  RemoveExistingProducts: 1501, // right after InstallInitialize: the old version goes first
  Enrol: 5700, // after InstallFiles (4000), before InstallServices (5800) and StartServices (5900)
  // The agent's note of why it stops: after InstallInitialize (1500) and the old version's removal, before StopServices (1900).
  NoteUninstall: 1890,
  NoteUpgrade: 1891,
  // The state folder, on a real uninstall: after StopServices (1900) and DeleteServices (2000), while the
  // executable is still there to run (RemoveFiles is 3500).
  RemoveState: 3400,
};
export const SECURE_PROPERTIES = ['COLLECTOR', 'SECRET_FILE', 'CA_FILE', 'WIX_DOWNGRADE_DETECTED', 'WIX_UPGRADE_DETECTED'];

export interface MsiOptions {
  executable: string;
  /** x.y.z: Windows Installer compares the first three fields. */
  version: string;
  outDir: string;
  sourceDateEpoch: number;
}

/** A name-based GUID (SHA-1, RFC 4122 version 5 layout): the same inputs give the same GUID. */
export const stableGuid = (...parts: string[]): string => {
  const bytes = createHash('sha1').update(parts.join('\n')).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex').toUpperCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

const serviceWrapper = (): { exe: string; runtimeConfig: string } => {
  const unpacked = unpackedNpmPackage(path.join(DIST, 'cache/npm'), WRAPPER_PACKAGE.name, WRAPPER_PACKAGE.version);
  return { exe: path.join(unpacked, WRAPPER_PACKAGE.exe), runtimeConfig: path.join(unpacked, WRAPPER_PACKAGE.runtimeConfig) };
};

const msiinfo = (args: string[]): string => execFileSync('msiinfo', args, { encoding: 'latin1', maxBuffer: 256 * 1024 * 1024 });

/** A new database from `source`'s tables (rows sorted, tables in name order) and streams. */
const rewriteInOrder = (source: string, target: string, dir: string, at: readonly string[]): void => {
  mkdirSync(dir, { recursive: true });
  const tables = msiinfo(['tables', source]).split('\n').filter((name) => name !== '').sort();
  for (const table of tables) {
    const exported = msiinfo(['export', source, table]);
    // The code-page pseudo-table has its own layout: kept as exported.
    if (table === '_ForceCodepage') {
      writeFileSync(path.join(dir, `${table}.idt`), exported, 'latin1');
      continue;
    }
    const lines = exported.split('\r\n').join('\n').split('\n');
    const rows = lines.slice(3).filter((line) => line !== '').sort();
    writeFileSync(path.join(dir, `${table}.idt`), [...lines.slice(0, 3), ...rows, ''].join('\r\n'), 'latin1');
  }
  rmSync(target, { force: true });
  for (const table of tables) quietly('faketime', [...at, 'msibuild', target, '-i', `${table}.idt`], dir);
  for (const stream of msiinfo(['streams', source]).split('\n').filter((name) => name !== '' && !name.endsWith('SummaryInformation'))) {
    writeFileSync(path.join(dir, stream), execFileSync('msiinfo', ['extract', source, stream], { maxBuffer: 256 * 1024 * 1024 }));
    quietly('faketime', [...at, 'msibuild', target, '-a', stream, stream], dir);
  }
};

const buildMsiIn = (staging: string, { executable, version, outDir, sourceDateEpoch }: MsiOptions): string => {
  const wrapper = serviceWrapper();
  const files: Array<[string, string]> = [
    [executable, 'invigilator-agent.exe'],
    [wrapper.exe, 'invigilator-agent-service.exe'],
    [wrapper.runtimeConfig, 'invigilator-agent-service.exe.config'],
    [path.join(HERE, 'invigilator-agent-service.xml'), 'invigilator-agent-service.xml'],
    [path.join(HERE, 'invigilator-agent.wxs'), 'invigilator-agent.wxs'],
  ];
  for (const [source, name] of files) {
    copyFileSync(source, path.join(staging, name));
    utimesSync(path.join(staging, name), sourceDateEpoch, sourceDateEpoch);
  }
  mkdirSync(outDir, { recursive: true });
  const msi = path.join(outDir, `invigilator-agent-${version}-x64.msi`);
  const wixlOutput = path.join(staging, 'wixl.msi');
  rmSync(msi, { force: true });
  // Without a leading @ faketime freezes the clock (with one it would run on from there).
  const at = ['-f', `${new Date(sourceDateEpoch * 1000).toISOString().replace('T', ' ').replace(/\.\d+Z$/, '')}`];
  const contentHash = createHash('sha256');
  for (const [, name] of files) contentHash.update(readFileSync(path.join(staging, name)));
  quietly('faketime', [...at, 'wixl', '--arch', 'x64', '--output', wixlOutput,
    '-D', `Version=${version}`,
    '-D', `ProductCode=${stableGuid(UPGRADE_CODE, 'product', version)}`,
    '-D', 'AgentExe=invigilator-agent.exe',
    '-D', 'ServiceWrapper=invigilator-agent-service.exe',
    '-D', 'ServiceWrapperRuntime=invigilator-agent-service.exe.config',
    '-D', 'ServiceConfig=invigilator-agent-service.xml',
    'invigilator-agent.wxs'], staging);
  const queries = [
    ...Object.entries(MSI_SEQUENCE).map(([action, sequence]) => `UPDATE InstallExecuteSequence SET Sequence = ${sequence} WHERE Action = '${action}'`),
    `UPDATE Property SET Value = '${SECURE_PROPERTIES.join(';')}' WHERE Property = 'SecureCustomProperties'`,
  ];
  for (const query of queries) quietly('faketime', [...at, 'msibuild', wixlOutput, '-q', query]);
  rewriteInOrder(wixlOutput, msi, path.join(staging, 'tables'), at);
  // The package code names this exact package: derived from what is in it.
  quietly('faketime', [...at, 'msibuild', msi, '-s', 'Invigilator agent', 'Invigilator', 'x64;1033',
    `{${stableGuid(UPGRADE_CODE, 'package', version, contentHash.digest('hex'))}}`]);
  return msi;
};

export const buildMsi = (options: MsiOptions): string => {
  // wixl takes relative paths only: everything is staged beside the .wxs, in a folder of this
  // build's own (another process may be packaging the same version at once).
  mkdirSync(path.join(DIST, 'staging/msi'), { recursive: true });
  const staging = mkdtempSync(path.join(DIST, 'staging/msi', `${options.version}-`));
  try {
    return buildMsiIn(staging, options);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
};
