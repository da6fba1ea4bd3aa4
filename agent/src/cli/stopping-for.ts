// `stopping-for`: an installer's note to the agent it is about to stop (see stopping/installer-note.ts).
import { existsSync } from 'node:fs';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { writeInstallerNote } from '../stopping/installer-note.ts';
import { optional, required, usageError } from './args.ts';
import { stateDirOf, type CommandContext } from './context.ts';

export const stoppingForCommand = async (context: CommandContext): Promise<number> => {
  const reason = required(context.line, 'reason');
  const nextVersion = optional(context.line, 'next-version') ?? '';
  if (reason !== 'upgrade' && reason !== 'uninstall') throw usageError(`--reason is upgrade or uninstall, not "${reason}".`);
  if (reason === 'uninstall' && nextVersion !== '') throw usageError('--next-version goes with --reason upgrade only.');
  const stateDir = stateDirOf(context);
  // No state folder: never enrolled, so no agent runs to be told.
  if (!existsSync(stateDir)) return 0;
  try {
    writeInstallerNote(stateDir, reason === 'upgrade' ? { action: 'upgrade', nextVersion } : { action: 'uninstall' });
  } catch (error) {
    throw new InvigilatorError('STATE_DIR_UNUSABLE', `(${stateDir}: ${(error as Error).message})`, { cause: error });
  }
  return 0;
};
