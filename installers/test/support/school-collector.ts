// A real collector process with one school, for the package tests, and what they read back
// through its API: the devices, the agent's last events (why it stopped), the availability alerts.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PolicyPack } from '../../../shared/src/policy/types.ts';
import { api, COLLECTOR_BIN, runCli, startCollector, type CollectorUnderTest } from '../../../test/support/processes.ts';

export interface SchoolCollector {
  collector: CollectorUnderTest;
  /** The school's enrolment secret. */
  secret: string;
  devices(): Promise<Array<{ id: string; hostname: string; checks: Record<string, unknown> }>>;
  /** The agent's last events (`lifecycle`: why it stopped) as stored, oldest first. */
  stops(deviceId: string): Promise<Array<Record<string, unknown>>>;
  availabilityAlerts(): Promise<Array<{ title: string; summary: string; status: string; resolvedBy: string | null }>>;
}

/** Starts a collector in `dir` with the school `id`, whose policy pack is `pack` when given. */
export const startSchoolCollector = async (dir: string, id: string, pack?: PolicyPack): Promise<SchoolCollector> => {
  mkdirSync(dir, { recursive: true });
  const dataDir = path.join(dir, 'collector');
  mkdirSync(dataDir);
  const secret = runCli(COLLECTOR_BIN, ['school', 'add', '--data-dir', dataDir, '--id', id, '--name', `School ${id}`]);
  if (pack) {
    const packFile = path.join(dir, `${id}.json`);
    writeFileSync(packFile, JSON.stringify({ ...pack, id }));
    runCli(COLLECTOR_BIN, ['school', 'policy', 'set', '--data-dir', dataDir, '--id', id, '--file', packFile]);
  }
  const adminToken = runCli(COLLECTOR_BIN, ['token', 'create', '--data-dir', dataDir, '--role', 'admin']);
  const collector = await startCollector(dataDir);
  const get = async <T>(route: string): Promise<T> => {
    const { status, body } = await api<T>(collector, adminToken, route);
    if (status !== 200) throw new Error(`GET ${route} answered ${status}`);
    return body;
  };
  return {
    collector,
    secret,
    devices: async () => (await get<{ devices: Array<{ id: string; hostname: string; checks: Record<string, unknown> }> }>('/api/v1/devices')).devices,
    // The API pages newest first.
    stops: async (deviceId) => (await get<{ events: Array<{ kind: string; payload: Record<string, unknown> }> }>(`/api/v1/devices/${deviceId}/events?limit=500`))
      .events.filter((event) => event.kind === 'lifecycle').map((event) => event.payload).reverse(),
    availabilityAlerts: async () => (await get<{ alerts: Array<{ title: string; summary: string; status: string; resolvedBy: string | null }> }>('/api/v1/alerts?category=availability')).alerts,
  };
};
