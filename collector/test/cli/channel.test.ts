// `channel` and `route` commands as a network manager types them, mistakes included; `channel test`
// against a real SMTP server and a real syslog receiver.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMailServer, type MailServer } from '../../../test/support/peers/mail-server.ts';
import { startSyslogListener } from '../../../test/support/peers/syslog-listener.ts';
import { makeSelfSignedCert } from '../../../test/support/peers/self-signed.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'invigilator-collector.js');
let temp: ReturnType<typeof makeTempDir>;
let dataDir: string;
let mail: MailServer;

// Asynchronous: the SMTP server runs in this process and must keep answering while the command runs.
const cli = (...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> => new Promise((resolve) => {
  const child = spawn(process.execPath, [BIN, ...args, '--data-dir', dataDir]);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  child.on('close', (code) => resolve({ code, stdout, stderr }));
});

beforeAll(async () => {
  temp = makeTempDir();
  dataDir = join(temp.dir, 'data');
  mail = await startMailServer({ login: { user: 'relay-user', password: 's3cret-pass' } });
  await cli('school', 'add', '--id', 'north', '--name', 'North Primary');
  await cli('person', 'add', '--email', 'dsl@north.sch.uk', '--name', 'Dee', '--role', 'dsl', '--school', 'north');
});
afterAll(async () => {
  await mail.stop();
  temp.remove();
});

describe('channel add, list and test', () => {
  it('adds the school\'s SMTP relay, lists it without its password, and sends a test message through it', async () => {
    const added = await cli('channel', 'add', '--school', 'north', '--kind', 'email', '--smtp-url',
      `smtp://relay-user:s3cret-pass@127.0.0.1:${mail.port}?starttls=opportunistic`, '--from', 'invigilator@north.sch.uk');
    expect(added.code).toBe(0);
    const id = /channel ([0-9a-f-]{36})/.exec(added.stdout)?.[1];
    expect(id).toBeDefined();
    const listed = await cli('channel', 'list');
    expect(listed.stdout).toContain(`${id}\tnorth\temail\temail via smtp://127.0.0.1:${mail.port} (STARTTLS opportunistic) as relay-user`);
    expect(listed.stdout + added.stdout).not.toContain('s3cret-pass');
    const tested = await cli('channel', 'test', '--id', id!);
    expect(tested).toMatchObject({ code: 0, stderr: '' });
    expect(tested.stdout).toContain('to dsl@north.sch.uk; the peer accepted it.');
    expect(mail.mailbox('dsl@north.sch.uk').map((m) => m.subject)).toEqual(['Test message from Invigilator for North Primary']);
  });

  it('signs in to a relay only over STARTTLS, trusting the school\'s own CA given with --ca-file', async () => {
    const cert = makeSelfSignedCert();
    const secureRelay = await startMailServer({ secure: cert, login: { user: 'relay-user', password: 's3cret-pass' } });
    try {
      const caFile = join(temp.dir, 'relay-ca.pem');
      writeFileSync(caFile, cert.cert);
      const added = await cli('channel', 'add', '--school', 'north', '--kind', 'email', '--smtp-url',
        `smtp://relay-user:s3cret-pass@127.0.0.1:${secureRelay.port}`, '--from', 'invigilator@north.sch.uk', '--ca-file', caFile);
      expect(added.stdout).toContain('(STARTTLS required) as relay-user');
      const id = /channel ([0-9a-f-]{36})/.exec(added.stdout)![1]!;
      expect((await cli('channel', 'test', '--id', id, '--to', 'nm@trust.example')).stdout).toContain('to nm@trust.example; the peer accepted it.');
      expect(secureRelay.mailbox('nm@trust.example')).toHaveLength(1);
    } finally {
      await secureRelay.stop();
    }
  });

  it('adds a signed JSON webhook from a secret file and a syslog channel, and says when a test cannot get through', async () => {
    const keyFile = join(temp.dir, 'hook.key');
    writeFileSync(keyFile, 'a-signing-key-of-some-length\n');
    const hook = await cli('channel', 'add', '--school', 'north', '--kind', 'webhook', '--url', 'https://hooks.example/T0K', '--format', 'json', '--secret-file', keyFile, '--audience', 'dsl');
    expect(hook.stdout).toContain('json webhook to hooks.example (signed) for the dsl view');
    const listener = await startSyslogListener();
    const syslog = await cli('channel', 'add', '--school', 'north', '--kind', 'syslog', '--url', listener.url);
    const syslogId = /channel ([0-9a-f-]{36})/.exec(syslog.stdout)![1]!;
    expect((await cli('channel', 'test', '--id', syslogId)).code).toBe(0);
    expect(listener.messages.map((m) => m.msgId)).toEqual(['test']);
    await listener.stop();
    const down = await cli('channel', 'test', '--id', syslogId);
    expect(down.code).not.toBe(0);
    expect(down.stderr).toMatch(/^DELIVERY_FAILED: .*The syslog receiver 127\.0\.0\.1:\d+ did not take the message/);
  });

  it.each([
    [['--kind', 'pigeon'], /^CONFIG_INVALID: .*--kind is one of email, webhook, syslog \(it was "pigeon"\)/],
    [['--kind', 'email', '--smtp-url', 'http://relay:25', '--from', 'a@b.uk'], /must start with smtp:\/\/ or smtps:\/\//],
    [['--kind', 'email', '--smtp-url', 'smtp://relay:25', '--from', 'nobody'], /--from needs the address mail is sent from \(it was "nobody"\)/],
    [['--kind', 'webhook', '--url', 'https://h.example/x', '--format', 'xml'], /--format is one of teams, slack, json/],
    [['--kind', 'syslog', '--url', 'udp://siem:514'], /must start with tcp:\/\/ or tls:\/\//],
    [['--kind', 'syslog', '--url', 'tcp://siem'], /needs a port/],
    [['--kind', 'webhook', '--url', 'https://h.example/x', '--format', 'json', '--audience', 'governor'], /^ROLE_UNKNOWN: .*--audience is one of/],
  ])('refuses %j with one clear sentence', async (args, message) => {
    const result = await cli('channel', 'add', '--school', 'north', ...args);
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('names an unknown channel', async () => {
    expect((await cli('channel', 'test', '--id', 'nope')).stderr).toMatch(/^CHANNEL_UNKNOWN: No notification channel has this id\. \(nope\)/);
  });
});

describe('route add and list', () => {
  it('lists the defaults, refuses a route that would leak, and keeps the defaults when one is added', async () => {
    expect((await cli('route', 'list', '--school', 'north')).stdout).toContain('default\tmisuse\tdsl\tinfo\tstep 1');
    const leak = await cli('route', 'add', '--school', 'north', '--category', 'misuse', '--role', 'technician');
    expect(leak.stderr).toMatch(/^ROUTE_NOT_ALLOWED: .*A technician may not receive misuse alerts\./);
    const governor = await cli('route', 'add', '--school', 'north', '--category', 'posture', '--role', 'governor');
    expect(governor.stderr).toMatch(/^ROUTE_NOT_ALLOWED/);
    const added = await cli('route', 'add', '--school', 'north', '--category', 'posture', '--role', 'admin', '--min-severity', 'critical');
    expect(added.stdout).toMatch(/posture alerts of critical or worse go to admin\./);
    const listed = (await cli('route', 'list', '--school', 'north')).stdout;
    expect(listed).toMatch(/^[0-9a-f-]{36}\tposture\ttechnician\twarning\tstep 1$/m);
    expect(listed).toMatch(/^[0-9a-f-]{36}\tposture\tadmin\tcritical\tstep 1$/m);
    expect((await cli('route', 'add', '--school', 'north', '--category', 'misuse', '--role', 'dsl', '--step', '3')).stderr).toMatch(/--step is 1/);
    expect((await cli('alerts', 'settings', '--school', 'north', '--escalate-after', '10')).stdout)
      .toBe('School north: escalate after 10 minutes; more than 10 misuse alerts from one device in 10 minutes fold into one.\n');
    expect((await cli('alerts', 'settings', '--school', 'north', '--flood-limit', 'lots')).stderr).toMatch(/--flood-limit is a whole number/);
  });
});

describe('person digest', () => {
  it('sets a daily digest at a local time, and says what is wrong with a bad time or zone', async () => {
    expect((await cli('person', 'digest', '--email', 'dsl@north.sch.uk', '--at', '07:30')).stdout).toBe('dsl@north.sch.uk gets a daily digest at 07:30 (Europe/London).\n');
    expect((await cli('person', 'digest', '--email', 'dsl@north.sch.uk', '--at', '25:00')).stderr).toMatch(/^CONFIG_INVALID: .*--at is a time like 07:30 \(it was "25:00"\)/);
    expect((await cli('person', 'digest', '--email', 'dsl@north.sch.uk', '--at', '07:30', '--time-zone', 'Mars/Olympus')).stderr).toMatch(/"Mars\/Olympus" is not a time zone/);
    expect((await cli('person', 'digest', '--email', 'dsl@north.sch.uk')).stderr).toMatch(/Give either --at HH:MM or --off/);
    expect((await cli('person', 'digest', '--email', 'dsl@north.sch.uk', '--off')).stdout).toBe('dsl@north.sch.uk gets no daily digest.\n');
  });
});
