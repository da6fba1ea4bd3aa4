// Builds a real diagnostic bundle (the agent's own writer, format version 1) from
// raw outputs, and replays one through the real CLI. The same run that records
// the bundle gives the observations the checks make in-process.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AgentPlatform } from '@invigilator/shared/checks.ts';
import { observationToJson } from '@invigilator/shared/wire.ts';
import { checksFor } from '@invigilator/agent/checks/index.ts';
import { liveProvider } from '@invigilator/agent/checks/live-provider.ts';
import { runChecks } from '@invigilator/agent/checks/runner.ts';
import type { CheckContext, SourceProvider, SourceSpec } from '@invigilator/agent/checks/types.ts';
import { writeBundle } from '@invigilator/agent/diagnose/bundle-writer.ts';
import type { BundleManifest } from '@invigilator/agent/diagnose/manifest.ts';
import { recordingProvider } from '@invigilator/agent/diagnose/recording-provider.ts';
import { readMisuseSnapshot, type MisuseSnapshot } from '@invigilator/agent/watchers/misuse/snapshot.ts';
import { AGENT_BIN, ROOT, runCli } from './processes.ts';

/** What one source printed on the device. */
export interface RawSourceOutput {
  stdout: string;
  stderr?: string;
  exitCode?: number;
  /** When the device read it (epoch ms), as the live provider records it. */
  collectedAtMs?: number;
}

export type RawOutputs = Readonly<Record<string, RawSourceOutput>>;

export const fixtureText = (platform: AgentPlatform, name: string): string =>
  readFileSync(path.join(ROOT, 'test/fixtures', platform, name), 'utf8');

/** Serves the given outputs; any other id reads as not captured, as a bundle does. */
const outputsProvider = (outputs: RawOutputs): SourceProvider => ({
  read: (spec: SourceSpec) => {
    const output = outputs[spec.id];
    return Promise.resolve(output
      ? {
        id: spec.id, exitCode: output.exitCode ?? 0, stdout: output.stdout, stderr: output.stderr ?? '', durationMs: 1,
        ...(output.collectedAtMs !== undefined ? { collectedAtMs: output.collectedAtMs } : {}),
      }
      : { id: spec.id, exitCode: null, stdout: '', stderr: '', durationMs: 0, errorCode: 'SOURCE_NOT_CAPTURED', errorDetail: spec.id });
  },
});

export interface BuiltBundle {
  manifest: BundleManifest;
  /** observationToJson of each check's observation, made in-process from the same outputs. */
  expected: Record<string, unknown>[];
}

/**
 * Runs every check of the platform over the outputs and writes what they read to
 * `dir`. Sources the checks asked for but the outputs lack stay out of the bundle.
 */
export const buildBundle = async (dir: string, platform: AgentPlatform, outputs: RawOutputs, context: CheckContext): Promise<BuiltBundle> => {
  const recorder = recordingProvider(outputsProvider(outputs));
  const runs = await runChecks(await checksFor(platform), recorder, context);
  const captured = (await recorder.recorded()).filter((source) => Object.hasOwn(outputs, source.spec.id));
  const manifest = writeBundle(dir, {
    platform, osName: platform, osVersion: 'fixtures', agentVersion: '0.1.0', collectedAt: new Date('2026-01-12T08:00:00Z'), context,
  }, captured);
  return { manifest, expected: runs.map((run) => observationToJson(run.observation)) };
};

/** `invigilator-agent check --replay <dir> --json`, run by this Node, parsed. */
export const replayWithCli = (dir: string): Record<string, unknown>[] =>
  JSON.parse(runCli(AGENT_BIN, ['check', '--replay', dir, '--json'])) as Record<string, unknown>[];

/**
 * The device's files and folders as real ones under `root` (C:\Users\x -> <root>/C/Users/x, /Users/x -> <root>/Users/x),
 * read by the agent's own live provider (so cut to what a reader keeps, as on the device); commands from the outputs.
 */
const filesUnder = (root: string, commands: SourceProvider): SourceProvider => ({
  read: async (spec: SourceSpec) => {
    if (spec.kind === 'command') return commands.read(spec);
    const onDevice = spec.path.replace(/^([A-Za-z]):\\/, '$1/').split(/[\\/]/).filter(Boolean);
    return { ...await liveProvider.read({ ...spec, path: path.join(root, ...onDevice) }), id: spec.id };
  },
});

/**
 * Writes a bundle of the misuse watchers' sources from the outputs (and, with `files`, the device's files made
 * under that folder); returns what they make of it in-process.
 */
export const buildMisuseBundle = async (dir: string, platform: AgentPlatform, outputs: RawOutputs, files?: string): Promise<MisuseSnapshot> => {
  const recorder = recordingProvider(files ? filesUnder(files, outputsProvider(outputs)) : outputsProvider(outputs));
  const snapshot = await readMisuseSnapshot(platform, recorder);
  // Every file and folder read is kept, found or not, as on a device; commands only where the outputs have them.
  const captured = (await recorder.recorded()).filter((source) => Object.hasOwn(outputs, source.spec.id) || (files !== undefined && source.spec.kind !== 'command'));
  writeBundle(dir, {
    platform, osName: platform, osVersion: 'fixtures', agentVersion: '0.1.0', collectedAt: new Date('2026-01-12T08:00:00Z'), context: { removableMountRoots: [] },
  }, captured);
  return snapshot;
};

/** `invigilator-agent check --replay <dir> --misuse`, parsed. */
export const replayMisuseWithCli = (dir: string): MisuseSnapshot =>
  JSON.parse(runCli(AGENT_BIN, ['check', '--replay', dir, '--misuse'])) as MisuseSnapshot;
