// Alerts reach people from real processes: this machine's agent and a stick mounted under /media end in
// the DSL's mailbox on a real SMTP server and nowhere near the technician's; a relay outage loses
// nothing; kill -9 of the collector mid-send loses nothing and repeats only the message in flight,
// under the same Message-ID.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MisuseKind, type Event } from '@invigilator/shared/wire.ts';
import { startMailServer, type MailServer } from '../support/peers/mail-server.ts';
import { api, COLLECTOR_BIN, runCli, startCollector, tempDir, waitFor, type CollectorUnderTest } from '../support/processes.ts';
import { startLine, type Line } from '../support/line.ts';
import { SimAgent } from '../support/sim-agent.ts';
import { mountUsbStick, type UsbStick } from '../support/usb-stick.ts';

const suffix = randomBytes(3).toString('hex');
const DSL = `dsl-${suffix}@north.sch.uk`;
const TECH = `tech-${suffix}@north.sch.uk`;

interface PresentedNotification { id: string; status: string; attempts: number; lastError: string | null; recipient: string }

const cli = (dataDir: string, args: string[]): string => runCli(COLLECTOR_BIN, [...args, '--data-dir', dataDir]);
const addPeopleAndMail = (dataDir: string, school: string, mail: MailServer): void => {
  cli(dataDir, ['person', 'add', '--email', DSL, '--name', 'Designated Lead', '--role', 'dsl', '--school', school]);
  cli(dataDir, ['person', 'add', '--email', TECH, '--name', 'Lab Technician', '--role', 'technician', '--school', school]);
  cli(dataDir, ['channel', 'add', '--school', school, '--kind', 'email', '--smtp-url', mail.url, '--from', 'invigilator@north.sch.uk']);
};

describe('a stick mounted on this machine reaches the DSL by email, and only the DSL', () => {
  let line: Line;
  let mail: MailServer;
  let stick: UsbStick | undefined;
  const label = `MAIL${suffix}`.toUpperCase();
  const user = `pupil-${suffix}`;

  beforeAll(async () => {
    mail = await startMailServer();
    line = await startLine('alert-delivery');
    addPeopleAndMail(line.dataDir, 'e2e-school', mail);
  });
  afterAll(async () => {
    stick?.destroy();
    await line?.stop();
    await mail?.stop();
  });

  it('puts the alert with the user and the stick in the DSL\'s mailbox; the technician\'s holds nothing of it', async () => {
    stick = mountUsbStick({ mountRoot: line.mediaRoot, user, label });
    const alert = await waitFor('the DSL\'s mail about the stick', () => mail.mailbox(DSL).find((m) => m.text.includes(label)), 60_000);
    expect(alert.subject).toMatch(/Removable media plugged into /);
    expect(alert.text).toContain(`Logged-in user: ${user}`);
    expect(alert.text).toContain('What to do next:');
    expect(alert.text).toContain('No link to the alert: the collector\'s public address is not set');
    // The technician hears of this machine's posture failures, never of the stick or the pupil.
    // (Its first mail is the summary of what was already failing when the channel was added.)
    await waitFor('the technician\'s posture mail', () => mail.mailbox(TECH).find((m) => /fails the school/.test(m.text)), 60_000);
    const technician = JSON.stringify(mail.mailbox(TECH));
    expect(technician).not.toContain(label);
    expect(technician).not.toContain(user);
    expect(mail.mailbox(DSL).every((m) => !m.subject.includes('fails the school'))).toBe(true);
  });
});

describe('delivery that loses nothing', () => {
  let dataDir: string;
  let collector: CollectorUnderTest;
  let mail: MailServer;
  let admin: string;
  let agent: SimAgent | undefined;
  let seq = 0;

  const sticks = (count: number): Event[] => Array.from({ length: count }, () => {
    seq += 1;
    return { seq, occurredAtMs: Date.now(), misuse: { kind: MisuseKind.MEDIA_ATTACHED, user: 'pupil', device: { serial: `S-${suffix}-${seq}`, label: `K${seq}`, bus: 'usb' } } };
  });
  const notifications = async (): Promise<PresentedNotification[]> =>
    (await api<{ notifications: PresentedNotification[] }>(collector, admin, '/api/v1/notifications?limit=500')).body.notifications;

  beforeAll(async () => {
    mail = await startMailServer();
    dataDir = tempDir('delivery');
    collector = await startCollector(dataDir, undefined, '127.0.0.1', ['--delivery-retry-max', '1']);
    const secret = cli(dataDir, ['school', 'add', '--id', 'north', '--name', 'North']);
    admin = cli(dataDir, ['token', 'create', '--role', 'admin', '--label', 'e2e admin']);
    addPeopleAndMail(dataDir, 'north', mail);
    const credential = await SimAgent.enrol(collector.wsUrl, secret);
    ({ agent } = await SimAgent.session(collector.wsUrl, credential));
  }, 60_000);
  afterAll(async () => {
    agent?.close();
    await collector?.process.stop();
    await mail?.stop();
  });

  it('keeps every message through a relay outage and delivers each once when it is back', async () => {
    await mail.stop();
    await agent!.sendBatch(sticks(5));
    const failing = await waitFor('attempts against the stopped relay', async () => {
      const rows = await notifications();
      return rows.length === 5 && rows.every((n) => n.attempts >= 2 && n.status === 'pending') ? rows : undefined;
    });
    expect(failing[0]!.lastError).toMatch(/did not accept the message/);
    await mail.start();
    await waitFor('all five delivered', async () => ((await notifications()).every((n) => n.status === 'sent') ? true : undefined));
    const ids = failing.map((n) => `<${n.id}@invigilator.notifications>`).sort();
    expect(mail.mailbox(DSL).map((m) => m.messageId).sort()).toEqual(ids);
  });

  it('after kill -9 mid-send, sends the rest once and only the message in flight again, under the same Message-ID', async () => {
    const before = mail.mails.length;
    mail.delayMs = 3_000;
    await agent!.sendBatch(sticks(4));
    await waitFor('a message in flight', () => (mail.inFlight > 0 ? true : undefined));
    await collector.process.kill9();
    agent!.close();
    agent = undefined;
    mail.delayMs = 0;
    await collector.restart();
    await waitFor('all delivered after the restart', async () => {
      const rows = await notifications();
      return rows.length === 9 && rows.every((n) => n.status === 'sent') ? true : undefined;
    }, 60_000);
    // The relay still holds the message that was in flight at the kill; it takes it in the end.
    await waitFor('the relay to finish the message it held', () => (mail.inFlight === 0 ? true : undefined));
    const sent = (await notifications()).slice(0, 4).map((n) => `<${n.id}@invigilator.notifications>`).sort();
    const received = mail.mails.slice(before).map((m) => m.messageId);
    // Each of the four arrived; a mail client (which goes by Message-ID) shows each once.
    expect([...new Set(received)].sort()).toEqual(sent);
    // The relay took the one in flight before the kill, and again after: the only repeat, same id.
    const repeats = received.filter((id, index) => received.indexOf(id) !== index);
    expect(received.length - sent.length).toBe(repeats.length);
    expect(repeats).toHaveLength(1);
    expect(collector.process.log()).toMatch(/Notifications interrupted by a stop mid-send are sent again/);
  });
});
