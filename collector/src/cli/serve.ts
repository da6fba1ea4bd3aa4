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
      'public-url': { type: 'string', placeholder: 'URL', description: 'the address staff open the collector at (https://...), for links in alert messages' },
      'delivery-retry-max': { type: 'string', placeholder: 'SECONDS', description: 'the longest pause between attempts to deliver a notification (default 300)' },
      'policy-dir': { type: 'string', placeholder: 'DIR', description: 'a folder of <school id>.json policy packs stored at start' },
      ...DATA_DIR_OPTION,
    },
    run: async (values) => {
      const { host, port } = parseListen(stringOption(values, 'listen') ?? DEFAULT_LISTEN);
      const [certFile, keyFile] = [stringOption(values, 'tls-cert'), stringOption(values, 'tls-key')];
      if ((certFile === undefined) !== (keyFile === undefined)) throw usageError('--tls-cert and --tls-key go together.');
      const logger = createLogger({ name: 'collector' });
      const policyDir = stringOption(values, 'policy-dir');
      const publicUrl = stringOption(values, 'public-url');
      if (publicUrl !== undefined && !/^https?:\/\/[^/\s]+/.test(publicUrl)) throw usageError(`--public-url must be an http(s) address like https://invigilator.trust.example (it was "${publicUrl}").`);
      const retryMax = stringOption(values, 'delivery-retry-max');
      if (retryMax !== undefined && !/^[1-9]\d{0,5}$/.test(retryMax)) throw usageError(`--delivery-retry-max is a whole number of seconds (it was "${retryMax}").`);
      const running = await startCollector({
        dataDir: dataDirOf(values), host, port, logger,
        ...(certFile && keyFile ? { tls: { certFile, keyFile } } : {}),
        ...(policyDir ? { policyDir } : {}),
        ...(publicUrl ? { publicUrl } : {}),
        ...(retryMax ? { deliveryRetryMaxMs: Number(retryMax) * 1000 } : {}),
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
