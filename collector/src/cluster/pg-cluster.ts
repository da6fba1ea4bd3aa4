// What several collectors sharing one PostgreSQL tell each other, over one connection of each
// process's own: which of them runs the scheduled jobs (the holder of an advisory lock; when it
// dies its connection goes and the lock with it, and another takes over at its next try), and
// messages every process hears (LISTEN/NOTIFY): revocations, live dashboard updates.
import pg from 'pg';
import { codeOf } from '@invigilator/shared/errors.ts';
import type { Logger } from '@invigilator/shared/logger.ts';

/** The advisory lock key of the jobs' leader (any constant all collectors agree on). */
export const JOBS_LEADER_LOCK = 0x1d5_10b5;
/** The channels collectors speak on; a message is JSON, at most PostgreSQL's 8000 bytes. */
export const CLUSTER_CHANNELS = ['invigilator_revoked', 'invigilator_live'] as const;
export type ClusterChannel = (typeof CLUSTER_CHANNELS)[number];

export interface Cluster {
  /** True while this process holds the jobs' lock. */
  leads(): boolean;
  /** Tells every collector, this one included. */
  notify(channel: ClusterChannel, message: unknown): Promise<void>;
  /** Runs `listener` for each message on the channel, from any collector. */
  on(channel: ClusterChannel, listener: (message: unknown) => void): void;
  stop(): Promise<void>;
}

export interface ClusterOptions {
  logger: Logger;
  /** How often a follower tries to take the lead, and a lost connection is tried again (default 5 s). */
  retryMs?: number;
  /** Called when this process takes the lead (true) or loses it (false). */
  onLeadChange(leading: boolean): void;
}

export const startPgCluster = async (databaseUrl: string, options: ClusterOptions): Promise<Cluster> => {
  const { logger } = options;
  const retryMs = options.retryMs ?? 5_000;
  const listeners = new Map<ClusterChannel, Array<(message: unknown) => void>>();
  let client: pg.Client | undefined;
  let leading = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const follow = (): void => {
    if (!leading) return;
    leading = false;
    options.onLeadChange(false);
  };

  const lost = (which: pg.Client, error?: Error): void => {
    if (client !== which) return;
    client = undefined;
    if (leading) logger.warn({ code: 'DATABASE_UNREACHABLE' }, 'Lost the database connection that held the lead: no longer running the scheduled jobs.');
    follow();
    if (!stopped) logger.warn({ code: 'DATABASE_UNREACHABLE', err: error }, 'The cluster connection to the database was lost; connecting again.');
  };

  const connect = async (): Promise<pg.Client> => {
    const fresh = new pg.Client({ connectionString: databaseUrl, application_name: 'invigilator-collector cluster' });
    fresh.on('error', (error) => lost(fresh, error));
    fresh.on('end', () => lost(fresh));
    fresh.on('notification', ({ channel, payload }) => {
      let message: unknown;
      try {
        message = JSON.parse(payload ?? 'null');
      } catch {
        logger.warn({ channel }, 'A cluster message that is not JSON was ignored.');
        return;
      }
      for (const listener of listeners.get(channel as ClusterChannel) ?? []) {
        try {
          listener(message);
        } catch (error) {
          logger.error({ code: codeOf(error), err: error, channel }, 'A cluster message could not be handled.');
        }
      }
    });
    await fresh.connect();
    for (const channel of CLUSTER_CHANNELS) await fresh.query(`LISTEN ${channel}`);
    return fresh;
  };

  /** One round: connected, and the lead taken if it is free. */
  const round = async (): Promise<void> => {
    try {
      client ??= await connect();
      if (!leading) {
        const { rows } = await client.query<{ taken: boolean }>('SELECT pg_try_advisory_lock($1) AS taken', [JOBS_LEADER_LOCK]);
        if (rows[0]?.taken) {
          leading = true;
          logger.info({ pid: process.pid }, 'Leading the scheduled jobs (retention, silence, digests, term reports, Chromebook sync) for every collector.');
          options.onLeadChange(true);
        }
      }
    } catch (error) {
      const failed = client;
      client = undefined;
      follow();
      await failed?.end().catch(() => undefined);
      logger.warn({ code: 'DATABASE_UNREACHABLE', err: error }, 'Could not reach the database for the cluster connection; trying again.');
    }
  };

  const loop = async (): Promise<void> => {
    await round();
    if (!stopped) timer = setTimeout(() => void loop(), retryMs);
  };
  await loop();

  return {
    leads: () => leading,
    async notify(channel, message) {
      const payload = JSON.stringify(message);
      // Any connection will do; the pool's would too, but this one exists already.
      client ??= await connect();
      await client.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    on(channel, listener) {
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      const last = client;
      client = undefined;
      follow();
      // Ending the session releases the lead at once, for another collector's next try.
      await last?.end().catch(() => undefined);
    },
  };
};

/** A process's own publish/subscribe (the dashboard's live bus has this shape). */
export interface LocalBus<Change> {
  publish(change: Change): void;
  subscribe(listener: (change: Change) => void): () => void;
}

/**
 * The same bus spanning every collector on the database: a change published here is sent over
 * NOTIFY (after its commit, as every publish is) and each collector, this one included, hands it
 * to its own listeners. Changes carry ids only, so PostgreSQL's 8000-byte limit is far off.
 */
export const clusterWide = <Change, Bus extends LocalBus<Change>>(local: Bus, cluster: Cluster, logger: Logger): Bus => {
  cluster.on('invigilator_live', (message) => local.publish(message as Change));
  return {
    ...local,
    publish: (change: Change) => {
      cluster.notify('invigilator_live', change).catch((error: unknown) => {
        logger.warn({ code: codeOf(error), err: error }, 'A live update could not be sent to the other collectors; shown here only.');
        local.publish(change);
      });
    },
  };
};
