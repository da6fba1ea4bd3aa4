// Misuse detail is the school's DSL's alone: every message to anyone else — the network manager told an
// alert was raised, an administrator it is escalated to, a chat or SIEM channel whose audience is not the
// DSL — says what kind of alert, which school, how long it has waited, that the DSL has the detail, and
// where the dashboard is; never the pupil, the stick, the file or the device. Read from the mail a real SMTP
// server received for each role, and from the webhook and syslog receivers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MisuseKind, type Event } from '@invigilator/shared/wire.ts';
import { escalateUnacknowledged } from '../../src/alerts/lifecycle.ts';
import { addChannel } from '../../src/notify/setup.ts';
import { addPerson } from '../../src/people/people.ts';
import { addSchool } from '../../src/schools.ts';
import type { Role } from '../../src/store/types.ts';
import { SimAgent } from '../../../test/support/sim-agent.ts';
import { waitFor } from '../../../test/support/processes.ts';
import { startMailServer, type MailServer, type ReceivedMail } from '../../../test/support/peers/mail-server.ts';
import { startWebhookReceiver } from '../../../test/support/peers/webhook-receiver.ts';
import { startSyslogListener } from '../../../test/support/peers/syslog-listener.ts';
import { enrolDevice, startTestCollector, type TestCollector } from '../helpers/collector.ts';

const PUBLIC_URL = 'https://invigilator.trust.example';
const PUPIL = 'pupil-okonkwo';
const SERIAL = 'SERIAL-Q7Z3';
const LABEL = 'HOLIDAYPICS';
const FILE = 'exam-answers-2026.docx';
const HOSTNAME = 'sim-device';
/** What only a DSL of the school may read. */
const DETAIL = [PUPIL, SERIAL, LABEL, FILE, HOSTNAME, 'nft flush ruleset'];

const PEOPLE: Record<string, { roles: Role[]; schools: string[] }> = {
  'dsl@north.sch.uk': { roles: ['dsl'], schools: ['north'] },
  'head@north.sch.uk': { roles: ['admin'], schools: ['north'] },
  'nm@trust.example': { roles: ['network-manager'], schools: ['north', 'south'] },
  // An administrator who is also a DSL of the school: a DSL, so told in full.
  'deputy@north.sch.uk': { roles: ['admin', 'dsl'], schools: ['north'] },
  // A DSL of another school: told nothing of this one's.
  'dsl@south.sch.uk': { roles: ['dsl'], schools: ['south'] },
  'tech@north.sch.uk': { roles: ['technician'], schools: ['north'] },
};

const STICK = { vendor: 'SanDisk', model: 'Cruzer', serial: SERIAL, label: LABEL, bus: 'usb', mountPoint: `/media/${PUPIL}/${LABEL}` };

let collector: TestCollector;
let mail: MailServer;
let adminHook: Awaited<ReturnType<typeof startWebhookReceiver>>;
let dslHook: Awaited<ReturnType<typeof startWebhookReceiver>>;
let siem: Awaited<ReturnType<typeof startSyslogListener>>;
let agent: SimAgent;

const mailsTo = (address: string): ReceivedMail[] => mail.mailbox(address);
const escalations = (address: string): ReceivedMail[] => mailsTo(address).filter((m) => m.subject.includes('Not yet acknowledged'));

beforeAll(async () => {
  mail = await startMailServer();
  [adminHook, dslHook] = [await startWebhookReceiver(), await startWebhookReceiver()];
  siem = await startSyslogListener();
  collector = await startTestCollector({ signIn: { publicUrl: PUBLIC_URL } });
  const device = await enrolDevice(collector, 'north');
  await addSchool(collector.store, { id: 'south', name: 'South School' }, Date.now());
  for (const [email, { roles, schools }] of Object.entries(PEOPLE)) await addPerson(collector.store, { email, name: email.split('@')[0]!, roles, schools }, Date.now());
  const add = (input: Parameters<typeof addChannel>[1]) => addChannel(collector.store, input, Date.now());
  await add({ schoolId: 'north', kind: 'email', url: `${mail.url}?starttls=opportunistic`, from: 'invigilator@north.sch.uk' });
  await add({ schoolId: 'south', kind: 'email', url: `${mail.url}?starttls=opportunistic`, from: 'invigilator@south.sch.uk' });
  await add({ schoolId: 'north', kind: 'webhook', url: adminHook.url, format: 'json', audience: 'admin' });
  await add({ schoolId: 'north', kind: 'webhook', url: dslHook.url, format: 'json', audience: 'dsl' });
  await add({ schoolId: 'north', kind: 'syslog', url: siem.url });
  ({ agent } = await SimAgent.session(collector.agentUrl.replace(/\/agent$/, ''), device));
  // Twenty minutes ago, and nobody has acknowledged them since: due for escalation now.
  const at = Date.now() - 20 * 60_000;
  const events: Event[] = [
    { seq: 1, occurredAtMs: at, misuse: { kind: MisuseKind.MEDIA_ATTACHED, user: PUPIL, device: STICK } },
    { seq: 2, occurredAtMs: at + 1000, misuse: { kind: MisuseKind.FILE_WRITTEN, user: PUPIL, device: STICK, file: { name: FILE, sizeBytes: 2048, relativeDir: '' } } },
    { seq: 3, occurredAtMs: at + 2000, misuse: { kind: MisuseKind.SAFEGUARD_DISABLED, user: PUPIL, subject: 'firewall', detail: 'nft flush ruleset' } },
  ];
  await agent.sendBatch(events);
  await collector.store.transaction((tx) => escalateUnacknowledged(tx, Date.now()));
  await waitFor('every notification settled', async () => {
    const rows = await collector.store.listNotifications({ limit: 100 });
    return rows.some((row) => row.reason === 'escalated') && rows.every((row) => row.status === 'sent') ? rows : undefined;
  });
}, 60_000);

afterAll(async () => {
  agent?.close();
  await collector?.cleanUp();
  await Promise.all([mail?.stop(), adminHook?.stop(), dslHook?.stop(), siem?.stop()]);
});

describe('misuse detail reaches a DSL of the school and nobody else', () => {
  it('mails the DSL each alert with the pupil, the stick and the file, and each a link to the alert itself', () => {
    const box = mailsTo('dsl@north.sch.uk');
    expect(box.map((m) => m.subject).sort()).toEqual([
      '[CRITICAL] A safeguard was switched off on sim-device', '[CRITICAL] Files copied to a memory stick on sim-device',
      '[WARNING] Removable media plugged into sim-device',
    ]);
    const text = box.map((m) => m.text).join('\n');
    for (const word of [PUPIL, SERIAL, LABEL, FILE, 'nft flush ruleset']) expect(text).toContain(word);
    for (const m of box) expect(m.text).toMatch(new RegExp(`The alert: ${PUBLIC_URL}/\\?alert=[0-9a-f-]{36}`));
  });

  it('escalates to an administrator with what kind of alert, which school, how long it has waited, that the DSL has it, and the dashboard', () => {
    const box = escalations('head@north.sch.uk');
    expect(box).toHaveLength(2);
    for (const m of box) {
      expect(m.subject).toMatch(/^Not yet acknowledged: a safeguarding alert at north school has waited (19|2\d) minutes$/);
      expect(m.text).toMatch(/Waiting: (19|2\d) minutes, not yet acknowledged/);
      expect(m.text).toContain('The designated safeguarding lead has the details');
      expect(m.text).toContain(`The dashboard: ${PUBLIC_URL}/\n`);
      expect(m.text).not.toContain('?alert=');
      for (const word of DETAIL) expect(m.text + m.subject).not.toContain(word);
    }
    expect(box.map((m) => /Kind of alert: (.*)/.exec(m.text)?.[1]).sort()).toEqual([
      'A safeguard (the firewall or anti-virus) was switched off.', 'Files were copied to removable media.',
    ]);
    // Nothing at the first step: administrators hear of misuse only when it waits.
    expect(mailsTo('head@north.sch.uk')).toHaveLength(2);
  });

  it('tells the network manager each alert was raised, of what kind and at which school, and nothing a device said', () => {
    const box = mailsTo('nm@trust.example');
    expect(box).toHaveLength(3);
    for (const m of box) {
      expect(m.subject).toBe('A safeguarding alert was raised at north school');
      expect(m.text).toMatch(/\d safeguarding alerts? (is|are) open there now/);
      expect(m.text).toMatch(/Waiting: \d+ minutes?, not yet acknowledged|Waiting: under a minute/);
      expect(m.text).toContain(`The dashboard: ${PUBLIC_URL}/`);
      for (const word of DETAIL) expect(m.text + m.subject).not.toContain(word);
    }
    expect(box.map((m) => /Kind of alert: (.*)/.exec(m.text)?.[1]).sort()).toEqual([
      'A safeguard (the firewall or anti-virus) was switched off.', 'Files were copied to removable media.',
      'Removable media was plugged in; the school\'s policy bans removable media.',
    ]);
  });

  it('tells an administrator who is also the school\'s DSL in full, the escalations included', () => {
    const box = mailsTo('deputy@north.sch.uk');
    expect(box).toHaveLength(5);
    const escalated = escalations('deputy@north.sch.uk');
    expect(escalated).toHaveLength(2);
    expect(escalated.map((m) => m.text).join('\n')).toContain(PUPIL);
    expect(escalated.every((m) => /The alert: .*\?alert=/.test(m.text))).toBe(true);
  });

  it('tells a DSL of another school and a technician nothing', () => {
    expect(mailsTo('dsl@south.sch.uk')).toEqual([]);
    expect(mailsTo('tech@north.sch.uk')).toEqual([]);
  });

  it('posts the administrators\' channel the escalations without detail, and the DSL\'s channel in full', () => {
    expect(adminHook.calls).toHaveLength(2);
    for (const call of adminHook.calls) {
      expect(call.json).toMatchObject({ category: 'misuse', form: 'count', alertId: null, device: null, opens: 'dashboard', link: `${PUBLIC_URL}/` });
      for (const word of DETAIL) expect(call.body).not.toContain(word);
    }
    expect(dslHook.calls).toHaveLength(3);
    expect(dslHook.calls.map((call) => call.body).join('\n')).toContain(FILE);
  });

  it('writes the network manager\'s SIEM the kind and school of each, without the device or the pupil', async () => {
    const lines = await waitFor('three syslog lines', () => (siem.messages.length >= 3 ? siem.messages : undefined));
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(line.structuredData['invigilator@32473']).not.toHaveProperty('device');
      expect(line.structuredData['invigilator@32473']).not.toHaveProperty('alert');
      for (const word of DETAIL) expect(line.raw).not.toContain(word);
    }
  });
});
