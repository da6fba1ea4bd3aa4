// Stick mounted -> mail accepted by the school's SMTP relay: the whole line (this machine's agent, the
// collector process, the outbox and dispatcher, a real SMTP server), over repeated plugs. Printed, never asserted.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { startMailServer } from '../test/support/peers/mail-server.ts';
import { AGENT_BIN, COLLECTOR_BIN, runCli, startCollector, startProcess, tempDir, waitFor } from '../test/support/processes.ts';
import { mountUsbStick } from '../test/support/usb-stick.ts';

const PLUGS = Number(process.env.BENCH_PLUGS ?? 10);

export const stickToMail = async (print: (line: string) => void, percentile: (sorted: number[], p: number) => number): Promise<void> => {
  const mail = await startMailServer();
  const dataDir = tempDir('bench-mail');
  const collector = await startCollector(dataDir);
  const cli = (args: string[]): string => runCli(COLLECTOR_BIN, [...args, '--data-dir', dataDir]);
  const stateDir = path.join(dataDir, 'agent');
  let agent: ReturnType<typeof startProcess> | undefined;
  try {
    const secret = cli(['school', 'add', '--id', 'bench', '--name', 'Bench School']);
    cli(['person', 'add', '--email', 'dsl@bench.sch.uk', '--name', 'DSL', '--role', 'dsl', '--school', 'bench']);
    // Repeated plugs from one device are a burst that flood control would fold into one alert.
    cli(['alerts', 'settings', '--school', 'bench', '--flood-limit', '10000']);
    cli(['channel', 'add', '--school', 'bench', '--kind', 'email', '--smtp-url', mail.url, '--from', 'invigilator@bench.sch.uk']);
    runCli(AGENT_BIN, ['enroll', '--collector', collector.wsUrl, '--secret', secret, '--state-dir', stateDir]);
    agent = startProcess(AGENT_BIN, ['run', '--state-dir', stateDir], path.join(dataDir, 'agent.log'));
    await new Promise((resolve) => setTimeout(resolve, 5_000)); // the agent's first check round
    const latencies: number[] = [];
    for (let plug = 0; plug < PLUGS; plug += 1) {
      const label = `B${randomBytes(3).toString('hex')}`.toUpperCase();
      // A new user folder each time too: the loop device is reused, and its label as the system reports it can lag.
      const user = `bench-${randomBytes(3).toString('hex')}`;
      const started = performance.now();
      const stick = mountUsbStick({ mountRoot: '/media', user, label });
      try {
        await waitFor('the mail', () => (mail.mailbox('dsl@bench.sch.uk').some((m) => m.text.includes(user) || m.text.includes(label)) ? true : undefined), 30_000);
        latencies.push(performance.now() - started);
      } finally {
        stick.destroy();
      }
      // One alert per insertion minute per stick: a new label and user each time keep the plugs apart.
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
    latencies.sort((a, b) => a - b);
    print(`  ${PLUGS} plugs: stick mounted -> mail accepted by the SMTP server: p50 ${percentile(latencies, 50).toFixed(0)} ms, `
      + `p95 ${percentile(latencies, 95).toFixed(0)} ms (max ${latencies.at(-1)?.toFixed(0)} ms)`);
  } finally {
    await agent?.stop();
    await collector.process.stop();
    await mail.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
};
