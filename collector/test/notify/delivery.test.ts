// Alerts reach exactly the people whose role it is, over every channel, with real peers: an SMTP server
// (smtp-server, parsed with mailparser), HTTP webhook receivers checking the HMAC, and syslog receivers
// over TCP and TLS parsing RFC 5424. The whole role x category x channel matrix is checked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MisuseKind, Tri, type Event } from '@invigilator/shared/wire.ts';
import { escalateUnacknowledged } from '../../src/alerts/lifecycle.ts';
import { queueDueDigests } from '../../src/jobs/digest.ts';
import { addPerson } from '../../src/people/people.ts';
import { addChannel, addRoute } from '../../src/notify/setup.ts';
import { createApiToken } from '../../src/tokens.ts';
import type { Role } from '../../src/store/types.ts';
import { SimAgent } from '../../../test/support/sim-agent.ts';
import { waitFor } from '../../../test/support/processes.ts';
import { startMailServer, type MailServer } from '../../../test/support/peers/mail-server.ts';
import { startWebhookReceiver } from '../../../test/support/peers/webhook-receiver.ts';
import { startSyslogListener, type SyslogMessage } from '../../../test/support/peers/syslog-listener.ts';
import { makeSelfSignedCert } from '../../../test/support/peers/self-signed.ts';
import { enrolDevice, firewallEvent, startTestCollector, type TestCollector } from '../helpers/collector.ts';

const SIGNING_KEY = 'a-long-shared-signing-key-0123456789';
const PUPIL = 'pupil-ashworth';
const SERIAL = 'SERIAL-77Q';
/** What must never reach a role that may not see safeguarding detail. */
const SAFEGUARDING_WORDS = [PUPIL, SERIAL, 'plugged into'];

const PEOPLE: Record<string, Role[]> = {
  'dsl@north.sch.uk': ['dsl'], 'tech@north.sch.uk': ['technician'], 'nm@trust.example': ['network-manager'],
  'governor@north.sch.uk': ['governor'], 'head@north.sch.uk': ['admin'],
};

const stickEvent = (seq: number): Event => ({
  seq, occurredAtMs: Date.now(),
  misuse: { kind: MisuseKind.MEDIA_ATTACHED, user: PUPIL, device: { vendor: 'SanDisk', model: 'Cruzer', serial: SERIAL, label: 'KEYS', bus: 'usb', mountPoint: `/media/${PUPIL}/KEYS` } },
});

let collector: TestCollector;
let mail: MailServer;
let hooks: { json: Awaited<ReturnType<typeof startWebhookReceiver>>; teams: Awaited<ReturnType<typeof startWebhookReceiver>>; slack: Awaited<ReturnType<typeof startWebhookReceiver>> };
let syslog: { tcp: Awaited<ReturnType<typeof startSyslogListener>>; tls: Awaited<ReturnType<typeof startSyslogListener>> };
let device: { deviceId: string; deviceCredential: string };
let agent: SimAgent;
let adminToken: string;

const textOfSyslog = (messages: SyslogMessage[]): string => messages.map((m) => m.raw).join('\n');

beforeAll(async () => {
  mail = await startMailServer();
  hooks = { json: await startWebhookReceiver(SIGNING_KEY), teams: await startWebhookReceiver(), slack: await startWebhookReceiver() };
  const cert = makeSelfSignedCert();
  syslog = { tcp: await startSyslogListener(), tls: await startSyslogListener(cert) };
  collector = await startTestCollector({ signIn: { publicUrl: 'https://invigilator.trust.example' } });
  device = await enrolDevice(collector, 'north');
  for (const [email, roles] of Object.entries(PEOPLE)) {
    await addPerson(collector.store, { email, name: email.split('@')[0]!, roles, schools: ['north'] }, Date.now());
  }
  const add = async (input: Parameters<typeof addChannel>[1]) => (await addChannel(collector.store, input, Date.now())).channel.id;
  await Promise.all([
    add({ schoolId: 'north', kind: 'email', url: `${mail.url}?starttls=opportunistic`, from: 'invigilator@north.sch.uk' }),
    add({ schoolId: 'north', kind: 'webhook', url: hooks.json.url, format: 'json', signingKey: SIGNING_KEY, audience: 'dsl' }),
    add({ schoolId: 'north', kind: 'webhook', url: hooks.teams.url, format: 'teams' }),
    add({ schoolId: 'north', kind: 'webhook', url: hooks.slack.url, format: 'slack', audience: 'network-manager' }),
    add({ schoolId: 'north', kind: 'syslog', url: syslog.tcp.url }),
    add({ schoolId: 'north', kind: 'syslog', url: syslog.tls.url, ca: cert.cert, audience: 'dsl' }),
  ]);
  adminToken = (await createApiToken(collector.store, { role: 'admin', label: 'head' }, Date.now())).token;
  ({ agent } = await SimAgent.session(collector.agentUrl.replace(/\/agent$/, ''), device));
  await agent.sendBatch([firewallEvent(1, Tri.TRI_NO), stickEvent(2)]);
  // Both alerts reached every channel that should have them: 3 mails for posture (tech, nm) + misuse (dsl) + count (nm).
  await waitFor('every notification sent', async () => {
    const rows = await collector.store.listNotifications({ limit: 100 });
    return rows.length > 0 && rows.every((row) => row.status === 'sent') ? rows : undefined;
  });
}, 60_000);

afterAll(async () => {
  agent?.close();
  await collector?.cleanUp();
  await Promise.all([mail?.stop(), hooks?.json.stop(), hooks?.teams.stop(), hooks?.slack.stop(), syslog?.tcp.stop(), syslog?.tls.stop()]);
});

describe('who is told what, over each channel', () => {
  it('mails the DSL the misuse alert with the pupil, the stick, the clause, the incident steps and a link; nothing of posture', () => {
    const box = mail.mailbox('dsl@north.sch.uk');
    expect(box).toHaveLength(1);
    const [alert] = box;
    expect(alert!.subject).toMatch(/^\[WARNING\] Removable media plugged into sim-device$/);
    expect(alert!.text).toContain(PUPIL);
    expect(alert!.text).toContain(SERIAL);
    expect(alert!.text).toContain('Device: sim-device');
    expect(alert!.text).toMatch(/The school's policy: ".+"/);
    expect(alert!.text).toContain('Do not open, copy, forward or delete any suspect content');
    expect(alert!.text).toContain('The designated safeguarding lead decides whether to refer');
    expect(alert!.text).toMatch(/The alert: https:\/\/invigilator\.trust\.example\/\?alert=[0-9a-f-]{36}/);
    expect(alert!.messageId).toMatch(/^<[0-9a-f-]{36}@invigilator\.notifications>$/);
  });

  it('mails the technician the posture alert only, never the misuse one', () => {
    const box = mail.mailbox('tech@north.sch.uk');
    expect(box.map((m) => m.subject)).toEqual(['[CRITICAL] Firewall fails the school\'s policy on sim-device']);
    for (const word of SAFEGUARDING_WORDS) expect(JSON.stringify(box)).not.toContain(word);
    expect(box[0]!.text).toContain('What to do next:');
  });

  it('mails the network manager the posture alert and a bare count of misuse, without its detail or device', () => {
    const box = mail.mailbox('nm@trust.example');
    expect(box.map((m) => m.subject).sort()).toEqual(['A safeguarding alert was raised at north school', '[CRITICAL] Firewall fails the school\'s policy on sim-device']);
    const count = box.find((m) => m.subject.startsWith('A safeguarding'))!;
    expect(count.text).toContain('1 safeguarding alert is open there now');
    expect(count.text).not.toContain('sim-device');
    for (const word of SAFEGUARDING_WORDS) expect(JSON.stringify(box)).not.toContain(word);
  });

  it('tells governors and admins nothing at the first step', () => {
    expect(mail.mailbox('governor@north.sch.uk')).toEqual([]);
    expect(mail.mailbox('head@north.sch.uk')).toEqual([]);
  });

  it('signs the DSL\'s JSON webhook (HMAC-SHA256 over timestamp.body) with the misuse alert only, keyed for idempotency', () => {
    expect(hooks.json.calls).toHaveLength(1);
    const [call] = hooks.json.calls;
    expect(call!.signatureValid).toBe(true);
    expect(call!.headers['idempotency-key']).toBe(call!.json.id);
    expect(call!.json).toMatchObject({ category: 'misuse', form: 'full', device: 'sim-device', link: expect.stringContaining('?alert=') });
    expect(call!.body).toContain(PUPIL);
  });

  it('posts the technicians\' Teams card the posture alert only', () => {
    expect(hooks.teams.calls).toHaveLength(1);
    const card = hooks.teams.calls[0]!.json as { type: string; attachments: Array<{ contentType: string; content: { type: string; actions?: unknown[] } }> };
    expect(card.type).toBe('message');
    expect(card.attachments[0]).toMatchObject({ contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard' } });
    expect(hooks.teams.calls[0]!.body).toContain('Firewall fails');
    for (const word of SAFEGUARDING_WORDS) expect(hooks.teams.calls[0]!.body).not.toContain(word);
  });

  it('posts the network manager\'s Slack channel the posture alert and the misuse count, without detail', () => {
    expect(hooks.slack.calls).toHaveLength(2);
    const bodies = hooks.slack.calls.map((c) => c.body).join('\n');
    expect(bodies).toContain('Firewall fails');
    expect(bodies).toContain('A safeguarding alert was raised at north school');
    for (const word of SAFEGUARDING_WORDS) expect(bodies).not.toContain(word);
    expect(hooks.slack.calls[0]!.json).toMatchObject({ text: expect.any(String), blocks: expect.any(Array) });
  });

  it('writes RFC 5424 lines to the network manager\'s SIEM over TCP: posture in full, misuse as a count', async () => {
    const messages = await waitFor('two syslog lines', () => (syslog.tcp.messages.length >= 2 ? syslog.tcp.messages : undefined));
    expect(syslog.tcp.errors).toEqual([]);
    expect(messages).toHaveLength(2);
    const posture = messages.find((m) => m.msgId === 'posture')!;
    expect(posture).toMatchObject({ version: 1, appName: 'invigilator', pri: 16 * 8 + 2 });
    expect(posture.structuredData['invigilator@32473']).toMatchObject({ school: 'north', category: 'posture', severity: 'critical', device: 'sim-device' });
    expect(messages.find((m) => m.msgId === 'misuse')!.structuredData['invigilator@32473']).not.toHaveProperty('device');
    for (const word of SAFEGUARDING_WORDS) expect(textOfSyslog(messages)).not.toContain(word);
  });

  it('writes the DSL\'s SIEM over TLS (self-signed CA given) the misuse alert in full', async () => {
    const [line] = await waitFor('a TLS syslog line', () => (syslog.tls.messages.length >= 1 ? syslog.tls.messages : undefined));
    expect(syslog.tls.messages).toHaveLength(1);
    expect(line!.structuredData['invigilator@32473']).toMatchObject({ category: 'misuse', device: 'sim-device' });
    expect(line!.message).toContain(PUPIL);
  });
});

describe('the alert and delivery as the API shows them', () => {
  const api = async (path: string, init: RequestInit = {}, token = adminToken) => {
    const response = await fetch(`${collector.apiUrl}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...(init.body ? { 'content-type': 'application/json' } : {}) } });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };

  it('lists the delivery log with status, attempts and no secrets', async () => {
    const { status, body } = await api('/api/v1/notifications');
    expect(status).toBe(200);
    expect(body.notifications.length).toBe(await collector.store.listNotifications({ limit: 100 }).then((rows) => rows.length));
    expect(body.notifications.every((n: { status: string; attempts: number }) => n.status === 'sent' && n.attempts === 1)).toBe(true);
    const channels = await api('/api/v1/channels');
    const shown = JSON.stringify(channels.body);
    expect(shown).not.toContain(SIGNING_KEY);
    expect(shown).not.toContain('T0KEN-in-the-path');
    expect(channels.body.channels).toHaveLength(6);
  });

  it('pages alert lists by cursor in severity order, filters them, and refuses a made-up cursor', async () => {
    const all = (await api('/api/v1/alerts?limit=500')).body.alerts as Array<{ id: string; severity: string }>;
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await api(`/api/v1/alerts?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      paged.push(...page.body.alerts.map((a: { id: string }) => a.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all.map((a) => a.id));
    expect(all[0]!.severity).toBe('critical');
    // Misuse detail is the DSL's: an administrator lists health alerts only.
    expect(all.some((a) => (a as { category?: string }).category === 'misuse')).toBe(false);
    const dsl = (await createApiToken(collector.store, { role: 'dsl', label: 'dsl', schoolId: 'north' }, Date.now())).token;
    const filtered = await api(`/api/v1/alerts?severity=warning&category=misuse&device=${device.deviceId}&status=open,acknowledged`, {}, dsl);
    expect(filtered.body.alerts.length).toBeGreaterThan(0);
    expect(filtered.body.alerts.every((a: { severity: string; category: string }) => a.severity === 'warning' && a.category === 'misuse')).toBe(true);
    expect((await api('/api/v1/alerts?cursor=bm9wZQ')).status).toBe(400);
    expect((await api('/api/v1/alerts?severity=urgent')).status).toBe(400);
  });

  it('refuses through the API a route that would leak, and keeps the delivery log from other roles', async () => {
    const leak = await api('/api/v1/schools/north/routes', { method: 'POST', body: JSON.stringify({ category: 'misuse', role: 'technician' }) });
    expect(leak).toMatchObject({ status: 400, body: { error: { code: 'ROUTE_NOT_ALLOWED' } } });
    const routes = await api('/api/v1/schools/north/routes');
    expect(routes.body.routes.filter((r: { id: string | null }) => r.id === null).length).toBeGreaterThan(0);
    const dslToken = (await createApiToken(collector.store, { role: 'dsl', label: 'dsl', schoolId: 'north' }, Date.now())).token;
    expect((await api('/api/v1/notifications', {}, dslToken)).status).toBe(403);
    expect((await api('/api/v1/channels', {}, dslToken)).status).toBe(403);
  });

  it('keeps channel secrets out of the log', () => {
    const log = JSON.stringify(collector.logLines());
    expect(log).not.toContain(SIGNING_KEY);
    expect(log).not.toContain('T0KEN-in-the-path');
  });

  it('shows an alert with its history, and acknowledging with a note adds to it', async () => {
    const [misuse] = await collector.store.listAlerts({ categories: ['misuse'], limit: 1 });
    const dsl = (await createApiToken(collector.store, { role: 'dsl', label: 'Ms Khan', schoolId: 'north' }, Date.now())).token;
    const acknowledged = await api(`/api/v1/alerts/${misuse!.id}/acknowledge`, { method: 'POST', body: JSON.stringify({ note: 'Spoke to the form tutor.' }) }, dsl);
    expect(acknowledged.status).toBe(200);
    const { body } = await api(`/api/v1/alerts/${misuse!.id}`, {}, dsl);
    expect(body.alert.history).toEqual([
      expect.objectContaining({ action: 'opened', by: 'collector', note: null }),
      expect.objectContaining({ action: 'acknowledged', by: 'Ms Khan (dsl)', note: 'Spoke to the form tutor.' }),
    ]);
    expect(body.alert.firstEvent).toMatchObject({ summary: expect.stringContaining('plugged in') });
    expect((await api(`/api/v1/alerts/${misuse!.id}`)).status).toBe(403);
    const again = await api(`/api/v1/alerts/${misuse!.id}/resolve`, { method: 'POST', body: JSON.stringify({ note: 'x', extra: 1 }) }, dsl);
    expect(again.status).toBe(400);
  });
});

describe('the daily digest', () => {
  it('queues one digest per person per local day at their time: the network manager\'s counts misuse, the governor gets none', async () => {
    const nm = (await collector.store.getPersonByEmail('nm@trust.example'))!;
    const governor = (await collector.store.getPersonByEmail('governor@north.sch.uk'))!;
    await collector.store.setDigestSubscription(nm.id, { atTime: '07:30', timeZone: 'Europe/London' });
    await collector.store.setDigestSubscription(governor.id, { atTime: '07:30', timeZone: 'Europe/London' });
    const morning = Date.UTC(2031, 0, 15, 7, 29); // 07:29 in London in January
    expect(await queueDueDigests(collector.store, morning)).toBe(0);
    expect(await queueDueDigests(collector.store, morning + 60_000)).toBe(1);
    expect(await queueDueDigests(collector.store, morning + 5 * 60_000)).toBe(0);
    const digest = await waitFor('the digest', () => mail.mailbox('nm@trust.example').find((m) => m.subject.startsWith('Daily digest')));
    expect(digest.text).toContain('Firewall fails the school\'s policy on sim-device');
    expect(digest.text).toMatch(/\d+ safeguarding alerts? (is|are) open \(the DSL has the details\)/);
    for (const word of SAFEGUARDING_WORDS) expect(digest.text).not.toContain(word);
    expect(mail.mailbox('governor@north.sch.uk')).toEqual([]);
    // The next day, again once.
    expect(await queueDueDigests(collector.store, morning + 86_400_000 + 60_000)).toBe(1);
  });
});

describe('escalation and turning routes on', () => {
  it('sends a critical misuse alert nobody acknowledged to the next people on the route (admins by default)', async () => {
    const before = mail.mailbox('head@north.sch.uk').length;
    await agent.sendBatch([{ seq: 3, occurredAtMs: Date.now(), misuse: { kind: MisuseKind.SAFEGUARD_DISABLED, user: PUPIL, detail: 'nft flush ruleset' } }]);
    expect(await collector.store.transaction((tx) => escalateUnacknowledged(tx, Date.now() + 5 * 60_000))).toBe(0);
    expect(await collector.store.transaction((tx) => escalateUnacknowledged(tx, Date.now() + 16 * 60_000))).toBe(1);
    expect(await collector.store.transaction((tx) => escalateUnacknowledged(tx, Date.now() + 30 * 60_000))).toBe(0);
    const escalated = await waitFor('the escalation mail', () => mail.mailbox('head@north.sch.uk').slice(before).find((m) => m.subject.includes('Not yet acknowledged')));
    // The administrator is not the DSL: told that it waits, never what the device reported (role-privacy.test.ts has every role).
    expect(escalated.text).toContain('A safeguard (the firewall or anti-virus) was switched off.');
    for (const word of [...SAFEGUARDING_WORDS, 'nft flush ruleset']) expect(escalated.text).not.toContain(word);
    expect(mail.mailbox('tech@north.sch.uk').some((m) => m.text.includes('nft flush'))).toBe(false);
  });

  it('sends a new route\'s role one summary of what is failing now', async () => {
    await addRoute(collector.store, { schoolId: 'north', category: 'posture', role: 'admin', minSeverity: 'warning' }, Date.now());
    const summary = await waitFor('a summary mail', () => mail.mailbox('head@north.sch.uk').find((m) => m.subject.startsWith('What is failing now')));
    expect(summary.text).toContain('Firewall fails the school\'s policy on sim-device');
    // The defaults for posture were kept as routes: the technician is still told.
    const routes = await collector.store.listRoutes('north');
    expect(routes.map((r) => `${r.category}:${r.role}`).sort()).toEqual(['posture:admin', 'posture:network-manager', 'posture:technician']);
  });
});
