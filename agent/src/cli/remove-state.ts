// `remove-state`: for uninstallers, removes the agent's own state folder (see state-removal.ts).
import { removeStateDir } from '../state-removal.ts';
import { stateDirOf, type CommandContext } from './context.ts';
import { writeOut } from './output.ts';

export const removeStateCommand = async (context: CommandContext): Promise<number> => {
  const stateDir = stateDirOf(context);
  const result = removeStateDir(stateDir, context.platform);
  await writeOut(result.removed
    ? `Removed the agent's state folder ${stateDir} (${result.files} file(s)): this device's enrolment and unsent events are gone.\n`
    : `There is no state folder at ${stateDir}: nothing to remove.\n`);
  return 0;
};
