// Runs one command and turns any error into a coded sentence and an exit code:
// 0 done, 1 could not do it (coded error), 2 bad usage.
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import type { Logger } from '@invigilator/shared/logger.ts';
import { currentPlatform } from '../platform.ts';
import { HELP_TEXT, parseCommandLine, type CommandName } from './args.ts';
import { checkCommand } from './check.ts';
import type { CommandContext } from './context.ts';
import { diagnoseCommand } from './diagnose.ts';
import { enrollCommand } from './enroll.ts';
import { writeOut } from './output.ts';
import { runCommand } from './run.ts';
import { statusCommand } from './status.ts';

const COMMANDS: Record<CommandName, (context: CommandContext) => Promise<number>> = {
  enroll: enrollCommand,
  run: runCommand,
  check: checkCommand,
  diagnose: diagnoseCommand,
  status: statusCommand,
  help: async () => { await writeOut(HELP_TEXT); return 0; },
};

export const runCli = async (argv: readonly string[], logger: Logger): Promise<number> => {
  try {
    const line = parseCommandLine(argv);
    return await COMMANDS[line.command]({ line, logger, platform: currentPlatform() });
  } catch (error) {
    const coded = error instanceof InvigilatorError ? error : new InvigilatorError('INTERNAL', (error as Error).message, { cause: error });
    logger.error({ code: coded.code, err: coded.code === 'INTERNAL' ? error : undefined }, coded.message);
    // The sentence also goes to stderr as plain text for the person at the terminal.
    process.stderr.write(`${coded.code}: ${coded.message}\n`);
    return coded.code === 'USAGE_INVALID' ? 2 : 1;
  }
};

