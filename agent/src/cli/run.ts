import { startAgent } from '../main.ts';
import { guardProcess } from '../process-guard.ts';
import { stateDirOf, type CommandContext } from './context.ts';

export const runCommand = async (context: CommandContext): Promise<number> => {
  const unguard = guardProcess(context.logger);
  const agent = await startAgent({ stateDir: stateDirOf(context), platform: context.platform, logger: context.logger });
  const signal = await new Promise<string>((resolve) => {
    for (const name of ['SIGTERM', 'SIGINT'] as const) process.once(name, () => resolve(name));
  });
  context.logger.info({ signal }, 'Stopping the agent.');
  await agent.stop(signal);
  unguard();
  return 0;
};
