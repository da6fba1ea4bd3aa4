// `diagnose`: one round of every check with every raw output kept in a bundle.
import { observationToJson } from '@invigilator/shared/wire.ts';
import { AGENT_VERSION } from '../agent-version.ts';
import { checksFor } from '../checks/index.ts';
import { liveProvider } from '../checks/live-provider.ts';
import { runChecks } from '../checks/runner.ts';
import { writeBundle } from '../diagnose/bundle-writer.ts';
import { recordingProvider } from '../diagnose/recording-provider.ts';
import { DEVICE_FACTS_TIMEOUT_MS, gatherDeviceFacts } from '../device-facts.ts';
import { readMisuseSnapshot } from '../watchers/misuse/snapshot.ts';
import { defaultMountRoots } from '../watchers/default-mount-roots.ts';
import { required } from './args.ts';
import type { CommandContext } from './context.ts';
import { toJsonText, writeOut } from './output.ts';

export const diagnoseCommand = async (context: CommandContext): Promise<number> => {
  const outDir = required(context.line, 'out');
  const checkContext = { removableMountRoots: defaultMountRoots(context.platform) };
  const provider = recordingProvider(liveProvider);
  const [runs, facts, misuse] = await Promise.all([
    checksFor(context.platform).then((checks) => runChecks(checks, provider, checkContext)),
    gatherDeviceFacts(context.platform, context.logger, DEVICE_FACTS_TIMEOUT_MS, provider),
    readMisuseSnapshot(context.platform, provider),
  ]);
  const manifest = writeBundle(outDir, {
    platform: context.platform,
    osName: facts.osName ?? '',
    osVersion: facts.osVersion ?? '',
    agentVersion: AGENT_VERSION,
    collectedAt: new Date(),
    context: checkContext,
  }, await provider.recorded(), {
    'observations.json': toJsonText(runs.map((run) => observationToJson(run.observation))),
    'misuse.json': toJsonText(misuse),
  });
  await writeOut(`Wrote a diagnostic bundle with ${manifest.sources.length} source(s) from ${runs.length} check(s) to ${outDir}\n`);
  return 0;
};
