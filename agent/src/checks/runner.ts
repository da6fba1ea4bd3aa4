import { CollectionStatus, type Observation } from '@invigilator/shared/wire.ts';
import { ERRORS } from '@invigilator/shared/errors.ts';
import type { CheckContext, Collected, PlatformCheck, SourceProvider, SourceResult } from './types.ts';

/** Rounds of `sources()` before the runner stops asking (guards a check that keeps asking). */
const MAX_SOURCE_ROUNDS = 4;

export interface CheckRun {
  observation: Observation;
  collected: Collected;
}

export const runCheck = async (check: PlatformCheck, provider: SourceProvider, context: CheckContext): Promise<CheckRun> => {
  const collected = new Map<string, SourceResult>();
  for (let round = 0; round < MAX_SOURCE_ROUNDS; round += 1) {
    const pending = check.sources(collected, context).filter((spec) => !collected.has(spec.id));
    if (pending.length === 0) break;
    const results = await Promise.all(pending.map((spec) => provider.read(spec)));
    for (const result of results) collected.set(result.id, result);
  }
  let finding;
  try {
    finding = check.interpret(collected, context);
  } catch (error) {
    finding = {
      status: CollectionStatus.COULD_NOT_COLLECT,
      reasonCode: 'CHECK_CRASHED',
      reason: `${ERRORS.CHECK_CRASHED} (${(error as Error).message})`,
    };
  }
  return {
    observation: { ...finding, check: check.check, sourceIds: [...collected.keys()] },
    collected,
  };
};

/** Runs checks side by side: a hung tool costs only its own check, and only its timeout. */
export const runChecks = (checks: readonly PlatformCheck[], provider: SourceProvider, context: CheckContext): Promise<CheckRun[]> =>
  Promise.all(checks.map((check) => runCheck(check, provider, context)));
