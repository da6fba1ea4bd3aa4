// Nothing is lost and nothing is stored twice: kill -9 the collector while the
// agent streams, kill -9 the agent with unsent events in its outbox, restart both.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, waitFor } from '../support/processes.ts';
import { misuseEvents, startLine, type Line, type PresentedAlert } from '../support/line.ts';
import { mountUsbStick, type UsbStick } from '../support/usb-stick.ts';

const suffix = randomBytes(3).toString('hex');
const label = `LOST${suffix}`.toUpperCase();
const FILES = 120;
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('nothing lost, nothing stored twice', () => {
  let line: Line;
  let stick: UsbStick | undefined;

  beforeAll(async () => { line = await startLine('nothing-lost'); });
  afterAll(async () => {
    stick?.destroy();
    await line?.stop();
  });

  it('delivers every event exactly once across kill -9 of the collector and of the agent', async () => {
    stick = mountUsbStick({ mountRoot: line.mediaRoot, user: `pupil-${suffix}`, label });
    await waitFor('the stick to be reported', async () => {
      const { body } = await api<{ alerts: PresentedAlert[] }>(line.collector, line.tokens.dsl, '/api/v1/alerts?category=misuse');
      return body.alerts.find((alert) => JSON.stringify(alert.detail).includes(label));
    });

    const names = Array.from({ length: FILES }, (_, i) => `copy-${String(i).padStart(3, '0')}.txt`);
    // A third while all is well; the collector dies mid-stream.
    for (const name of names.slice(0, 40)) { stick.writeFile(name); await pause(15); }
    await line.collector.process.kill9();
    // A third while the collector is gone: they wait in the agent's outbox.
    for (const name of names.slice(40, 80)) { stick.writeFile(name); await pause(15); }
    await waitFor('the agent to hold the last file in its outbox', () =>
      line.agent.log().includes('copy-079') || undefined, 15_000).catch(() => undefined);
    await pause(3000); // let the watcher see the last writes settle
    // The agent dies with unsent events on disk, and comes back before the collector.
    await line.agent.kill9();
    line.startAgent();
    await pause(1000);
    await line.collector.restart();
    for (const name of names.slice(80)) { stick.writeFile(name); await pause(15); }

    const events = await waitFor('every copied file to arrive', async () => {
      const all = await line.allEvents('admin');
      const written = new Set(misuseEvents(all, 'FILE_WRITTEN').map((event) => (event.payload.file as { name: string }).name));
      return names.every((name) => written.has(name)) ? all : undefined;
    }, 90_000);

    const seqs = events.map((event) => event.seq);
    expect(new Set(seqs).size, 'no sequence number stored twice').toBe(seqs.length);
    expect(seqs, 'no gap: every event the agent numbered arrived').toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    const writtenNames = misuseEvents(events, 'FILE_WRITTEN').map((event) => (event.payload.file as { name: string }).name);
    for (const name of names) {
      expect(writtenNames.filter((candidate) => candidate === name), `${name} stored once`).toHaveLength(1);
    }
  });
});
