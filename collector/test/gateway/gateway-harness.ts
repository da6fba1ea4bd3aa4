// The gateway alone on a plain HTTP server, for options the whole collector does not pass
// through (the Hello deadline) and a store whose transactions a test can hold back.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createLogger } from '@invigilator/shared/logger.ts';
import { createGateway } from '../../src/gateway/server.ts';
import { createMetrics } from '../../src/metrics.ts';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import type { Store } from '../../src/store/types.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

export interface GatewayHarness {
  agentUrl: string;
  /** Like the whole collector's: what the test helpers need to enrol and greet a device. */
  collector: { store: Store; agentUrl: string; apiUrl: string; stop: () => Promise<void> };
  /** Batches wait for the store until release() is called; hold() makes them wait again. */
  hold(): void;
  release(): void;
  /** How many store transactions have started (after any hold). */
  transactions(): number;
  stop(): Promise<void>;
}

export const startGateway = async (options: { authTimeoutMs?: number } = {}): Promise<GatewayHarness> => {
  const temp = makeTempDir();
  const real = openSqliteStore(join(temp.dir, 'collector.sqlite'));
  let gate: Promise<void> = Promise.resolve();
  let open: () => void = () => undefined;
  let started = 0;
  const store: Store = {
    ...real,
    transaction: async (work) => {
      await gate;
      started += 1;
      return real.transaction(work);
    },
  };
  const server = createServer();
  const gateway = createGateway({
    server, store, metrics: createMetrics(), now: Date.now,
    logger: createLogger({ name: 'collector', level: 'info', destination: join(temp.dir, 'collector.log') }),
    ...options,
  });
  gateway.start();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const agentUrl = `ws://127.0.0.1:${port}/agent`;
  const stop = async (): Promise<void> => {
    open();
    await gateway.stop();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await real.close();
    temp.remove();
  };
  return {
    agentUrl,
    collector: { store, agentUrl, apiUrl: `http://127.0.0.1:${port}`, stop },
    hold: () => {
      started = 0;
      gate = new Promise((resolve) => { open = resolve; });
    },
    release: () => open(),
    transactions: () => started,
    stop,
  };
};
