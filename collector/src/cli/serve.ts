// `serve`: the collector itself, until SIGTERM or Ctrl-C.
import { readFileSync } from 'node:fs';
import type { CommandSpec } from '@invigilator/shared/cli/dispatcher.ts';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { listOption, stringOption, usageError, type OptionValues } from '@invigilator/shared/cli/dispatcher.ts';
import { createLogger } from '@invigilator/shared/logger.ts';
import { DEFAULT_LISTEN, parseListen } from '../listen.ts';
import { startCollector } from '../main.ts';
import { readSignInSettingsFile, type SignInOptions } from '../sign-in/settings.ts';
import { DATA_DIR_OPTION, dataDirOf, databaseOf, type CollectorCliContext } from './context.ts';

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

const OIDC_FLAGS = ['oidc-issuer', 'oidc-client-id', 'oidc-client-secret-file'] as const;

/** Sign-in from --sign-in-settings FILE, or from the --oidc-* and --public-url flags; not both. */
const signInOptionsOf = (values: OptionValues): SignInOptions => {
  const file = stringOption(values, 'sign-in-settings');
  const given = OIDC_FLAGS.filter((flag) => stringOption(values, flag) !== undefined);
  const domains = listOption(values, 'oidc-allowed-domain');
  const publicUrl = stringOption(values, 'public-url');
  if (file !== undefined) {
    if (given.length > 0 || domains.length > 0) throw usageError('Give sign-in either in --sign-in-settings or as --oidc-* options, not both.');
    const fromFile = readSignInSettingsFile(file);
    return { ...fromFile, ...(publicUrl ? { publicUrl } : {}) };
  }
  if (given.length === 0 && domains.length === 0) return publicUrl ? { publicUrl } : {};
  const missing = OIDC_FLAGS.filter((flag) => !given.includes(flag));
  if (missing.length > 0) throw usageError(`School account sign-in also needs ${missing.map((f) => `--${f}`).join(', ')}.`);
  return {
    ...(publicUrl ? { publicUrl } : {}),
    oidc: {
      issuer: stringOption(values, 'oidc-issuer') ?? '', clientId: stringOption(values, 'oidc-client-id') ?? '',
      clientSecretFile: stringOption(values, 'oidc-client-secret-file') ?? '', allowedDomains: domains,
    },
  };
};

export const serveCommands: CommandSpec<CollectorCliContext>[] = [
  {
    name: 'serve',
    summary: 'Runs the collector: dashboard at /, JSON API at /api/v1, agents at /agent, /healthz and /metrics.',
    options: {
      listen: { type: 'string', placeholder: 'HOST:PORT', description: `where to listen (default ${DEFAULT_LISTEN})` },
      'tls-cert': { type: 'string', placeholder: 'FILE', description: 'PEM certificate (with --tls-key) to serve https and wss' },
      'tls-key': { type: 'string', placeholder: 'FILE', description: 'PEM private key for --tls-cert' },
      'delivery-retry-max': { type: 'string', placeholder: 'SECONDS', description: 'the longest pause between attempts to deliver a notification (default 300)' },
      'insecure-plain': { type: 'boolean', description: 'serve plain http/ws beyond loopback instead of making a certificate (credentials cross the network readable)' },
      'policy-dir': { type: 'string', placeholder: 'DIR', description: 'a folder of <school id>.json policy packs stored at start' },
      'metrics-token-file': { type: 'string', placeholder: 'FILE', description: 'a file holding the bearer token a metrics scraper presents at /metrics' },
      'public-url': { type: 'string', placeholder: 'URL', description: 'the address staff use, e.g. https://invigilator.north.sch.uk (sign-in redirects and checks)' },
      'oidc-issuer': { type: 'string', placeholder: 'URL', description: 'sign-in with school accounts: https://accounts.google.com or https://login.microsoftonline.com/<tenant id>/v2.0' },
      'oidc-client-id': { type: 'string', placeholder: 'ID', description: 'the client id from the Google or Microsoft app registration' },
      'oidc-client-secret-file': { type: 'string', placeholder: 'FILE', description: 'a file holding only the client secret' },
      'oidc-allowed-domain': { type: 'string', multiple: true, placeholder: 'DOMAIN', description: 'an email domain whose staff may sign in, e.g. north.sch.uk' },
      'sign-in-settings': { type: 'string', placeholder: 'FILE', description: 'sign-in settings as JSON instead of the --oidc-* options (README)' },
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
      const signIn = signInOptionsOf(values);
      const retryMax = stringOption(values, 'delivery-retry-max');
      if (retryMax !== undefined && !/^[1-9]\d{0,5}$/.test(retryMax)) throw usageError(`--delivery-retry-max is a whole number of seconds (it was "${retryMax}").`);
      const database = databaseOf(values);
      const running = await startCollector({
        dataDir: dataDirOf(values), host, port, logger, ...(database ? { database } : {}),
        ...(certFile && keyFile ? { tls: { certFile, keyFile } } : {}),
        ...(policyDir ? { policyDir } : {}), signIn,
        ...(retryMax ? { deliveryRetryMaxMs: Number(retryMax) * 1000 } : {}),
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
