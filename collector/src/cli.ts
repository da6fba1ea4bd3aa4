// invigilator-collector: serve, school add, school policy set, token create.
// Answers (secrets, tokens) are the only stdout lines; logs and errors go to stderr.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { codeOf, ERRORS, InvigilatorError, type ErrorCode } from '@invigilator/shared/errors.ts';
import { createLogger } from '@invigilator/shared/logger.ts';
import { openDataDir, startCollector } from './main.ts';
import { addSchool } from './schools.ts';
import { setSchoolPolicy } from './school-policy.ts';
import { createApiToken } from './tokens.ts';
import type { Store } from './store/types.ts';

export const DEFAULT_LISTEN = '127.0.0.1:8470';
const DEFAULT_DATA_DIR = 'data';

const USAGE = `Usage:
  invigilator-collector serve [--data-dir DIR] [--listen HOST:PORT] [--tls-cert FILE --tls-key FILE] [--policy-dir DIR]
  invigilator-collector school add --id ID --name NAME [--data-dir DIR]
  invigilator-collector school policy set --id ID --file PACK.json [--data-dir DIR]
  invigilator-collector token create --role ROLE [--school ID] [--label TEXT] [--data-dir DIR]`;

// Mistakes in what was typed: exit 2. Anything else (a database that fails): exit 1.
const USAGE_ERRORS: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'CONFIG_INVALID', 'ROLE_UNKNOWN', 'SCHOOL_EXISTS', 'SCHOOL_UNKNOWN', 'POLICY_INVALID',
]);

export interface CliIo { stdout: (line: string) => void; stderr: (line: string) => void }

const processIo: CliIo = {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
};

type Options = Record<string, string | undefined>;

const parse = (args: string[], names: readonly string[]): Options => {
  try {
    const { values } = parseArgs({
      args, strict: true, allowPositionals: false,
      options: Object.fromEntries(['data-dir', ...names].map((name) => [name, { type: 'string' as const }])),
    });
    return values as Options;
  } catch (error) {
    throw new InvigilatorError('CONFIG_INVALID', `${(error as Error).message}\n${USAGE}`, { cause: error });
  }
};

const required = (options: Options, name: string): string => {
  const value = options[name];
  if (value === undefined || value === '') throw new InvigilatorError('CONFIG_INVALID', `--${name} is required.\n${USAGE}`);
  return value;
};

export const parseListen = (text: string): { host: string; port: number } => {
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]]+)):(\d{1,5})$/.exec(text);
  const port = Number(match?.[3]);
  const host = match?.[1] ?? match?.[2];
  if (!host || !Number.isInteger(port) || port > 65535) {
    throw new InvigilatorError('CONFIG_INVALID', `--listen "${text}" must be HOST:PORT, e.g. ${DEFAULT_LISTEN} or [::1]:8470.`);
  }
  return { host, port };
};

const withStore = async <T>(options: Options, work: (store: Store) => Promise<T>): Promise<T> => {
  const store = openDataDir(options['data-dir'] ?? DEFAULT_DATA_DIR);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
};

const serve = async (args: string[]): Promise<void> => {
  const options = parse(args, ['listen', 'tls-cert', 'tls-key', 'policy-dir']);
  const { host, port } = parseListen(options.listen ?? DEFAULT_LISTEN);
  const [certFile, keyFile] = [options['tls-cert'], options['tls-key']];
  if ((certFile === undefined) !== (keyFile === undefined)) {
    throw new InvigilatorError('CONFIG_INVALID', '--tls-cert and --tls-key go together.');
  }
  const logger = createLogger({ name: 'collector' });
  const running = await startCollector({
    dataDir: options['data-dir'] ?? DEFAULT_DATA_DIR, host, port, logger,
    ...(certFile && keyFile ? { tls: { certFile, keyFile } } : {}),
    ...(options['policy-dir'] ? { policyDir: options['policy-dir'] } : {}),
  });
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  logger.info({ signal }, 'Stopping.');
  await running.stop();
  logger.info('Stopped.');
};

const commands: Record<string, (args: string[], io: CliIo) => Promise<void>> = {
  serve: (args) => serve(args),
  'school add': async (args, io) => {
    const options = parse(args, ['id', 'name']);
    const school = { id: required(options, 'id'), name: required(options, 'name') };
    io.stdout(await withStore(options, (store) => addSchool(store, school, Date.now())));
  },
  'school policy set': async (args) => {
    const options = parse(args, ['id', 'file']);
    const [id, file] = [required(options, 'id'), required(options, 'file')];
    await withStore(options, (store) => setSchoolPolicy(store, id, resolve(file), Date.now()));
  },
  'token create': async (args, io) => {
    const options = parse(args, ['role', 'school', 'label']);
    const request = { role: required(options, 'role'), schoolId: options.school, label: options.label };
    io.stdout((await withStore(options, (store) => createApiToken(store, request, Date.now()))).token);
  },
};

/** Runs one command; resolves to the process exit code. */
export const runCli = async (argv: string[], io: CliIo = processIo): Promise<number> => {
  const name = Object.keys(commands)
    .filter((command) => command.split(' ').every((word, index) => argv[index] === word))
    .sort((a, b) => b.length - a.length)[0];
  try {
    if (!name) throw new InvigilatorError('CONFIG_INVALID', `Unknown command "${argv.join(' ')}".\n${USAGE}`);
    await commands[name]?.(argv.slice(name.split(' ').length), io);
    return 0;
  } catch (error) {
    const code = codeOf(error);
    const sentence = error instanceof InvigilatorError ? error.message : `${ERRORS.INTERNAL} (${(error as Error).message})`;
    io.stderr(`${code}: ${sentence}`);
    return USAGE_ERRORS.has(code) ? 2 : 1;
  }
};
