// The agent's last event, with a real agent process and a real collector: SIGTERM makes the agent
// say why it stops before it exits; an installer's note turns the same stop into an upgrade; a stop
// while the collector is away waits in the outbox and is told at the next start. (systemd is not
// PID 1 on this machine: the agent runs outside a service manager here; the job-queue reading that
// tells a shutdown from `systemctl stop` is tested on real systemctl output in agent/test/stopping.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENT_BIN, api, runCli, waitFor } from '../support/processes.ts';
import { startLine, type Line, type PresentedAlert, type PresentedEvent } from '../support/line.ts';

const stops = (events: PresentedEvent[]): PresentedEvent[] => events.filter((event) => event.kind === 'lifecycle');
const exitCode = (line: Line): number | string | null => line.agent.child.exitCode ?? line.agent.child.signalCode;

describe('the agent\'s last event', () => {
  let line: Line;
  const availability = async (): Promise<PresentedAlert[]> =>
    (await api<{ alerts: PresentedAlert[] }>(line.collector, line.tokens.technician, '/api/v1/alerts?category=availability')).body.alerts;
  const connected = (): Promise<true> => waitFor('the agent to be connected', () => {
    const status = JSON.parse(runCli(AGENT_BIN, ['status', '--state-dir', line.agentStateDir, '--json'])) as { connected: boolean };
    return status.connected ? true : undefined;
  }, 60_000);

  beforeAll(async () => { line = await startLine('agent-stop'); });
  afterAll(async () => { await line?.stop(); });

  it('on SIGTERM tells the collector it was stopped, exits cleanly, and the technicians hear of it until it runs again', async () => {
    await connected();
    await line.agent.stop();
    expect(exitCode(line)).toBe(0);
    expect(line.agent.log()).toMatch(/The collector has been told why the agent is stopping/);
    const [stop] = stops(await line.allEvents('technician'));
    expect(stop?.payload).toMatchObject({ reason: 'STOP_REASON_SERVICE_STOPPED', signal: 'SIGTERM', detail: expect.stringContaining('not run by a service manager') });
    // The DSL's view of the device holds no health events.
    expect(stops(await line.allEvents('dsl'))).toEqual([]);
    const [alert] = await availability();
    expect(alert).toMatchObject({ status: 'open', severity: 'warning', title: expect.stringMatching(/^The agent on .+ was stopped$/) });

    line.startAgent();
    await connected();
    await waitFor('the stop alert to be resolved', async () => ((await availability())[0]?.status === 'resolved' ? true : undefined));
  });

  it('reports an upgrade the installer announced, and raises no alert for it', async () => {
    await connected();
    const before = (await availability()).length;
    runCli(AGENT_BIN, ['stopping-for', '--reason', 'upgrade', '--next-version', '9.9.9', '--state-dir', line.agentStateDir]);
    await line.agent.stop();
    expect(exitCode(line)).toBe(0);
    expect(stops(await line.allEvents()).at(-1)?.payload).toMatchObject({ reason: 'STOP_REASON_UPGRADE', nextVersion: '9.9.9' });
    expect(await availability()).toHaveLength(before);
    line.startAgent();
  });

  it('with the collector away: exits within the service manager\'s stop timeout and tells the stop at the next start', async () => {
    await connected();
    const known = stops(await line.allEvents()).length;
    await line.collector.process.stop();
    const stopping = Date.now();
    await line.agent.stop();
    // systemd, launchd and the service wrapper wait 20 s before they kill.
    expect(Date.now() - stopping).toBeLessThan(20_000);
    expect(exitCode(line)).toBe(0);
    expect(line.agent.log()).toMatch(/Why the agent is stopping waits in the outbox for the next start/);

    await line.collector.restart();
    line.startAgent();
    const told = await waitFor('the stop told at the next start', async () => {
      const found = stops(await line.allEvents());
      return found.length > known ? found.at(-1) : undefined;
    }, 60_000);
    expect(told.payload).toMatchObject({ reason: 'STOP_REASON_SERVICE_STOPPED' });
    // Raised, and resolved as soon as the new run is heard from: nobody is sent to start an agent that runs.
    await waitFor('every stop alert resolved', async () => ((await availability()).every((alert) => alert.status === 'resolved') ? true : undefined), 60_000);
  });
});
