// Wires the collector's parts; each has start() and stop(), stopped in reverse order.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { createLogger, type Logger } from '@invigilator/shared/logger.ts';
import { makePrivateDir, makePrivateSqliteFile } from '@invigilator/shared/private-files.ts';
import { createGateway, AGENT_PATH } from './gateway/server.ts';
import { createDigestJob } from './jobs/digest.ts';
import { createEscalationJob } from './jobs/escalation.ts';
import { createRetentionJob } from './jobs/retention.ts';
import { createSilenceJob } from './jobs/silence.ts';
import { googleHttpFromEnv } from './connectors/chromeos/connection.ts';
import { createChromeosSyncJob } from './connectors/chromeos/sync-job.ts';
import { createTermEndReportsJob } from './jobs/term-end-reports.ts';
import { createMetrics } from './metrics.ts';
import { createDispatcher } from './notify/dispatcher.ts';
import { loadPolicyDir } from './school-policy.ts';
import { createSignIn, resolveSignIn } from './sign-in/sign-in.ts';
import type { SignInOptions } from './sign-in/settings.ts';
import type { ThrottleSettings } from './sign-in/throttle.ts';
import { openSqliteStore } from './store/sqlite.ts';
import type { Store } from './store/types.ts';
import { buildApi } from './web/app.ts';
import { createInProcessBus } from './live/bus.ts';
import { withLiveFeed } from './live/store-feed.ts';
import { assertCanListen } from './listen.ts';
import { isLoopbackHost } from '@invigilator/shared/loopback.ts';
import { chainFingerprint, ensureOwnCertificate } from './tls/own-certificate.ts';

export const DATABASE_FILE = 'collector.sqlite';
/** Term-end reports are kept here, inside the data folder: reports/<school>/<term>/. */
export const REPORTS_FOLDER = 'reports';

export interface CollectorOptions {
  dataDir: string;
  host: string;
  port: number;
  /** The school's certificate; without it, a collector listening beyond loopback makes its own. */
  tls?: { certFile: string; keyFile: string };
  /** Plain ws:// and http:// beyond loopback, against the advice: agents' credentials cross the network readable. */
  insecurePlain?: boolean;
  policyDir?: string;
  /** The token a metrics scraper presents at /metrics. */
  metricsToken?: string;
  logger?: Logger;
  pingIntervalMs?: number;
  signIn?: SignInOptions;
  /** Sign-in failure limits (tests lower them); the defaults otherwise. */
  signInThrottle?: ThrottleSettings;
  /** The longest pause between two attempts to deliver a notification. */
  deliveryRetryMaxMs?: number;
}

export interface RunningCollector {
  store: Store;
  /** http(s)://host:port */
  apiUrl: string;
  /** ws(s)://host:port/agent */
  agentUrl: string;
  /** SHA-256 of the certificate agents pin (the collector's own CA, or the top of the school's chain). */
  tlsFingerprint?: string;
  stop(): Promise<void>;
}

/** Opens (creating when needed) the collector's database in the data folder. */
export const openDataDir = (dataDir: string): Store => {
  const file = join(dataDir, DATABASE_FILE);
  try {
    // Pupils' user names and file names: the collector's account alone may read them.
    makePrivateDir(dataDir);
    makePrivateSqliteFile(file);
  } catch (error) {
    throw new InvigilatorError('STATE_DIR_UNUSABLE', `(${dataDir}: ${(error as Error).message})`, { cause: error });
  }
  return openSqliteStore(file);
};

const readTlsFile = (path: string): Buffer => {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new InvigilatorError('CONFIG_INVALID', `The TLS file ${path} cannot be read.`, { cause: error });
  }
};

export const startCollector = async (options: CollectorOptions): Promise<RunningCollector> => {
  const logger = options.logger ?? createLogger({ name: 'collector' });
  const schoolTls = options.tls && { cert: readTlsFile(options.tls.certFile), key: readTlsFile(options.tls.keyFile) };
  // Whether it will serve TLS: the school's certificate, or its own beyond loopback unless forced plain.
  const signInSettings = resolveSignIn(options.signIn ?? {}, Boolean(schoolTls) || (!isLoopbackHost(options.host) && !options.insecurePlain));
  // Before the data folder is touched: a busy port must not leave a new, empty database behind.
  await assertCanListen(options.host, options.port);
  // Alert and verdict changes are told to the live stream once committed, from the gateway, the jobs and the API alike.
  const bus = createInProcessBus((error) => logger.error({ code: 'INTERNAL', err: error }, 'A live update listener failed.'));
  const store = withLiveFeed(openDataDir(options.dataDir), bus);
  const beyondLoopback = !isLoopbackHost(options.host);
  let tls = schoolTls;
  let tlsFingerprint = schoolTls && chainFingerprint(schoolTls.cert);
  if (!tls && beyondLoopback && !options.insecurePlain) {
    const own = ensureOwnCertificate(options.dataDir, options.host, Date.now());
    tls = { cert: readTlsFile(own.certFile), key: readTlsFile(own.keyFile) };
    tlsFingerprint = own.fingerprint;
    logger.info({ fingerprint: own.fingerprint, caFile: own.caFile, created: own.created },
      `${own.created ? 'Made' : 'Using'} the collector's own TLS certificate. Agents enrol with --fingerprint ${own.fingerprint} `
      + `(or accept it on first use); browsers may trust ${own.caFile}.`);
  } else if (!tls && beyondLoopback) {
    logger.warn({ code: 'CONFIG_INVALID', host: options.host },
      'Serving plain http and ws beyond this machine (--insecure-plain): device credentials and pupils\' data cross the network readable.');
  }
  const stopped: Array<() => Promise<void>> = [() => store.close()];
  const stopAll = async (): Promise<void> => {
    for (const stop of stopped.splice(0).reverse()) await stop();
  };
  try {
    if (options.policyDir) await loadPolicyDir(store, options.policyDir, Date.now());
    const metrics = createMetrics();
    let listeningUrl = '';
    const signIn = createSignIn({
      store, logger, settings: signInSettings, listeningUrl: () => listeningUrl,
      ...(options.signInThrottle ? { throttle: options.signInThrottle } : {}),
    });
    // The API is built before the gateway that shares its server; revocations reach the gateway only once it runs.
    const api = buildApi({
      store, metrics, logger, signIn, bus, onDeviceRevoked: (deviceId) => gateway.disconnectDevice(deviceId),
      ...(tls ? { tls } : {}), ...(options.metricsToken ? { metricsToken: options.metricsToken } : {}),
      ...(signInSettings.publicUrl ? { publicUrl: signInSettings.publicUrl } : {}),
    });
    const gateway = createGateway({
      server: api.server, store, logger, metrics, now: Date.now,
      ...(options.pingIntervalMs ? { pingIntervalMs: options.pingIntervalMs } : {}),
    });
    const silence = createSilenceJob(store, logger);
    const retention = createRetentionJob(store, logger, metrics);
    const escalation = createEscalationJob(store, logger);
    const digest = createDigestJob(store, logger);
    const dispatcher = createDispatcher({
      store, logger, ...(signInSettings.publicUrl ? { publicUrl: signInSettings.publicUrl } : {}),
      ...(options.deliveryRetryMaxMs ? { retryMaxMs: options.deliveryRetryMaxMs, retryBaseMs: Math.min(5_000, options.deliveryRetryMaxMs) } : {}),
    });
    const termEndReports = createTermEndReportsJob(store, logger, join(options.dataDir, REPORTS_FOLDER), undefined, signInSettings.publicUrl);
    gateway.start();
    stopped.push(() => api.close());
    stopped.push(() => gateway.stop());
    await api.listen({ host: options.host, port: options.port });
    silence.start();
    stopped.push(() => silence.stop());
    retention.start();
    stopped.push(() => retention.stop());
    const chromeosSync = createChromeosSyncJob(store, logger, { http: googleHttpFromEnv() });
    chromeosSync.start();
    stopped.push(() => chromeosSync.stop());
    escalation.start();
    stopped.push(() => escalation.stop());
    digest.start();
    stopped.push(() => digest.stop());
    await dispatcher.start();
    stopped.push(() => dispatcher.stop());
    if (!signInSettings.publicUrl) logger.warn('No --public-url: messages say the link to the alert is missing until it is set.');
    termEndReports.start();
    stopped.push(() => termEndReports.stop());
    const { address, port } = api.server.address() as AddressInfo;
    const host = address.includes(':') ? `[${address}]` : address;
    listeningUrl = `${tls ? 'https' : 'http'}://${host}:${port}`;
    logger.info({ host: address, port, tls: Boolean(tls), signIn: signIn.publicUrl() }, 'Collector listening.');
    return {
      store,
      apiUrl: listeningUrl,
      agentUrl: `${tls ? 'wss' : 'ws'}://${host}:${port}${AGENT_PATH}`,
      ...(tlsFingerprint ? { tlsFingerprint } : {}),
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
};
