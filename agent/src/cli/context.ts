// What every command shares: the logger, the platform, the state folder.
import type { AgentPlatform } from '@invigilator/shared/checks.ts';
import type { Logger } from '@invigilator/shared/logger.ts';
import { defaultStateDir } from '../state.ts';
import { optional, type CommandLine } from './args.ts';

export interface CommandContext {
  line: CommandLine;
  logger: Logger;
  platform: AgentPlatform;
}

export const stateDirOf = (context: CommandContext): string => optional(context.line, 'state-dir') ?? defaultStateDir(context.platform);
