// The agent's commands on the shared dispatcher: 0 done, 1 could not do it (coded error), 2 mistyped.
// A failure is logged (to the log) and said once, in one sentence, on stderr.
import { dispatch, processIo, type CliIo, type CommandSpec, type Program } from '@invigilator/shared/cli/dispatcher.ts';
import { codeOf } from '@invigilator/shared/errors.ts';
import type { Logger } from '@invigilator/shared/logger.ts';
import { AGENT_COMMIT, AGENT_VERSION } from '../agent-version.ts';
import { currentPlatform } from '../platform.ts';
import { COMMAND_OPTIONS, type CommandName } from './args.ts';
import type { CommandContext } from './context.ts';

interface AgentCliContext { logger: Logger }

// Each command's modules are loaded when it runs: the service (`run`) holds none of the others' in memory.

const COMMANDS: Record<CommandName, { summary: string; notes?: string; run: (context: CommandContext) => Promise<number> }> = {
  enroll: {
    summary: 'Enrols this device with the school\'s collector and prints the device id.',
    notes: 'The secret comes from --secret-file, else INVIGILATOR_ENROLMENT_SECRET, else --secret.',
    run: async (context) => (await import('./enroll.ts')).enrollCommand(context),
  },
  run: { summary: 'Runs the agent until stopped (SIGTERM or Ctrl-C): checks on the collector\'s schedule, watchers, streaming.', run: async (context) => (await import('./run.ts')).runCommand(context) },
  check: { summary: 'Runs every check once and prints the observations (no network, no state).', run: async (context) => (await import('./check.ts')).checkCommand(context) },
  diagnose: { summary: 'Writes a diagnostic bundle (the raw output of every check) for a developer to replay.', run: async (context) => (await import('./diagnose.ts')).diagnoseCommand(context) },
  status: { summary: 'Says whether this device is enrolled, whether the agent runs and is connected, and what waits in its outbox.', run: async (context) => (await import('./status.ts')).statusCommand(context) },
  'stopping-for': {
    summary: 'For installers: tells the running agent why it is about to be stopped (upgrade or uninstall), which it reports as its last event.',
    notes: 'Run just before the installer stops the service; the agent reads the note once as it stops.',
    run: async (context) => (await import('./stopping-for.ts')).stoppingForCommand(context),
  },
  'remove-state': {
    summary: 'For uninstallers: removes the agent\'s state folder (its enrolment, unsent events, status and logs) once the agent has stopped.',
    notes: 'Removes nothing unless the folder is the agent\'s own: named as the state folder, not a link, holding only what the agent writes.',
    run: async (context) => (await import('./remove-state.ts')).removeStateCommand(context),
  },
};

const commands: CommandSpec<AgentCliContext>[] = (Object.keys(COMMANDS) as CommandName[]).map((name) => ({
  name,
  summary: COMMANDS[name].summary,
  ...(COMMANDS[name].notes ? { notes: COMMANDS[name].notes } : {}),
  options: COMMAND_OPTIONS[name],
  run: (values, { logger }) => COMMANDS[name].run({ line: { command: name, values }, logger, platform: currentPlatform() }),
}));

export const AGENT_PROGRAM: Program<AgentCliContext> = {
  name: 'invigilator-agent',
  intro: 'invigilator-agent: watches this school device for what the school\'s e-safety policy asks, and reports to the collector.',
  commands,
  // "0.1.0 (commit 1a2b3c…, Node.js 24.21.0, linux-x64)": enough for a technician to say what runs.
  version: () => `${AGENT_VERSION} (${AGENT_COMMIT === 'source' ? 'run from source' : `commit ${AGENT_COMMIT}`}, Node.js ${process.versions.node}, ${process.platform}-${process.arch})`,
};

export const runCli = (argv: readonly string[], logger: Logger, io: CliIo = processIo): Promise<number> =>
  dispatch(AGENT_PROGRAM, argv, { logger }, io, (error) => {
    // The sentence on stderr says what went wrong; only an internal error's stack is worth a log line.
    if (codeOf(error) === 'INTERNAL') logger.error({ code: 'INTERNAL', err: error }, (error as Error).message);
  });
