// A forged batch with a high sequence number, sent with the device's own credential while its real agent
// is connected, must not make the collector take the agent's later events for ones already stored; when
// the agent next says Hello the collector starts a new series. A real collector process and a real agent.
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { decodeFrame, encodeFrame, MAX_SEQ, MisuseKind } from '@invigilator/shared/wire.ts';
import { misuseEvents, startLine, type Line } from '../support/line.ts';
import { waitFor } from '../support/processes.ts';
import { mountUsbStick, type UsbStick } from '../support/usb-stick.ts';

const FORGED_SEQ = MAX_SEQ - 1;
const label = `SER${randomBytes(3).toString('hex')}`.toUpperCase();
let line: Line;
let stick: UsbStick | undefined;

beforeAll(async () => { line = await startLine('series'); });
afterAll(async () => {
  stick?.destroy();
  await line?.stop();
  if (line) rmSync(line.dataDir, { recursive: true, force: true });
});

/** Says Hello with the device's credential (naming no outbox) and sends one batch; resolves with the ack. */
const forge = async (): Promise<number> => {
  const { deviceId, deviceCredential } = JSON.parse(readFileSync(path.join(line.agentStateDir, 'enrolment.json'), 'utf8')) as Record<string, string>;
  const socket = new WebSocket(`${line.collector.wsUrl}/agent`);
  const frames: ReturnType<typeof decodeFrame>[] = [];
  socket.on('message', (data: Buffer) => frames.push(decodeFrame(data)));
  await new Promise((resolve) => socket.once('open', resolve));
  socket.send(encodeFrame({ hello: { deviceId, deviceCredential } }));
  await waitFor('the Welcome', () => frames[0]);
  socket.send(encodeFrame({ batch: { events: [{ seq: FORGED_SEQ, occurredAtMs: Date.now(), misuse: { kind: MisuseKind.SAFEGUARD_DISABLED, detail: 'forged' } }] } }));
  const ack = await waitFor('the ack', () => frames[1]);
  socket.close();
  return Number(ack.ack?.upToSeq);
};

it('stores the real agent\'s events after a forged high number, on its live connection and after it reconnects', async () => {
  await line.deviceId();
  await waitFor('the agent\'s first observations', async () => ((await line.allEvents()).length >= 5 ? true : undefined));
  expect(await forge()).toBe(FORGED_SEQ);

  // The agent's connection is still open: a stick plugged in now must be stored, not acknowledged and dropped.
  stick = mountUsbStick({ mountRoot: line.mediaRoot, user: `pupil-${label.toLowerCase()}`, label });
  await waitFor('the stick the real agent reported', async () =>
    misuseEvents(await line.allEvents(), 'MEDIA_ATTACHED').find((event) => JSON.stringify(event.payload).includes(label)), 45_000);

  // Restarted, the agent names its outbox: the collector cannot explain FORGED_SEQ from it and starts a new series.
  const before = (await line.allEvents()).length;
  await line.agent.stop();
  line.startAgent();
  const after = await waitFor('the restarted agent\'s check round', async () => {
    const events = await line.allEvents();
    return events.length >= before + 5 ? events : undefined;
  }, 60_000);
  expect(after.at(-1)!.seq).toBeGreaterThan(FORGED_SEQ);
  expect(line.agent.log()).toContain('SEQUENCE_SERIES_RESTARTED');
  expect(line.collector.process.log()).toContain('SEQUENCE_SERIES_RESTARTED');
  const seqs = after.map((event) => event.seq);
  expect(new Set(seqs).size).toBe(seqs.length);
}, 180_000);
