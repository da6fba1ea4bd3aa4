// The whole line on this machine for end-to-end tests: a real collector process
// on SQLite, a school, tokens for each role, and this machine's real agent.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_POLICY_PACK } from '@invigilator/shared/policy/default-pack.ts';
import { isLoopbackHost } from '@invigilator/shared/loopback.ts';
import { AGENT_BIN, COLLECTOR_BIN, api, type Launcher, runCli, startCollector, startProcess, tempDir, waitFor, type CollectorUnderTest, type RunningProcess } from './processes.ts';

export const ROLES = ['admin', 'network-manager', 'technician', 'dsl', 'governor'] as const;
export type RoleName = (typeof ROLES)[number];

export interface PresentedEvent { seq: number; kind: 'observation' | 'misuse' | 'lifecycle'; check: string | null; payload: Record<string, unknown> }
export interface PresentedDevice { id: string; hostname: string; checks: Record<string, { status: string; reason: string; clause: { id: string; text: string } }> }
export interface PresentedAlert { id: string; category: string; severity: string; status: string; title: string; summary: string; detail: Record<string, unknown>; occurrences: number }

export interface Line {
  dataDir: string;
  collector: CollectorUnderTest;
  agent: RunningProcess;
  tokens: Record<RoleName, string>;
  agentStateDir: string;
  /**
   * The one folder under /media this line's agent watches for sticks (mount them at <mediaRoot>/<user>/<label>):
   * another test run's sticks elsewhere under /media are not its concern.
   */
  mediaRoot: string;
  startAgent(): void;
  deviceId(): Promise<string>;
  /** Every stored event of the device, oldest first, read through the API page by page (as `role`, else as admin and DSL together). */
  allEvents(role?: RoleName): Promise<PresentedEvent[]>;
  stop(): Promise<void>;
}

export interface LineOptions {
  /** Where the collector listens (an address the agent can reach, e.g. a veth into its namespace). */
  listenHost?: string;
  /** How the agent is started, e.g. inside a network namespace. */
  agentLauncher?: Launcher;
}

// A test's own veth address is beyond loopback, where the collector would make its own certificate: these
// tests are about what the agent sees, so they choose plain traffic on the test link explicitly.
const plainBeyondLoopback = (options: LineOptions): boolean => options.listenHost !== undefined && !isLoopbackHost(options.listenHost);

export const startLine = async (name: string, options: LineOptions = {}): Promise<Line> => {
  const dataDir = tempDir(name);
  const collector = await startCollector(dataDir, undefined, options.listenHost, plainBeyondLoopback(options) ? ['--insecure-plain'] : []);
  try {
    const line = startAgentOnLine(dataDir, collector, options);
    // Until the school's settings arrive the agent watches the default folders; their arrival restarts its watcher.
    await waitFor('the agent to apply the school\'s settings', () => line.agent.log().includes('Applied the settings sent by the collector') || undefined, 60_000);
    return line;
  } catch (error) {
    // A later step failed: the collector must not outlive the setup that started it.
    await collector.process.stop();
    throw error;
  }
};

/** The default pack, but the agent watches only `mediaRoot` for sticks. */
const packWatching = (dataDir: string, mediaRoot: string): string => {
  const file = path.join(dataDir, 'e2e-pack.json');
  writeFileSync(file, JSON.stringify({ ...DEFAULT_POLICY_PACK, agent: { ...DEFAULT_POLICY_PACK.agent, removableMountRoots: [mediaRoot] } }));
  return file;
};

const startAgentOnLine = (dataDir: string, collector: CollectorUnderTest, options: LineOptions): Line => {
  const secret = runCli(COLLECTOR_BIN, ['school', 'add', '--data-dir', dataDir, '--id', 'e2e-school', '--name', 'End-to-end School']);
  const mediaRoot = tempDir('e2e-media', '/media');
  runCli(COLLECTOR_BIN, ['school', 'policy', 'set', '--data-dir', dataDir, '--id', 'e2e-school', '--file', packWatching(dataDir, mediaRoot)]);
  const tokens = Object.fromEntries(ROLES.map((role) =>
    [role, runCli(COLLECTOR_BIN, ['token', 'create', '--data-dir', dataDir, '--role', role, '--label', `e2e ${role}`])])) as Record<RoleName, string>;
  const agentStateDir = path.join(dataDir, 'agent');
  runCli(AGENT_BIN, ['enroll', '--collector', collector.httpUrl, `--secret=${secret}`, '--state-dir', agentStateDir,
    ...(plainBeyondLoopback(options) ? ['--insecure-plain'] : [])]);

  const line: Line = {
    dataDir, collector, tokens, agentStateDir, mediaRoot,
    agent: undefined as unknown as RunningProcess,
    startAgent: () => {
      line.agent = startProcess(AGENT_BIN, ['run', '--state-dir', agentStateDir], path.join(dataDir, 'agent.log'), [], options.agentLauncher);
    },
    deviceId: () => waitFor('the agent\'s device to appear', async () => {
      const { body } = await api<{ devices: PresentedDevice[] }>(collector, tokens.admin, '/api/v1/devices');
      return body.devices[0]?.id;
    }),
    allEvents: async (role?: RoleName) => {
      const id = await line.deviceId();
      const asRole = async (name: RoleName): Promise<PresentedEvent[]> => {
        const events: PresentedEvent[] = [];
        let before: number | null | undefined;
        do {
          const { status, body } = await api<{ events: PresentedEvent[]; nextBefore: number | null }>(collector, tokens[name],
            `/api/v1/devices/${id}/events?limit=500${before ? `&before=${before}` : ''}`);
          if (status !== 200) throw new Error(`events: HTTP ${status} ${JSON.stringify(body)}`);
          events.push(...body.events);
          before = body.nextBefore;
        } while (before);
        return events;
      };
      // No one role reads both kinds (observations are the device roles', misuse the DSL's): every event is both reads together.
      const events = role ? await asRole(role) : [...await asRole('admin'), ...await asRole('dsl')];
      return events.sort((a, b) => a.seq - b.seq);
    },
    stop: async () => {
      await line.agent?.stop();
      await collector.process.stop();
    },
  };
  line.startAgent();
  return line;
};

export const misuseEvents = (events: PresentedEvent[], kind: string): PresentedEvent[] =>
  events.filter((event) => event.kind === 'misuse' && event.payload.kind === kind);
