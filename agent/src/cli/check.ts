// `check`: one round of every check, live or replayed from a bundle, through the same runner.
import { observationToJson } from '@invigilator/shared/wire.ts';
import { checksFor } from '../checks/index.ts';
import { liveProvider } from '../checks/live-provider.ts';
import { runChecks } from '../checks/runner.ts';
import { loadBundle } from '../diagnose/bundle-provider.ts';
import { defaultMountRoots } from '../watchers/default-mount-roots.ts';
import { optional } from './args.ts';
import type { CommandContext } from './context.ts';
import { toJsonText, writeOut } from './output.ts';

const asTable = (observations: Record<string, unknown>[]): string =>
  observations.map((observation) => {
    const reason = observation.reasonCode ? `  ${String(observation.reasonCode)}: ${String(observation.reason ?? '')}` : '';
    return `${String(observation.check).padEnd(16)} ${String(observation.status ?? 'COLLECTION_STATUS_UNSPECIFIED')}${reason}\n`;
  }).join('');

const misuseCommand = async (context: CommandContext, replayDir: string | undefined): Promise<number> => {
  const { readMisuseSnapshot } = await import('../watchers/misuse/snapshot.ts');
  const snapshot = replayDir
    ? await (async () => {
      const { manifest, provider } = loadBundle(replayDir);
      return readMisuseSnapshot(manifest.platform, provider);
    })()
    : await readMisuseSnapshot(context.platform, liveProvider);
  await writeOut(toJsonText(snapshot));
  return 0;
};

export const checkCommand = async (context: CommandContext): Promise<number> => {
  const replayDir = optional(context.line, 'replay');
  if (context.line.values.misuse) return misuseCommand(context, replayDir);
  const runs = replayDir
    ? await (async () => {
      const { manifest, provider } = loadBundle(replayDir);
      return runChecks(await checksFor(manifest.platform), provider, manifest.context);
    })()
    : await runChecks(await checksFor(context.platform), liveProvider, { removableMountRoots: defaultMountRoots(context.platform) });
  const observations = runs.map((run) => observationToJson(run.observation));
  await writeOut(context.line.values.json ? toJsonText(observations) : asTable(observations));
  return 0;
};
