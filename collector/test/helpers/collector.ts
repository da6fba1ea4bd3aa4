// A real collector on 127.0.0.1:0 with its SQLite file and JSON log in a temp folder.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger } from '@invigilator/shared/logger.ts';
import { CollectionStatus, MisuseKind, type Event, type Frame } from '@invigilator/shared/wire.ts';
import { startCollector, type CollectorOptions, type RunningCollector } from '../../src/main.ts';
import { addSchool } from '../../src/schools.ts';
import { connectAgent } from './agent-client.ts';
import { makeTempDir } from './temp-dir.ts';

export interface TestCollector extends RunningCollector {
  dir: string;
  /** Every JSON log line written so far. */
  logLines(): Record<string, unknown>[];
  cleanUp(): Promise<void>;
}

export const startTestCollector = async (
  options: Pick<CollectorOptions, 'pingIntervalMs' | 'tls' | 'signIn' | 'signInThrottle' | 'metricsToken' | 'deliveryRetryMaxMs' | 'database'> = {},
): Promise<TestCollector> => {
  const temp = makeTempDir();
  const logFile = join(temp.dir, 'collector.log');
  const running = await startCollector({
    dataDir: join(temp.dir, 'data'), host: '127.0.0.1', port: 0,
    logger: createLogger({ name: 'collector', level: 'info', destination: logFile }), ...options,
  });
  return {
    ...running,
    dir: temp.dir,
    logLines: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '').split('\n').filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>),
    cleanUp: async () => {
      await running.stop();
      temp.remove();
    },
  };
};

export const FACTS = { hostname: 'lab-07', platform: 1, osName: 'Debian GNU/Linux', osVersion: '12', agentVersion: '0.1.0' };

export const firewallEvent = (seq: number, enabled: number): Event => ({
  seq, occurredAtMs: Date.UTC(2026, 10, 20, 9, 0, seq),
  observation: {
    check: 'firewall', status: CollectionStatus.COLLECTED,
    firewall: { enabled, backend: 'nftables', inboundDefault: 2 },
  },
});

export const mediaAttachedEvent = (seq: number): Event => ({
  seq, occurredAtMs: Date.UTC(2026, 10, 20, 9, 5, 0),
  misuse: { kind: MisuseKind.MEDIA_ATTACHED, user: 'pupil7', device: { vendor: 'SanDisk', model: 'Cruzer', serial: 'ABC123', bus: 'usb' } },
});

/** Adds a school, enrols a device with its secret and returns the device's credentials. */
export const enrolDevice = async (collector: RunningCollector, schoolId = 'north') => {
  const secret = await addSchool(collector.store, { id: schoolId, name: `${schoolId} school` }, Date.now());
  const agent = await connectAgent(collector.agentUrl);
  agent.send({ enrolRequest: { enrolmentSecret: secret, facts: FACTS } });
  const reply = await agent.next();
  const closed = await agent.closed;
  const { deviceId, deviceCredential } = reply.enrolResponse ?? {};
  if (!deviceId || !deviceCredential) throw new Error('enrolment gave no credential');
  return { deviceId, deviceCredential, schoolId, secret, reply, closed };
};

/** A connection that has said Hello and received its Welcome. */
export const helloAgent = async (collector: RunningCollector, device: { deviceId: string; deviceCredential: string }) => {
  const agent = await connectAgent(collector.agentUrl);
  const hello: Frame = { hello: { deviceId: device.deviceId, deviceCredential: device.deviceCredential, facts: FACTS } };
  agent.send(hello);
  const welcome = await agent.next();
  return { agent, welcome };
};
