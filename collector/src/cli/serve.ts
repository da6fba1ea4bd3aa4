// `serve`: the collector itself, until SIGTERM or Ctrl-C.
import { readFileSync } from 'node:fs';
import type { CommandSpec } from '@invigilator/shared/cli/dispatcher.ts';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { stringOption, usageError } from '@invigilator/shared/cli/dispatcher.ts';
import { createLogger } from '@invigilator/shared/logger.ts';
import { DEFAULT_LISTEN, parseListen } from '../listen.ts';
import { startCollector } from '../main.ts';
import { DATA_DIR_OPTION, dataDirOf, type CollectorCliContext } from './context.ts';

/** The scraper's token: at least 16 characters, so it cannot be guessed. */
const readMetricsToken = (file: string): string => {
  let token: string;
  try {
    token = readFileSync(file, 'utf8').trim();
  } catch (error) {
    throw new InvigilatorError('CONFIG_INVALID', `The metrics token file ${file} cannot be read.`, { cause: error });
  }
  if (!/^\S{16,}$/.test(token)) throw new InvigilatorError('CONFIG_INVALID', `The metrics token in ${file} must be one word of at least 16 characters.`);
  return token;
};

export const serveCommands: CommandSpec<CollectorCliContext>[] = [
  {
    name: 'serve',
    summary: 'Runs the collector: dashboard at /, JSON API at /api/v1, agents at /agent, /healthz and /metrics.',
    options: {
      listen: { type: 'string', placeholder: 'HOST:PORT', description: `where to listen (default ${DEFAULT_LISTEN})` },
      'tls-cert': { type: 'string', placeholder: 'FILE', description: 'PEM certificate (with --tls-key) to serve https and wss' },
      'tls-key': { type: 'string', placeholder: 'FILE', description: 'PEM private key for --tls-cert' },
      'insecure-plain': { type: 'boolean', description: 'serve plain http/ws beyond loopback instead of making a certificate (credentials cross the network readable)' },
      'policy-dir': { type: 'string', placeholder: 'DIR', description: 'a folder of <school id>.json policy packs stored at start' },
      'metrics-token-file': { type: 'string', placeholder: 'FILE', description: 'a file holding the bearer token a metrics scraper presents at /metrics' },
      ...DATA_DIR_OPTION,
    },
    run: async (values) => {
      const { host, port } = parseListen(stringOption(values, 'listen') ?? DEFAULT_LISTEN);
      const [certFile, keyFile] = [stringOption(values, 'tls-cert'), stringOption(values, 'tls-key')];
      if ((certFile === undefined) !== (keyFile === undefined)) throw usageError('--tls-cert and --tls-key go together.');
      if (certFile !== undefined && values['insecure-plain'] === true) throw usageError('--insecure-plain and --tls-cert exclude each other.');
      const logger = createLogger({ name: 'collector' });
      const policyDir = stringOption(values, 'policy-dir');
      const metricsTokenFile = stringOption(values, 'metrics-token-file');
      const metricsToken = metricsTokenFile === undefined ? undefined : readMetricsToken(metricsTokenFile);
      const running = await startCollector({
        dataDir: dataDirOf(values), host, port, logger,
        ...(certFile && keyFile ? { tls: { certFile, keyFile } } : {}),
        ...(policyDir ? { policyDir } : {}),
        ...(metricsToken ? { metricsToken } : {}),
        ...(values['insecure-plain'] === true ? { insecurePlain: true } : {}),
      });
      const signal = await new Promise<NodeJS.Signals>((resolve) => {
        process.once('SIGTERM', resolve);
        process.once('SIGINT', resolve);
      });
      logger.info({ signal }, 'Stopping.');
      await running.stop();
      logger.info('Stopped.');
    },
  },
];
