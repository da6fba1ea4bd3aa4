// Wires the collector's parts; each has start() and stop(), stopped in reverse order.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { codeOf, InvigilatorError } from '@invigilator/shared/errors.ts';
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
import { collectorId } from './collector-id.ts';
import { createDispatcher } from './notify/dispatcher.ts';
import { loadPolicyDir } from './school-policy.ts';
import { createSignIn, resolveSignIn } from './sign-in/sign-in.ts';
import type { SignInOptions } from './sign-in/settings.ts';
import type { ThrottleSettings } from './sign-in/throttle.ts';
import { openSqliteStore, type WriteGate } from './store/sqlite.ts';
import { createSqliteAgentWriter, type SqliteAgentWriter } from './gateway/sqlite-writer.ts';
import { createStoreAgentWriter, type AgentWriter } from './gateway/agent-writes.ts';
import type { Cluster } from './cluster/pg-cluster.ts';
import type { Store } from './store/types.ts';
import { buildApi } from './web/app.ts';
import { createInProcessBus, type LiveBus, type LiveChange } from './live/bus.ts';
import { withLiveFeed } from './live/store-feed.ts';
import { assertCanListen } from './listen.ts';
import { isLoopbackHost } from '@invigilator/shared/loopback.ts';
import { chainFingerprint, ensureOwnCertificate } from './tls/own-certificate.ts';

export const DATABASE_FILE = 'collector.sqlite';
/** Term-end reports are kept here, inside the data folder: reports/<school>/<term>/. */
export const REPORTS_FOLDER = 'reports';

export interface CollectorOptions {
  /** TLS certificates and term-end reports; the SQLite database too, unless `database` is given. */
  dataDir: string;
  /** A PostgreSQL URL (postgres://...) to keep the data in instead of the data folder's SQLite file. */
  database?: string;
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

const makeDataDir = (dataDir: string, file?: string): void => {
  try {
    // Pupils' user names and file names, and the collector's own TLS key: the collector's account alone may read them.
    makePrivateDir(dataDir);
    if (file) makePrivateSqliteFile(file);
  } catch (error) {
    throw new InvigilatorError('STATE_DIR_UNUSABLE', `(${dataDir}: ${(error as Error).message})`, { cause: error });
  }
};

/** Opens (creating when needed) the collector's database in the data folder; `gate` when another writer shares it. */
export const openDataDir = (dataDir: string, gate?: WriteGate): Store => {
  const file = join(dataDir, DATABASE_FILE);
  makeDataDir(dataDir, file);
  return openSqliteStore(file, gate ? { gate } : {});
};

/** The collector's store: the PostgreSQL database when a URL is given, else the data folder's SQLite file. */
export const openCollectorStore = async (dataDir: string, database?: string, logger?: Logger, gate?: WriteGate): Promise<Store> => {
  if (database === undefined) return openDataDir(dataDir, gate);
  // Loaded only when asked for: a collector on SQLite never loads the PostgreSQL driver.
  const { openPostgresStore } = await import('./store/pg.ts');
  const store = await openPostgresStore(database, logger ? { logger } : {});
  try {
    makeDataDir(dataDir);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
};

const readTlsFile = (path: string): Buffer => {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new InvigilatorError('CONFIG_INVALID', `The TLS file ${path} cannot be read.`, { cause: error });
  }
};

interface ScheduledJob { start(): void; stop(): Promise<void> }

/** The jobs, started when this collector leads and stopped when it no longer does (one change at a time, in order). */
const scheduledJobs = (jobs: readonly ScheduledJob[]) => {
  let running = false;
  let changes: Promise<void> = Promise.resolve();
  return {
    lead: (leading: boolean): Promise<void> => {
      changes = changes.then(async () => {
        if (leading === running) return;
        running = leading;
        if (leading) for (const job of jobs) job.start();
        else for (const job of [...jobs].reverse()) await job.stop();
      });
      return changes;
    },
  };
};

export const startCollector = async (options: CollectorOptions): Promise<RunningCollector> => {
  const logger = options.logger ?? createLogger({ name: 'collector' });
  const schoolTls = options.tls && { cert: readTlsFile(options.tls.certFile), key: readTlsFile(options.tls.keyFile) };
  // Whether it will serve TLS: the school's certificate, or its own beyond loopback unless forced plain.
  const signInSettings = resolveSignIn(options.signIn ?? {}, Boolean(schoolTls) || (!isLoopbackHost(options.host) && !options.insecurePlain));
  // Before the data folder is touched: a busy port must not leave a new, empty database behind.
  await assertCanListen(options.host, options.port);
  // Alert and verdict changes are told to the live stream once committed, from the gateway, the jobs and the API
  // alike; collectors sharing a PostgreSQL database tell each other too, once the cluster runs (below).
  const localBus = createInProcessBus((error) => logger.error({ code: 'INTERNAL', err: error }, 'A live update listener failed.'));
  let publish = (change: LiveChange): void => localBus.publish(change);
  const bus: LiveBus = { ...localBus, publish: (change) => publish(change) };
  // On SQLite the agents' writer opens its connection once the store has brought the schema up to date.
  let sqliteWriter: SqliteAgentWriter | undefined;
  const gate: WriteGate = { hold: () => sqliteWriter?.gate.hold() ?? Promise.resolve(() => undefined) };
  const store = withLiveFeed(await openCollectorStore(options.dataDir, options.database, logger, gate), bus);
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
    // SQLite: a worker thread commits agents' writes in groups; PostgreSQL takes each in a transaction of its own.
    const agentWriter: AgentWriter = options.database === undefined
      ? (sqliteWriter = createSqliteAgentWriter(join(options.dataDir, DATABASE_FILE), logger, { publish: (change) => bus.publish(change) }))
      : createStoreAgentWriter(store);
    stopped.push(() => agentWriter.close());
    if (options.policyDir) await loadPolicyDir(store, options.policyDir, Date.now());
    const metrics = createMetrics();
    let listeningUrl = '';
    const signIn = createSignIn({
      store, logger, settings: signInSettings, listeningUrl: () => listeningUrl,
      ...(options.signInThrottle ? { throttle: options.signInThrottle } : {}),
    });
    // Collectors sharing a PostgreSQL database: which of them runs the jobs, and what they tell each other.
    let cluster: Cluster | undefined;
    // The API is built before the gateway that shares its server; revocations reach the gateway only once it runs.
    const api = buildApi({
      store, metrics, logger, signIn, bus,
      onDeviceRevoked: (deviceId) => {
        gateway.disconnectDevice(deviceId);
        // The device may be connected to another collector: each closes its own connections of it.
        cluster?.notify('invigilator_revoked', { deviceId }).catch((error: unknown) =>
          logger.error({ code: codeOf(error), err: error, deviceId }, 'Could not tell the other collectors of a revocation; they refuse the device at its next frame.'));
      },
      ...(tls ? { tls } : {}), ...(options.metricsToken ? { metricsToken: options.metricsToken } : {}),
      ...(signInSettings.publicUrl ? { publicUrl: signInSettings.publicUrl } : {}),
    });
    const gateway = createGateway({
      server: api.server, store, writer: agentWriter, logger, metrics, now: Date.now,
      ...(options.pingIntervalMs ? { pingIntervalMs: options.pingIntervalMs } : {}),
    });
    const silence = createSilenceJob(store, logger);
    const retention = createRetentionJob(store, logger, metrics);
    const escalation = createEscalationJob(store, logger);
    const digest = createDigestJob(store, logger);
    const dispatcher = createDispatcher({
      store, logger, claimant: collectorId(options.dataDir), ...(signInSettings.publicUrl ? { publicUrl: signInSettings.publicUrl } : {}),
      ...(options.deliveryRetryMaxMs ? { retryMaxMs: options.deliveryRetryMaxMs, retryBaseMs: Math.min(5_000, options.deliveryRetryMaxMs) } : {}),
    });
    const termEndReports = createTermEndReportsJob(store, logger, join(options.dataDir, REPORTS_FOLDER));
    gateway.start();
    stopped.push(() => api.close());
    stopped.push(() => gateway.stop());
    await api.listen({ host: options.host, port: options.port });
    await dispatcher.start();
    stopped.push(() => dispatcher.stop());
    if (!signInSettings.publicUrl) logger.warn('No --public-url: messages say the link to the alert is missing until it is set.');
    const chromeosSync = createChromeosSyncJob(store, logger, { http: googleHttpFromEnv() });
    const jobs = scheduledJobs([silence, retention, chromeosSync, escalation, digest, termEndReports]);
    if (options.database === undefined) {
      jobs.lead(true);
    } else {
      // Every collector on the database could run the jobs; the one holding the lead does, and another takes over when it dies.
      const { startPgCluster, clusterWide } = await import('./cluster/pg-cluster.ts');
      cluster = await startPgCluster(options.database, { logger, onLeadChange: jobs.lead });
      publish = clusterWide(localBus, cluster, logger).publish;
      cluster.on('invigilator_revoked', (message) => {
        const { deviceId } = message as { deviceId?: unknown };
        if (typeof deviceId === 'string') gateway.disconnectDevice(deviceId);
      });
    }
    stopped.push(async () => {
      await cluster?.stop();
      await jobs.lead(false);
    });
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
