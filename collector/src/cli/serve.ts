// `serve`: the collector itself, until SIGTERM or Ctrl-C.
import type { CommandSpec } from '@invigilator/shared/cli/dispatcher.ts';
import { stringOption, usageError } from '@invigilator/shared/cli/dispatcher.ts';
import { createLogger } from '@invigilator/shared/logger.ts';
import { DEFAULT_LISTEN, parseListen } from '../listen.ts';
import { startCollector } from '../main.ts';
import { DATA_DIR_OPTION, dataDirOf, type CollectorCliContext } from './context.ts';

export const serveCommands: CommandSpec<CollectorCliContext>[] = [
  {
    name: 'serve',
    summary: 'Runs the collector: dashboard at /, JSON API at /api/v1, agents at /agent, /healthz and /metrics.',
    options: {
      listen: { type: 'string', placeholder: 'HOST:PORT', description: `where to listen (default ${DEFAULT_LISTEN})` },
      'tls-cert': { type: 'string', placeholder: 'FILE', description: 'PEM certificate (with --tls-key) to serve https and wss' },
      'tls-key': { type: 'string', placeholder: 'FILE', description: 'PEM private key for --tls-cert' },
      'policy-dir': { type: 'string', placeholder: 'DIR', description: 'a folder of <school id>.json policy packs stored at start' },
      ...DATA_DIR_OPTION,
    },
    run: async (values) => {
      const { host, port } = parseListen(stringOption(values, 'listen') ?? DEFAULT_LISTEN);
      const [certFile, keyFile] = [stringOption(values, 'tls-cert'), stringOption(values, 'tls-key')];
      if ((certFile === undefined) !== (keyFile === undefined)) throw usageError('--tls-cert and --tls-key go together.');
      const logger = createLogger({ name: 'collector' });
      const policyDir = stringOption(values, 'policy-dir');
      const running = await startCollector({
        dataDir: dataDirOf(values), host, port, logger,
        ...(certFile && keyFile ? { tls: { certFile, keyFile } } : {}),
        ...(policyDir ? { policyDir } : {}),
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
