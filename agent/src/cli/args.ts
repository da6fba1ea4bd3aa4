// Command-line parsing: one command word, then that command's options. Anything
// unknown or missing is USAGE_INVALID (exit 2) with a sentence naming it.
import { parseArgs } from 'node:util';
import { InvigilatorError } from '@invigilator/shared/errors.ts';

type OptionSpec = Record<string, { type: 'string' | 'boolean' }>;

export const COMMAND_OPTIONS = {
  enroll: { collector: { type: 'string' }, secret: { type: 'string' }, 'secret-file': { type: 'string' }, 'state-dir': { type: 'string' }, 'ca-file': { type: 'string' } },
  run: { 'state-dir': { type: 'string' } },
  check: { json: { type: 'boolean' }, replay: { type: 'string' } },
  diagnose: { out: { type: 'string' } },
  status: { 'state-dir': { type: 'string' }, json: { type: 'boolean' } },
  help: {},
} as const satisfies Record<string, OptionSpec>;

export type CommandName = keyof typeof COMMAND_OPTIONS;

export interface CommandLine {
  command: CommandName;
  values: Record<string, string | boolean | undefined>;
}

const isCommand = (value: string): value is CommandName => Object.hasOwn(COMMAND_OPTIONS, value);

export const usageError = (detail: string): InvigilatorError => new InvigilatorError('USAGE_INVALID', `(${detail})`);

export const parseCommandLine = (argv: readonly string[]): CommandLine => {
  const [word, ...rest] = argv;
  if (word === undefined || word === '--help' || word === '-h') return { command: 'help', values: {} };
  if (!isCommand(word)) throw usageError(`unknown command "${word}"`);
  try {
    const { values } = parseArgs({ args: [...rest], options: COMMAND_OPTIONS[word], strict: true, allowPositionals: false });
    return { command: word, values: values as CommandLine['values'] };
  } catch (error) {
    throw usageError((error as Error).message.replace(/\.?\s*$/, '').replace(/\n[\s\S]*/, ''));
  }
};

/** A string option the command cannot run without. */
export const required = (line: CommandLine, name: string): string => {
  const value = line.values[name];
  if (typeof value !== 'string' || value.trim() === '') throw usageError(`${line.command} needs --${name}`);
  return value;
};

export const optional = (line: CommandLine, name: string): string | undefined => {
  const value = line.values[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

export const HELP_TEXT = `invigilator-agent: device monitoring for schools.

Commands:
  enroll --collector URL --secret-file FILE [--state-dir DIR] [--ca-file FILE]
                              enrol this device with the school's collector; prints the device id.
                              The secret may also come from INVIGILATOR_ENROLMENT_SECRET or --secret
                              (which other users of the machine can see while enroll runs)
  run [--state-dir DIR]       run the agent until stopped (SIGTERM or Ctrl-C)
  check [--json]              run every check once and print the observations (no network, no state)
  check --replay DIR [--json] the same, from a diagnostic bundle made on any platform
  diagnose --out DIR          write a diagnostic bundle (raw outputs of every check) to DIR
  status [--state-dir DIR] [--json]
                              outbox depth, last acknowledgement, connected or not
  help                        this text
`;
