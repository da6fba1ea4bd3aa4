// The collector at scale (printed by `npm run bench`, never asserted): many idle agents held by one
// process, a lesson-change burst of misuse events, and the API's latency while ingest runs flat out.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { openDataDir } from '../collector/src/main.ts';
import { openPostgresStore } from '../collector/src/store/pg.ts';
import type { Store } from '../collector/src/store/types.ts';
import { makePgDatabase } from '../test/support/postgres.ts';
import { hashSecret } from '../collector/src/secrets.ts';
import { rssMb } from '../test/support/fragment-flood.ts';
import { connectIdleAgent, HEARTBEAT_FRAME, type IdleAgent } from '../test/support/idle-agent.ts';
import { SimAgent, SIM_FACTS, sampleFileWritten } from '../test/support/sim-agent.ts';
import { ACK_PATIENCE_MS, BATCH_SIZE, describeIngest, driveIngest, encodedBatches } from './ingest-load.ts';
import { COLLECTOR_BIN, freePort, runCli, startProcess, tempDir, waitFor, type Launcher, type RunningProcess } from '../test/support/processes.ts';

type Print = (line: string) => void;
type Percentile = (sorted: number[], p: number) => number;

const fmt = (n: number, digits = 1): string => n.toLocaleString('en-GB', { maximumFractionDigits: digits });
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
/** Another checkout's collector, to compare before and after a change. */
const BIN = process.env.BENCH_COLLECTOR_BIN ?? COLLECTOR_BIN;
const CREDENTIAL = 'bench-device-credential';
/** The most files a process here may open (ulimit -Hn): raising it needs a privilege the bench may not hold. */
const OPEN_FILES = Number(/Max open files\s+\d+\s+(\d+)/.exec(readFileSync('/proc/self/limits', 'utf8'))?.[1] ?? 1024);

/** utime + stime of a process, in seconds. */
export const cpuSeconds = (pid: number): number => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

/** BENCH_CPU_PROFILE=folder: each collector process writes a CPU profile of every thread there when it stops. */
const PROFILE_ARGS = process.env.BENCH_CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROFILE)}`] : [];

const hostnameOf = (index: number): string => `bench-${String(index).padStart(5, '0')}`;
/** What device `index` says of itself in Hello: its own name, as a real device would (a shared one would flag duplicates). */
const factsOf = (index: number) => ({ ...SIM_FACTS, hostname: hostnameOf(index) });

/** `count` devices of school `bench` written straight into the store, one credential for all. */
const seedDevices = async (store: Store, count: number, first = 0): Promise<string[]> => {
  const ids = Array.from({ length: count }, () => randomUUID());
  const now = Date.now();
  await store.transaction(async (tx) => {
    for (const [index, id] of ids.entries()) {
      await tx.createDevice({
        id, schoolId: 'bench', hostname: hostnameOf(first + index), facts: { hostname: hostnameOf(first + index) },
        credentialHash: hashSecret(CREDENTIAL), enrolledAt: now, lastSeenAt: now, revokedAt: null,
      });
    }
  });
  return ids;
};

/** A school and `count` devices written straight into a new data folder (enrolment is measured elsewhere). */
export const seedSchool = async (dataDir: string, count: number): Promise<string[]> => {
  runCli(BIN, ['school', 'add', '--data-dir', dataDir, '--id', 'bench', '--name', 'Bench School']);
  const store = openDataDir(dataDir);
  try {
    return await seedDevices(store, count);
  } finally {
    await store.close();
  }
};

export interface Running { process: RunningProcess; port: number; wsUrl: string; httpUrl: string }

/** The collector as a process, allowed as many open files as the bench needs. */
export const serve = async (dataDir: string, extraArgs: readonly string[] = [], openFiles = OPEN_FILES): Promise<Running> => {
  const port = await freePort();
  const launcher: Launcher = { file: '/usr/bin/prlimit', args: [`--nofile=${openFiles}:${openFiles}`, '--'] };
  const running = startProcess(BIN, ['serve', '--data-dir', dataDir, '--listen', `127.0.0.1:${port}`, ...extraArgs], path.join(dataDir, 'collector.log'), PROFILE_ARGS, launcher);
  const httpUrl = `http://127.0.0.1:${port}`;
  await waitFor('the collector to answer /healthz', async () => ((await fetch(`${httpUrl}/healthz`)).ok ? true : undefined), 60_000);
  return { process: running, port, wsUrl: `ws://127.0.0.1:${port}`, httpUrl };
};

/** Greeted agents for the seeded devices `ids`, the i-th connected to `urlOf(i)`. */
export const agentSessions = async (ids: readonly string[], urlOf: (index: number) => string): Promise<SimAgent[]> =>
  Promise.all(ids.map(async (deviceId, index) =>
    (await SimAgent.session(urlOf(index), { deviceId, deviceCredential: CREDENTIAL }, factsOf(index))).agent));

/** The collector's own pid (the launcher execs it, so it is the child's). */
export const pidOf = (running: Running): number => running.process.child.pid ?? Number.NaN;

const IDLE_AGENTS = Number(process.env.BENCH_IDLE_AGENTS ?? 50_000);
/** Source addresses, so 50,000 connections do not run out of one address's ephemeral ports. */
const SOURCES = ['127.0.0.2', '127.0.0.3', '127.0.0.4', '127.0.0.5'];
/** Hellos in flight per source address: below the gateway's limit of unidentified connections per address. */
const IN_FLIGHT_PER_SOURCE = 100;

/**
 * Raises this process's open-file limit to `wanted` if it may; otherwise says why not (raising the hard limit needs a
 * privilege, CAP_SYS_RESOURCE, that a container may not grant) and returns the limit it has.
 */
const raiseOpenFiles = (wanted: number): { limit: number; refusal?: string } => {
  try {
    execFileSync('/usr/bin/prlimit', ['--pid', String(process.pid), `--nofile=${wanted}:${wanted}`], { stdio: ['ignore', 'pipe', 'pipe'] });
    return { limit: wanted };
  } catch (error) {
    execFileSync('/usr/bin/prlimit', ['--pid', String(process.pid), `--nofile=${OPEN_FILES}:${OPEN_FILES}`]);
    return { limit: OPEN_FILES, refusal: String((error as { stderr?: Buffer }).stderr ?? error).trim() };
  }
};

export const idleConnections = async (print: Print): Promise<void> => {
  // This process holds the other end of every connection; a few hundred files are left for everything else.
  const { limit, refusal } = raiseOpenFiles(IDLE_AGENTS + 500);
  const count = Math.min(IDLE_AGENTS, limit - 500);
  if (count < IDLE_AGENTS) {
    print(`  ${fmt(IDLE_AGENTS, 0)} idle agents cannot be measured on this machine: a process here may open at most ${fmt(limit, 0)} files `
      + `(one per connection), and raising that limit was refused (${refusal ?? 'no reason given'}); raising it needs the `
      + `CAP_SYS_RESOURCE privilege. Measured with as many as the limit allows instead.`);
  }
  const dataDir = tempDir('bench-idle-connections');
  const ids = await seedSchool(dataDir, count);
  const collector = await serve(dataDir, [], limit);
  const agents: IdleAgent[] = [];
  try {
    await sleep(2000);
    const rssBefore = rssMb(pidOf(collector), (file) => readFileSync(file, 'utf8'));
    const started = performance.now();
    // Waves of Hellos from each source address; the first refusal (a limit reached) ends them, and what got that far is measured.
    let stoppedBy: string | undefined;
    await Promise.all(SOURCES.map(async (source, lane) => {
      const mine = [...ids.keys()].filter((index) => index % SOURCES.length === lane);
      for (let at = 0; at < mine.length && !stoppedBy; at += IN_FLIGHT_PER_SOURCE) {
        const wave = mine.slice(at, at + IN_FLIGHT_PER_SOURCE).map((index) =>
          connectIdleAgent(collector.port, source, { hello: { deviceId: ids[index], deviceCredential: CREDENTIAL, facts: factsOf(index) } }));
        const outcomes = await Promise.allSettled(wave.map((agent) => agent.welcomed));
        wave.forEach((agent, index) => {
          const outcome = outcomes[index];
          if (outcome?.status === 'fulfilled') agents.push(agent);
          else {
            stoppedBy ??= String(outcome?.reason);
            agent.socket.destroy();
          }
        });
      }
    }));
    const connectSeconds = (performance.now() - started) / 1000;
    await sleep(3000);
    const rssAfter = rssMb(pidOf(collector), (file) => readFileSync(file, 'utf8'));
    if (stoppedBy) print(`  connecting stopped at ${fmt(agents.length, 0)} of ${fmt(count, 0)} agents: ${stoppedBy}`);
    print(`  ${fmt(agents.length, 0)} agents connected and greeted in ${fmt(connectSeconds)} s (${fmt(agents.length / connectSeconds, 0)} Hellos/s)`);
    print(`  collector RSS ${fmt(rssBefore)} MB before, ${fmt(rssAfter)} MB with ${fmt(agents.length, 0)} connections: `
      + `${fmt(((rssAfter - rssBefore) * 1024) / agents.length, 2)} KB per connection (target <= 20 KB)`);

    // One heartbeat from every agent at once; handled = the device's last seen time moved past the start.
    const db = new DatabaseSync(path.join(dataDir, 'collector.sqlite'), { readOnly: true });
    try {
      const cpuBefore = cpuSeconds(pidOf(collector));
      const sentAt = Date.now();
      const beat = performance.now();
      for (const agent of agents) agent.send(HEARTBEAT_FRAME);
      const seen = db.prepare('SELECT count(*) AS n FROM devices WHERE last_seen_at >= ?');
      await waitFor('every heartbeat to be recorded', () => (Number(seen.get(sentAt)?.n) >= agents.length ? true : undefined), 300_000);
      const seconds = (performance.now() - beat) / 1000;
      const cpu = cpuSeconds(pidOf(collector)) - cpuBefore;
      print(`  one heartbeat from each: all recorded in ${fmt(seconds, 2)} s (${fmt(agents.length / seconds, 0)}/s), `
        + `${fmt((cpu * 1e6) / agents.length, 0)} µs of collector CPU per heartbeat`);
    } finally {
      db.close();
    }
  } finally {
    for (const agent of agents) agent.socket.destroy();
    await collector.process.stop();
  }
};

const BURST_AGENTS = 2_000;
const BURST_RATE = 2_500;
const BURST_SECONDS = Number(process.env.BENCH_BURST_SECONDS ?? 20);

/** 2,000 devices reporting memory sticks at 2,500 events/s: how long from sending to the alert being committed. */
export const alertBurst = async (print: Print, percentile: Percentile): Promise<void> => {
  const dataDir = tempDir('bench-burst');
  const ids = await seedSchool(dataDir, BURST_AGENTS);
  const collector = await serve(dataDir);
  const agents: SimAgent[] = [];
  try {
    for (let at = 0; at < ids.length; at += 100) {
      agents.push(...await Promise.all(ids.slice(at, at + 100).map(async (deviceId, offset) =>
        (await SimAgent.session(collector.wsUrl, { deviceId, deviceCredential: CREDENTIAL }, factsOf(at + offset))).agent)));
    }
    const latencies: number[] = [];
    const cpuBefore = cpuSeconds(pidOf(collector));
    const everyMs = (BURST_AGENTS / BURST_RATE) * 1000;
    const started = performance.now();
    await Promise.all(agents.map(async (agent, index) => {
      // Spread over the interval, as a lesson's devices are not in step.
      for (let seq = 1, due = started + (index / BURST_AGENTS) * everyMs; due < started + BURST_SECONDS * 1000; seq += 1, due += everyMs) {
        await sleep(Math.max(0, due - performance.now()));
        const sent = performance.now();
        await agent.sendBatch([sampleFileWritten(seq, `coursework-${seq}.docx`)], ACK_PATIENCE_MS);
        latencies.push(performance.now() - sent);
      }
    }));
    const seconds = (performance.now() - started) / 1000;
    const cpu = cpuSeconds(pidOf(collector)) - cpuBefore;
    latencies.sort((a, b) => a - b);
    const db = new DatabaseSync(path.join(dataDir, 'collector.sqlite'), { readOnly: true });
    const alerts = db.prepare(`SELECT count(*) AS n, sum(occurrences) AS events FROM alerts WHERE category = 'misuse'`).get();
    db.close();
    print(`  ${fmt(latencies.length, 0)} misuse events in ${fmt(seconds)} s (${fmt(latencies.length / seconds, 0)}/s asked ${fmt(BURST_RATE, 0)}/s) `
      + `became ${fmt(Number(alerts?.n), 0)} alerts of ${fmt(Number(alerts?.events), 0)} occurrences`);
    print(`  collector CPU ${fmt(cpu)} s: ${fmt((cpu * 1e6) / latencies.length, 0)} µs per misuse event; load average ${fmt(loadavg()[0] ?? NaN)} on ${cpus().length} cores`);
    print(`  alert committed after: p50 ${fmt(percentile(latencies, 50))} ms, p95 ${fmt(percentile(latencies, 95))} ms, p99 ${fmt(percentile(latencies, 99))} ms`);
  } finally {
    for (const agent of agents) agent.close();
    await collector.process.stop();
  }
};

const API_DEVICES = Number(process.env.BENCH_API_DEVICES ?? 2_000);
const INGEST_AGENTS = 50;

/** GET /api/v1/devices and /api/v1/alerts, one after another, idle and then while 50 agents send batches flat out. */
export const apiUnderIngest = async (print: Print, percentile: Percentile): Promise<void> => {
  const dataDir = tempDir('bench-api-ingest');
  const ids = await seedSchool(dataDir, API_DEVICES);
  const cli = (...args: string[]): string => runCli(BIN, [...args, '--data-dir', dataDir]);
  cli('person', 'add', '--email', 'nm@bench.sch.uk', '--name', 'Network Manager', '--role', 'admin', '--all-schools');
  const token = cli('token', 'create', '--person', 'nm@bench.sch.uk');
  const collector = await serve(dataDir);
  const sessions: SimAgent[] = [];
  try {
    const routes = ['/api/v1/devices', '/api/v1/alerts'];
    const measure = async (until: () => boolean, minimum: number): Promise<Map<string, number[]>> => {
      const times = new Map(routes.map((route) => [route, [] as number[]]));
      for (let round = 0; round < minimum || until(); round += 1) {
        for (const route of routes) {
          const sent = performance.now();
          const response = await fetch(`${collector.httpUrl}${route}`, { headers: { authorization: `Bearer ${token}` } });
          await response.arrayBuffer();
          if (!response.ok) throw new Error(`${route} answered ${response.status}`);
          times.get(route)?.push(performance.now() - sent);
        }
      }
      return times;
    };
    const report = (label: string, times: Map<string, number[]>): void => {
      for (const [route, list] of times) {
        list.sort((a, b) => a - b);
        print(`  ${label}: GET ${route} p50 ${fmt(percentile(list, 50))} ms, p95 ${fmt(percentile(list, 95))} ms over ${list.length}`);
      }
    };
    report(`idle, ${fmt(API_DEVICES, 0)} devices`, await measure(() => false, 50));
    sessions.push(...await agentSessions(ids.slice(0, INGEST_AGENTS), () => collector.wsUrl));
    let sending = true;
    let events = 0;
    // Enough frames for far longer than the measurement lasts on any machine.
    const frames = encodedBatches(200);
    const started = performance.now();
    const ingest = Promise.all(sessions.map(async (agent) => {
      for (const frame of frames) {
        if (!sending) return;
        await agent.sendEncodedBatch(frame, ACK_PATIENCE_MS);
        events += BATCH_SIZE;
      }
    }));
    const busy = await measure(() => performance.now() - started < 15_000, 20);
    sending = false;
    await ingest;
    report(`while ${INGEST_AGENTS} agents sent ${fmt(events / ((performance.now() - started) / 1000), 0)} events/s`, busy);
  } finally {
    for (const agent of sessions) agent.close();
    await collector.process.stop();
  }
};

/** CPU seconds the server processes of a database's connections have used (the server runs on this machine). */
const backendCpu = async (databaseUrl: string): Promise<number> => {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
    return rows.reduce((sum, { pid }) => {
      try {
        return sum + cpuSeconds(pid);
      } catch {
        return sum; // the connection ended meanwhile
      }
    }, 0);
  } finally {
    await client.end();
  }
};

const PG_AGENTS = 50;
const PG_BATCHES = Number(process.env.BENCH_BATCHES ?? 10);

/** Durable ingest on PostgreSQL through one collector process and through two (the agents split between them). */
export const postgresIngest = async (print: Print, percentile: Percentile): Promise<void> => {
  const frames = encodedBatches(PG_BATCHES);
  for (const processes of [1, 2]) {
    const database = await makePgDatabase('invigilator_bench');
    const running: Running[] = [];
    const sessions: SimAgent[] = [];
    try {
      const dirs = Array.from({ length: processes }, () => tempDir('bench-pg'));
      runCli(BIN, ['school', 'add', '--database', database.url, '--data-dir', dirs[0]!, '--id', 'bench', '--name', 'Bench School']);
      const store = await openPostgresStore(database.url);
      const ids = await seedDevices(store, PG_AGENTS).finally(() => store.close());
      for (const dir of dirs) running.push(await serve(dir, ['--database', database.url]));
      sessions.push(...await agentSessions(ids, (index) => running[index % processes]!.wsUrl));
      print(`  ${processes} collector${processes > 1 ? 's' : ''}, ${PG_AGENTS} agents:`);
      const serverBefore = await backendCpu(database.url);
      const run = await driveIngest(sessions, frames, running.map(pidOf));
      const server = (await backendCpu(database.url)) - serverBefore;
      describeIngest(run, print, percentile);
      print(`  PostgreSQL's backends serving the collectors: CPU ${fmt(server, 2)} s = ${fmt((server / run.events) * 1e6)} µs per event `
        + '(its shared writer and checkpointer processes not counted)');
    } finally {
      for (const agent of sessions) agent.close();
      for (const collector of running) await collector.process.stop();
      await database.drop();
    }
  }
};
