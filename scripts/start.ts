// `npm start`: the whole line on this machine. A collector on SQLite in ./data, a
// school, an admin token, this machine's agent enrolled and running against it.
// Re-running reuses what ./data already holds. Ctrl-C stops both processes.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { get } from 'node:https';
import { hostname } from 'node:os';
import path from 'node:path';
import { isLoopbackHost } from '../shared/src/loopback.ts';

const root = path.resolve(import.meta.dirname, '..');
const dataDir = path.resolve(process.env.INVIGILATOR_DATA_DIR ?? path.join(root, 'data'));
const listen = process.env.INVIGILATOR_LISTEN ?? '127.0.0.1:8470';
const collectorBin = path.join(root, 'collector/bin/invigilator-collector.js');
const agentBin = path.join(root, 'agent/bin/invigilator-agent.js');
const agentStateDir = path.join(dataDir, 'agent');
const startFile = path.join(dataDir, 'start.json');
// Beyond loopback the collector serves https with a certificate of its own (in DATA/tls); agents pin its fingerprint.
const secure = !isLoopbackHost(listen.replace(/:\d+$/, '').replace(/^\[|\]$/g, ''));
const baseUrl = `${secure ? 'https' : 'http'}://${listen}`;
const caFile = path.join(dataDir, 'tls', 'ca.pem');
const fingerprint = (): string => new X509Certificate(readFileSync(caFile)).fingerprint256;

/** /healthz answers 200; over https trusting the collector's own CA (its name may be any address of this machine). */
const healthy = async (): Promise<boolean> => {
  if (!secure) return (await fetch(`${baseUrl}/healthz`)).ok;
  if (!existsSync(caFile)) return false;
  return new Promise((resolve) => {
    get(`${baseUrl}/healthz`, { ca: readFileSync(caFile), checkServerIdentity: () => undefined }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    }).on('error', () => resolve(false));
  });
};

const secretFile = path.join(dataDir, 'enrolment-secret');
/** As short as it can be typed from here: relative inside the current folder, absolute outside it. */
const relative = (file: string): string => {
  const text = path.relative(process.cwd(), file);
  return text === '' ? '.' : text.startsWith('..') ? file : text;
};

interface StartState { schoolId: string; enrolmentSecret: string; adminToken: string; dslToken: string; technicianToken: string }

const say = (line: string): void => { process.stdout.write(`${line}\n`); };
/** Runs a CLI step; its JSON log goes to data/start.log and is quoted only when the step fails. */
const cli = (bin: string, args: string[], env: NodeJS.ProcessEnv = process.env): string => {
  try {
    return execFileSync(process.execPath, [bin, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env }).trim();
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? '');
    appendFileSync(path.join(dataDir, 'start.log'), stderr);
    throw new Error(`${path.basename(bin)} ${args[0]} failed:\n${stderr.trim().split('\n').slice(-3).join('\n')}`);
  }
};

const firstRun = (): StartState => {
  const schoolId = 'my-school';
  const enrolmentSecret = cli(collectorBin, ['school', 'add', '--data-dir', dataDir, '--id', schoolId, '--name', 'My School']);
  const token = (role: string, label: string): string =>
    cli(collectorBin, ['token', 'create', '--data-dir', dataDir, '--service', '--role', role, '--label', label]);
  const state = {
    schoolId, enrolmentSecret,
    adminToken: token('admin', 'start: admin'),
    dslToken: token('dsl', 'start: designated safeguarding lead'),
    technicianToken: token('technician', 'start: technician'),
  };
  writeFileSync(startFile, JSON.stringify(state, null, 2), { mode: 0o600 });
  return state;
};

const keepSecretFile = (state: StartState): void => {
  // The file another machine's enroll reads (--secret-file), so the secret never sits on a command line.
  if (!existsSync(secretFile)) writeFileSync(secretFile, `${state.enrolmentSecret}\n`, { mode: 0o600 });
};

const startProcess = (bin: string, args: string[], logName: string): ChildProcess => {
  const log = openSync(path.join(dataDir, logName), 'a');
  return spawn(process.execPath, [bin, ...args], { stdio: ['ignore', log, log] });
};

const waitForHealth = async (collector: ChildProcess): Promise<void> => {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (collector.exitCode !== null) throw new Error(`the collector stopped (exit ${collector.exitCode}); see ${path.join(dataDir, 'collector.log')}`);
    try {
      if (await healthy()) return;
    } catch { /* not listening yet */ }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the collector did not answer on ${baseUrl} within 20 s; see ${path.join(dataDir, 'collector.log')}`);
};

const main = async (): Promise<void> => {
  mkdirSync(dataDir, { recursive: true });
  const state: StartState = existsSync(startFile) ? JSON.parse(readFileSync(startFile, 'utf8')) : firstRun();
  keepSecretFile(state);

  const collector = startProcess(collectorBin, ['serve', '--data-dir', dataDir, '--listen', listen], 'collector.log');
  await waitForHealth(collector);

  if (!existsSync(path.join(agentStateDir, 'enrolment.json'))) {
    // The secret travels in the environment, not the command line other users can see.
    cli(agentBin, ['enroll', '--collector', baseUrl, '--state-dir', agentStateDir, ...(secure ? ['--fingerprint', fingerprint()] : [])],
      { ...process.env, INVIGILATOR_ENROLMENT_SECRET: state.enrolmentSecret });
  }
  const agent = startProcess(agentBin, ['run', '--state-dir', agentStateDir], 'agent.log');

  const data = relative(dataDir);
  const [, port] = /:(\d+)$/.exec(listen) ?? ['', '8470'];
  say('');
  say('Invigilator is running: a collector on SQLite and this machine\'s agent.');
  say('');
  // "Listen everywhere" is no address to type in a browser: the machine's own name is.
  const shownUrl = baseUrl.replace(/\/\/(0\.0\.0\.0|\[::\]):/, `//${hostname()}:`);
  say(`  Dashboard     ${shownUrl}/#token  (sign in with a token below)`);
  say(`  Admin token   ${state.adminToken}`);
  say(`  DSL token     ${state.dslToken}`);
  say(`  Technician    ${state.technicianToken}`);
  say('');
  say(secure
    ? `  Devices       curl --cacert ${relative(caFile)} -H 'Authorization: Bearer ${state.adminToken}' https://127.0.0.1:${port}/api/v1/devices`
    : `  Devices       curl -H 'Authorization: Bearer ${state.adminToken}' ${baseUrl}/api/v1/devices`);
  say(`  This agent    npx invigilator-agent status --state-dir ${relative(agentStateDir)}`);
  say(`  Data and logs ${data} (collector.log, agent.log)`);
  if (secure) say(`  Certificate   the collector's own, SHA256 ${fingerprint()} (browsers may trust ${relative(caFile)})`);
  say('');
  say('This machine appears with its six checks within a minute. Its agent watches /media and /run/media:');
  say('any memory stick mounted there, including the test sticks `npm test` mounts, shows as misuse for the DSL.');
  say('');
  say('Next:');
  if (secure) {
    say('  1. Enrol another machine: copy ' + relative(secretFile) + ' to it, then run there as root:');
    say(`       invigilator-agent enroll --collector https://THIS-MACHINE:${port} --fingerprint ${fingerprint()} --secret-file enrolment-secret`);
  } else {
    // On loopback no other machine can reach it; beyond loopback it serves https and prints the exact enrol command.
    say('  1. Enrol another machine: this collector listens on loopback only. Start it where others can reach it with');
    say(`       INVIGILATOR_LISTEN=0.0.0.0:${port} npm start`);
    say('     and it serves https with a certificate of its own and prints the enrol command, fingerprint included.');
  }
  say('  2. Add a person who receives alerts and signs in (a DSL here; roles: admin, network-manager, technician, dsl, governor):');
  say(`       npx invigilator-collector person add --data-dir ${data} --school ${state.schoolId} --role dsl --email dsl@your-school.sch.uk --name "Your DSL"`);
  say('  3. Connect an alert channel (the school\'s SMTP relay; webhooks and syslog too: npx invigilator-collector channel add --help):');
  say(`       npx invigilator-collector channel add --data-dir ${data} --school ${state.schoolId} --kind email --smtp-url smtp://relay.your-school.sch.uk:587 --from invigilator@your-school.sch.uk`);
  say('');
  say('Ctrl-C stops both.');

  const stop = (): void => {
    agent.kill('SIGTERM');
    collector.kill('SIGTERM');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.on('SIGHUP', stop);
  // `kill <npm's pid>` reaches npm's shell, not this script: once npm is gone, stop both rather than leave them running.
  const launcher = process.ppid;
  setInterval(() => { if (process.ppid !== launcher) stop(); }, 1000).unref();
  agent.on('exit', (code, signal) => { if (!signal && code !== 0) say(`The agent stopped (exit ${code}); see ${path.join(dataDir, 'agent.log')}`); });
  collector.on('exit', (code, signal) => {
    if (!signal && code !== 0) say(`The collector stopped (exit ${code}); see ${path.join(dataDir, 'collector.log')}`);
    agent.kill('SIGTERM');
  });
};

main().catch((error: Error) => {
  process.stderr.write(`npm start: ${error.message}\n`);
  process.exit(1);
});
