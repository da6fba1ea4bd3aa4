// One command-line dispatcher for both programs: command words, options (both `--name value` and
// `--name=value`), required options, `help`/`--help` at every level, and one plain sentence on stderr
// for a mistake. Logs never reach the terminal from here: the caller logs what it must.
import { parseArgs } from 'node:util';
import { codeOf, ERRORS, InvigilatorError, type ErrorCode } from '../errors.ts';

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** May be given more than once (`--role dsl --role technician`). */
  multiple?: boolean;
  required?: boolean;
  /** The value's name in the usage line, e.g. FILE. */
  placeholder?: string;
  description: string;
}

export type OptionValues = Record<string, string | boolean | string[] | undefined>;

export interface CommandSpec<Context> {
  /** The command words, e.g. "school add". */
  name: string;
  summary: string;
  options: Record<string, OptionSpec>;
  /** Extra lines for the command's own help. */
  notes?: string;
  /** Resolves to the exit code (0 when nothing is returned). */
  run(values: OptionValues, context: Context): Promise<number | void>;
}

export interface Program<Context> {
  name: string;
  intro: string;
  commands: readonly CommandSpec<Context>[];
  /** What `--version` and `version` print after the program's name (what was built, from which commit). */
  version?: () => string;
  /** Codes that mean "what was typed is wrong" (exit 2) besides USAGE_INVALID; anything else exits 1. */
  usageCodes?: readonly ErrorCode[];
}

export interface CliIo { stdout(text: string): void; stderr(text: string): void }

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** The programs' mistake in what was typed; the sentence names the fix. */
export const usageError = (detail: string): InvigilatorError => new InvigilatorError('USAGE_INVALID', detail);

const HELP_WORDS = new Set(['help', '--help', '-h']);
const VERSION_WORDS = new Set(['version', '--version', '-V']);

const optionUsage = (name: string, spec: OptionSpec): string => {
  const text = spec.type === 'boolean' ? `--${name}` : `--${name} ${spec.placeholder ?? name.toUpperCase().replace(/-/g, '_')}`;
  const repeated = spec.multiple ? `${text} ...` : text;
  return spec.required ? repeated : `[${repeated}]`;
};

const usageLine = <C>(program: Program<C>, command: CommandSpec<C>): string =>
  [program.name, command.name, ...Object.entries(command.options).map(([name, spec]) => optionUsage(name, spec))].join(' ');

export const commandHelp = <C>(program: Program<C>, command: CommandSpec<C>): string => {
  const width = Math.max(0, ...Object.entries(command.options).map(([name, spec]) => optionUsage(name, { ...spec, required: true, multiple: false }).length));
  const options = Object.entries(command.options)
    .map(([name, spec]) => `  ${optionUsage(name, { ...spec, required: true, multiple: false }).padEnd(width)}  ${spec.description}${spec.multiple ? ' (may be repeated)' : ''}${spec.required ? '' : ' (optional)'}`);
  return [`Usage: ${usageLine(program, command)}`, '', command.summary,
    ...(options.length > 0 ? ['', 'Options:', ...options] : []),
    ...(command.notes ? ['', command.notes] : []), ''].join('\n');
};

export const programHelp = <C>(program: Program<C>, prefix: readonly string[] = []): string => {
  const shown = program.commands.filter((command) => prefix.every((word, index) => command.name.split(' ')[index] === word));
  const width = Math.max(...shown.map((command) => command.name.length));
  return [program.intro, '', 'Commands:',
    ...shown.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '', `Run "${program.name} COMMAND --help" for a command's options${program.version ? `, "${program.name} --version" for what is installed` : ''}.`, ''].join('\n');
};

/** The longest command whose words start argv. */
const findCommand = <C>(program: Program<C>, argv: readonly string[]): CommandSpec<C> | undefined =>
  program.commands
    .filter((command) => command.name.split(' ').every((word, index) => argv[index] === word))
    .sort((a, b) => b.name.length - a.name.length)[0];

/** Leading words of argv that name a group of commands ("school" for "school add"). */
const groupPrefix = <C>(program: Program<C>, argv: readonly string[]): string[] => {
  const words: string[] = [];
  for (const word of argv) {
    if (!program.commands.some((command) => command.name.split(' ')[words.length] === word
      && words.every((w, index) => command.name.split(' ')[index] === w))) break;
    words.push(word);
  }
  return words;
};

const parseOptions = <C>(program: Program<C>, command: CommandSpec<C>, args: string[]): OptionValues => {
  let values: OptionValues;
  try {
    ({ values } = parseArgs({
      args, strict: true, allowPositionals: false,
      options: Object.fromEntries(Object.entries(command.options)
        .map(([name, spec]) => [name, { type: spec.type, ...(spec.multiple ? { multiple: true } : {}) }])),
    }) as { values: OptionValues });
  } catch (error) {
    // Node's own wording, first line only, then where to look.
    const reason = (error as Error).message.split('\n')[0]?.replace(/\.$/, '') ?? 'not understood';
    throw usageError(`${reason}. Run "${program.name} ${command.name} --help" for its options.`);
  }
  for (const [name, spec] of Object.entries(command.options)) {
    const value = values[name];
    const empty = value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
    if (spec.required && empty) {
      throw usageError(`"${command.name}" needs --${name}. Run "${program.name} ${command.name} --help" for its options.`);
    }
  }
  return values;
};

/** The one line a person at the terminal reads for an error. */
export const errorLine = (error: unknown): string => {
  const code = codeOf(error);
  const sentence = error instanceof InvigilatorError ? error.message : `${ERRORS.INTERNAL} (${(error as Error).message})`;
  return `${code}: ${sentence}\n`;
};

/**
 * Runs one command line; resolves to the exit code: 0 done, 1 could not do it, 2 mistyped.
 * `onError` sees every failure (to log it) before its sentence goes to stderr.
 */
export const dispatch = async <C>(
  program: Program<C>, argv: readonly string[], context: C, io: CliIo = processIo,
  onError?: (error: unknown) => void,
): Promise<number> => {
  const usageCodes = new Set<ErrorCode>(['USAGE_INVALID', ...(program.usageCodes ?? [])]);
  try {
    if (argv.length === 0 || HELP_WORDS.has(argv[0] ?? '')) {
      const topic = argv.slice(1);
      const command = findCommand(program, topic);
      if (topic.length > 0 && !command && groupPrefix(program, topic).length === 0) {
        throw usageError(`There is no command "${topic.join(' ')}". Run "${program.name} help" for the list.`);
      }
      io.stdout(command ? commandHelp(program, command) : programHelp(program, groupPrefix(program, topic)));
      return 0;
    }
    if (program.version && VERSION_WORDS.has(argv[0] ?? '')) {
      if (argv.length > 1) throw usageError(`"${argv[0]}" takes nothing after it.`);
      io.stdout(`${program.name} ${program.version()}\n`);
      return 0;
    }
    const command = findCommand(program, argv);
    if (!command) {
      const group = groupPrefix(program, argv);
      const rest = argv.slice(group.length);
      if (group.length > 0 && (rest.length === 0 || HELP_WORDS.has(rest[0] ?? ''))) {
        // "school" alone is half a command: its subcommands, on stderr, as a mistake.
        if (rest.length === 0) {
          io.stderr(programHelp(program, group));
          return 2;
        }
        io.stdout(programHelp(program, group));
        return 0;
      }
      throw usageError(`There is no command "${argv.slice(0, group.length + 1).join(' ')}". Run "${program.name} help" for the list.`);
    }
    const args = argv.slice(command.name.split(' ').length);
    if (args[0] === 'help' || args.includes('--help') || args.includes('-h')) {
      io.stdout(commandHelp(program, command));
      return 0;
    }
    const values = parseOptions(program, command, args);
    return (await command.run(values, context)) ?? 0;
  } catch (error) {
    onError?.(error);
    io.stderr(errorLine(error));
    return usageCodes.has(codeOf(error)) ? 2 : 1;
  }
};

/** A string option's value, or undefined when absent or empty. */
export const stringOption = (values: OptionValues, name: string): string | undefined => {
  const value = values[name];
  if (Array.isArray(value)) return value.at(-1);
  return typeof value === 'string' && value !== '' ? value : undefined;
};

/** A required string option (the dispatcher already refused it missing). */
export const requiredOption = (values: OptionValues, name: string): string => {
  const value = stringOption(values, name);
  if (value === undefined) throw usageError(`--${name} is needed.`);
  return value;
};

/** Every value of a repeatable option. */
export const listOption = (values: OptionValues, name: string): string[] => {
  const value = values[name];
  if (Array.isArray(value)) return value;
  return typeof value === 'string' && value !== '' ? [value] : [];
};
