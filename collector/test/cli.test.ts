import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY_PACK } from '@invigilator/shared/policy/default-pack.ts';
import { parseListen } from '../src/cli.ts';
import { openDataDir } from '../src/main.ts';
import { expectRefused } from './helpers/cli-result.ts';
import { makeTempDir } from './helpers/temp-dir.ts';

const BIN = join(import.meta.dirname, '..', 'bin', 'invigilator-collector.js');
let temp: ReturnType<typeof makeTempDir>;
let dataDir: string;

const cli = (...args: string[]) => cliWithInput(undefined, ...args);
const cliWithInput = (input: string | undefined, ...args: string[]) => {
  const result = spawnSync(process.execPath, [BIN, ...args, '--data-dir', dataDir], { encoding: 'utf8', ...(input === undefined ? {} : { input }) });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

beforeEach(() => {
  temp = makeTempDir();
  dataDir = join(temp.dir, 'data');
});
afterEach(() => temp.remove());

describe('school add', () => {
  it('prints the enrolment secret as its only stdout line', () => {
    const result = cli('school', 'add', '--id', 'north', '--name', 'North Primary');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^s[A-Za-z0-9_-]{43}\n$/);
  });

  it('refuses a second school with the same id (exit 2, coded sentence, nothing on stdout)', () => {
    cli('school', 'add', '--id', 'north', '--name', 'North Primary');
    const again = cli('school', 'add', '--id', 'north', '--name', 'North again');
    expect(again).toMatchObject({ code: 2, stdout: '' });
    expect(again.stderr).toMatch(/^SCHOOL_EXISTS: A school with this id already exists/);
  });

  it.each([
    [['school', 'add', '--name', 'No id'], 'USAGE_INVALID', /"school add" needs --id/],
    [['school', 'add', '--id', 'north', '--name', 'x', '--colour', 'red'], 'USAGE_INVALID', /Unknown option '--colour'/],
    [['school', 'add', '--id', 'North School', '--name', 'x'], 'CONFIG_INVALID', /lower-case letters, digits and dashes/],
    [['serve', '--listen', 'localhost'], 'USAGE_INVALID', /must be HOST:PORT/],
    [['frobnicate'], 'USAGE_INVALID', /There is no command "frobnicate"/],
    [['serve', '--oidc-issuer', 'https://accounts.google.com'], 'USAGE_INVALID', /also needs --oidc-client-id, --oidc-client-secret-file/],
    [['serve', '--listen', '127.0.0.1:0', '--oidc-issuer', 'http://accounts.google.com', '--oidc-client-id', 'x',
      '--oidc-client-secret-file', '/etc/hostname', '--oidc-allowed-domain', 'north.sch.uk'], 'CONFIG_INVALID', /must be an https address/],
  ])('refuses bad arguments %j with exit 2 and one coded sentence', (args, code, sentence) => {
    expectRefused(cli(...args), code, sentence);
  });
});

describe('token create', () => {
  it('prints the token as its only stdout line, for a role and a school', () => {
    cli('school', 'add', '--id', 'north', '--name', 'North Primary');
    const result = cli('token', 'create', '--service', '--role', 'dsl', '--school', 'north', '--label', 'Ms Khan');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^[0-9a-f]{16}\.s[A-Za-z0-9_-]{43}\n$/);
  });

  it.each([
    [['--service', '--role', 'head'], 'ROLE_UNKNOWN'],
    [['--service', '--role', 'dsl', '--school', 'nowhere'], 'SCHOOL_UNKNOWN'],
    [['--person', 'head@north.sch.uk', '--service', '--role', 'dsl'], 'USAGE_INVALID'],
    [['--service', '--role', 'dsl', '--role', 'technician'], 'USAGE_INVALID'],
    [['--person', 'nobody@north.sch.uk'], 'PERSON_UNKNOWN'],
  ])('refuses %j with %s', (args, code) => {
    const result = cli('token', 'create', ...args);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr.startsWith(`${code}: `)).toBe(true);
  });
});

describe('person password set', () => {
  it('reads the password from standard input or a file, never an option, and refuses a short one', async () => {
    cli('school', 'add', '--id', 'north', '--name', 'North Primary');
    cli('person', 'add', '--email', 'office@north.sch.uk', '--name', 'Office', '--role', 'technician', '--school', 'north');
    const short = cliWithInput('tiny\n', 'person', 'password', 'set', '--email', 'office@north.sch.uk');
    expect(short).toMatchObject({ code: 2, stdout: '' });
    expect(short.stderr).toMatch(/^PASSWORD_INVALID: .* It has 4 characters; use at least 12/);
    expect(cli('person', 'password', 'set', '--email', 'office@north.sch.uk', '--password', 'x').stderr).toMatch(/Unknown option '--password'/);
    expect(cliWithInput('correct horse battery staple\n', 'person', 'password', 'set', '--email', 'office@north.sch.uk'))
      .toMatchObject({ code: 0, stdout: 'office@north.sch.uk can now sign in with their password.\n' });
    const file = join(temp.dir, 'password.txt');
    writeFileSync(file, 'another long passphrase\n');
    expect(cli('person', 'password', 'set', '--email', 'office@north.sch.uk', '--password-file', file).code).toBe(0);
    const store = openDataDir(dataDir);
    try {
      const person = await store.getPersonByEmail('office@north.sch.uk');
      const { passwordMatches } = await import('../src/sign-in/passwords.ts');
      expect(await passwordMatches('another long passphrase', (await store.getPasswordHash(person!.id))!)).toBe(true);
    } finally {
      await store.close();
    }
  });
});

describe('school policy set', () => {
  it('stores a valid pack and refuses an invalid one', async () => {
    cli('school', 'add', '--id', 'north', '--name', 'North Primary');
    const packFile = join(temp.dir, 'north.json');
    writeFileSync(packFile, JSON.stringify({ ...DEFAULT_POLICY_PACK, id: 'north', availability: { silentAfterHours: 24, clause: 'monitoring' } }));
    expect(cli('school', 'policy', 'set', '--id', 'north', '--file', packFile)).toMatchObject({
      code: 0, stdout: `The policy pack ${packFile} is now school north's. Its 0 device(s) were judged again on their latest reports: 0 changed a verdict.\n`,
    });
    const badFile = join(temp.dir, 'bad.json');
    writeFileSync(badFile, JSON.stringify({ ...DEFAULT_POLICY_PACK, availability: { silentAfterHours: -1, clause: 'monitoring' } }));
    const bad = cli('school', 'policy', 'set', '--id', 'north', '--file', badFile);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^POLICY_INVALID: /);
    const store = openDataDir(dataDir);
    const stored = await store.getPolicyPack('north');
    await store.close();
    expect(stored).toMatchObject({ id: 'north', availability: { silentAfterHours: 24 } });
  });
});

describe('serve', () => {
  it('logs JSON to stderr only, answers /healthz and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--listen', '127.0.0.1:0', '--data-dir', dataDir]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
    const port = await new Promise<number>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const listening = stderr.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { msg: string; port?: number })
          .find((line) => line.msg === 'Collector listening.');
        if (listening?.port) resolve(listening.port);
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
    });
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok' });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain('"msg":"Stopped."');
  });
});

describe('--listen', () => {
  it.each([
    ['127.0.0.1:8470', { host: '127.0.0.1', port: 8470 }],
    ['0.0.0.0:443', { host: '0.0.0.0', port: 443 }],
    ['[::1]:8470', { host: '::1', port: 8470 }],
    ['collector.school.internal:8470', { host: 'collector.school.internal', port: 8470 }],
  ])('reads %s', (text, expected) => {
    expect(parseListen(text)).toEqual(expected);
  });

  it.each(['8470', 'host:', 'host:99999', '::1:8470', 'host:80:81'])('refuses %s as USAGE_INVALID', (text) => {
    expect(() => parseListen(text)).toThrow(expect.objectContaining({ code: 'USAGE_INVALID' }));
  });
});

describe('help', () => {
  it('every command answers --help, help and "help COMMAND" with its own usage on stdout, exit 0', async () => {
    // In-process through the same dispatcher the bin runs: three process starts per command would take minutes.
    const { COLLECTOR_PROGRAM, runCli } = await import('../src/cli.ts');
    for (const command of COLLECTOR_PROGRAM.commands) {
      const words = command.name.split(' ');
      for (const args of [[...words, '--help'], [...words, 'help'], ['help', ...words]]) {
        let stdout = '';
        let stderr = '';
        const code = await runCli(args, { stdout: (text) => { stdout += text; }, stderr: (text) => { stderr += text; } });
        expect({ args, code, stderr }).toEqual({ args, code: 0, stderr: '' });
        expect(stdout).toMatch(new RegExp(`^Usage: invigilator-collector ${command.name}`));
      }
    }
    const bin = spawnSync(process.execPath, [BIN, 'school', 'add', '--help'], { encoding: 'utf8' });
    expect(bin).toMatchObject({ status: 0, stderr: '' });
    expect(bin.stdout).toMatch(/^Usage: invigilator-collector school add --id ID --name NAME/);
  });

  it('a group without its subcommand lists the group on stderr and exits 2', () => {
    const result = spawnSync(process.execPath, [BIN, 'school'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/school add/);
  });
});

describe('serve on a busy port', () => {
  it('says the port is in use, with the fix, and creates no database', async () => {
    const { createServer } = await import('node:net');
    const { existsSync } = await import('node:fs');
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const { port } = holder.address() as { port: number };
    try {
      const result = spawnSync(process.execPath, [BIN, 'serve', '--listen', `127.0.0.1:${port}`, '--data-dir', dataDir], { encoding: 'utf8' });
      expect(result.status).toBe(2);
      expect(result.stderr).toBe(`PORT_IN_USE: The collector cannot listen on the address it was given. Port ${port} on 127.0.0.1 is in use `
        + '(another collector, or `npm start` still running?): stop that program or choose another port with --listen 127.0.0.1:PORT.\n');
      expect(existsSync(dataDir)).toBe(false);
    } finally {
      holder.close();
    }
  });
});
