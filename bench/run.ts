// `npm run bench`: measured figures from one run on this machine. Nothing here is
// asserted; the numbers are printed for people to compare between changes.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { v1 } from '@invigilator/shared/wire.ts';
import { openFloodConnection, rssMb } from '../test/support/fragment-flood.ts';
import { SimAgent, sampleFileWritten, sampleObservation } from '../test/support/sim-agent.ts';
import { COLLECTOR_BIN, SOURCE_AGENT_BIN, cleanUpTestResources, runCli, startCollector, startProcess, tempDir } from '../test/support/processes.ts';
import { mountUsbStick } from '../test/support/usb-stick.ts';
import { AGENT_NODE_FLAGS, bundleAgent } from '../scripts/build-agent.ts';
import { buildSeaOnce } from '../test/support/sea-under-test.ts';
import { stickToMail } from './alert-mail.ts';
import { agentSessions, alertBurst, apiUnderIngest, cpuSeconds as processCpuSeconds, idleConnections, pidOf, postgresIngest, seedSchool, serve } from './collector-scale.ts';
import { BATCH_SIZE, describeIngest, driveIngest, encodedBatches } from './ingest-load.ts';
import { storeIngest } from './store-ingest.ts';
import { dashboardLatency } from './dashboard.ts';

const AGENTS = Number(process.env.BENCH_AGENTS ?? 50);
const BATCHES_PER_AGENT = Number(process.env.BENCH_BATCHES ?? 10);
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 60);

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const fmt = (n: number, digits = 1): string => n.toLocaleString('en-GB', { maximumFractionDigits: digits });
const print = (line: string): void => { process.stdout.write(`${line}\n`); };

const wireSizes = (): void => {
  const events = [sampleObservation(123_456), sampleFileWritten(123_457, 'coursework-final.docx')];
  for (const event of events) {
    const proto = v1.Event.encode(event).finish().length;
    const json = Buffer.byteLength(JSON.stringify(v1.Event.toObject(v1.Event.fromObject(event), { enums: String, longs: Number })));
    print(`  ${event.observation ? 'observation (firewall)' : 'misuse (file written)'}: protobuf ${proto} B, JSON ${json} B (${fmt((proto / json) * 100, 0)}%)`);
  }
};

const ingest = async (): Promise<void> => {
  const dataDir = tempDir('bench-ingest');
  const ids = await seedSchool(dataDir, AGENTS);
  const collector = await serve(dataDir);
  const agents: SimAgent[] = [];
  try {
    agents.push(...await agentSessions(ids, () => collector.wsUrl));
    print(`  ${AGENTS} agents, ${BATCHES_PER_AGENT} batches each:`);
    describeIngest(await driveIngest(agents, encodedBatches(BATCHES_PER_AGENT), [pidOf(collector)]), print, percentile);
    print(`  collector RSS after ingest: ${fmt(rssMb(pidOf(collector), (file) => readFileSync(file, 'utf8')))} MB`);
  } finally {
    for (const agent of agents) agent.close();
    await collector.process.stop();
  }
};

/** CPU seconds this process's reaped children have used (the tools a check runs). */
const childCpuSeconds = (): number => {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100;
};

const checkRound = async (): Promise<void> => {
  const { checksFor } = await import('../agent/src/checks/index.ts');
  const { runChecks } = await import('../agent/src/checks/runner.ts');
  const { liveProvider } = await import('../agent/src/checks/live-provider.ts');
  const { currentPlatform } = await import('../agent/src/platform.ts');
  const checks = await checksFor(currentPlatform());
  const context = { removableMountRoots: ['/media', '/run/media'] };
  await runChecks(checks, liveProvider, context); // warm the module cache and the disk cache
  const cpu = process.cpuUsage();
  const children = childCpuSeconds();
  const started = performance.now();
  const runs = await runChecks(checks, liveProvider, context);
  const wall = performance.now() - started;
  const own = process.cpuUsage(cpu);
  print(`  ${runs.length} checks: wall ${fmt(wall)} ms, CPU ${fmt((own.user + own.system) / 1000)} ms in the agent + ${fmt((childCpuSeconds() - children) * 1000)} ms in the tools it ran`);
};


const idleRss = async (label: string, agentBin: string, nodeArgs: readonly string[] = []): Promise<void> => {
  const dataDir = tempDir('bench-idle');
  const collector = await startCollector(dataDir);
  try {
    const secret = runCli(COLLECTOR_BIN, ['school', 'add', '--data-dir', dataDir, '--id', 'bench', '--name', 'Bench School']);
    const stateDir = path.join(dataDir, 'agent');
    runCli(agentBin, ['enroll', '--collector', collector.wsUrl, '--secret', secret, '--state-dir', stateDir]);
    const agent = startProcess(agentBin, ['run', '--state-dir', stateDir], path.join(dataDir, 'agent.log'), nodeArgs);
    // The first round and start-up are not idle: CPU is counted from 10 s in.
    const settleMs = Math.min(10_000, IDLE_SECONDS * 500);
    await new Promise((resolve) => setTimeout(resolve, settleMs));
    const cpuBefore = processCpuSeconds(agent.child.pid!);
    await new Promise((resolve) => setTimeout(resolve, IDLE_SECONDS * 1000 - settleMs));
    const cpuIdle = processCpuSeconds(agent.child.pid!) - cpuBefore;
    const status = readFileSync(`/proc/${agent.child.pid}/status`, 'utf8');
    const kb = (key: string): number => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
    const idleSeconds = (IDLE_SECONDS * 1000 - settleMs) / 1000;
    // Anonymous: the agent's own (heap, stacks, malloc); file: the pages of the Node binary it runs, shared and reclaimable.
    print(`  ${label}: after ${IDLE_SECONDS} s, RSS ${fmt(kb('VmRSS') / 1024)} MB (anonymous ${fmt(kb('RssAnon') / 1024)}, `
      + `file ${fmt(kb('RssFile') / 1024)}; peak ${fmt(kb('VmHWM') / 1024)} MB); `
      + `idle CPU ${fmt((cpuIdle / idleSeconds) * 100, 2)}% of one core (watchers: /proc every 2 s, Downloads, mounts, nftables); `
      + `load average ${loadavg().map((load) => fmt(load, 2)).join(' ')} on ${cpus().length} cores`);
    await agent.stop();
  } finally {
    await collector.process.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
};

/**
 * Drops a file from the page cache, as a reboot does. A file just written (the build's output, a package just
 * unpacked) sits in the cache as large folios, and a page fault maps a whole folio: pages of the executable the
 * agent never uses count in its RSS, about 16 MB more, until the file's pages are read from disk again.
 */
const evictFromPageCache = (file: string): void => {
  execFileSync('sync', [file]);
  execFileSync('dd', [`if=${file}`, 'iflag=nocache', 'count=0', 'status=none']);
};

const agentIdle = async (): Promise<void> => {
  // As shipped: the single executable, which runs the esbuild bundle with AGENT_NODE_FLAGS
  // built in (an agent is idle almost always, so V8's optimising compiler is not worth its
  // memory). The bundle run by this Node, with and without those flags, and the sources
  // (where Node also holds its TypeScript stripper) for comparison.
  const sea = await buildSeaOnce();
  evictFromPageCache(sea);
  await idleRss(`single executable (linux-x64, ${AGENT_NODE_FLAGS.join(' ')} built in; as installers ship it, after a reboot)`, sea);
  const bundle = await bundleAgent();
  await idleRss(`esbuild bundle, ${AGENT_NODE_FLAGS.join(' ')}`, bundle, AGENT_NODE_FLAGS);
  await idleRss('esbuild bundle, default V8 flags', bundle);
  await idleRss('from source (.ts, type stripping)', SOURCE_AGENT_BIN);
};

/** 1,000 connections that never identify themselves, each sending an unfinished 64 KiB fragment. */
const flood = async (): Promise<void> => {
  const dataDir = tempDir('bench-flood');
  const collector = await startCollector(dataDir);
  const pid = collector.process.child.pid as number;
  const rss = (): number => rssMb(pid, (file) => readFileSync(file, 'utf8'));
  const healthz = async (): Promise<number> => {
    const started = performance.now();
    await (await fetch(`${collector.httpUrl}/healthz`)).arrayBuffer();
    return performance.now() - started;
  };
  const before = rss();
  // Two waves: the second shows whether memory the first took is used again or keeps growing.
  for (const wave of [1, 2]) {
    const connections = Array.from({ length: 1000 }, (_, index) => openFloodConnection(collector.port, `127.0.0.${2 + (index % 20)}`));
    const statuses = await Promise.all(connections.map((connection) => connection.status));
    const upgraded = performance.now();
    const during = await healthz();
    const peak = rss();
    await Promise.all(connections.map((connection) => connection.closedByPeer));
    const closedAfter = (performance.now() - upgraded) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    print(`  wave ${wave}: admitted ${statuses.filter((status) => status === 101).length}, refused ${statuses.filter((status) => status === 503).length}; `
      + `all closed by the collector ${fmt(closedAfter)} s after the last upgrade (the Hello deadline is 10 s); /healthz ${fmt(during, 0)} ms under it`);
    print(`  wave ${wave}: collector RSS ${fmt(before, 0)} MB before the first wave, ${fmt(peak, 0)} MB under this one, ${fmt(rss(), 0)} MB 10 s after`);
  }
  await collector.process.stop();
};

const STICK_FILES = Number(process.env.BENCH_STICK_FILES ?? 20_000);

/** The built agent idle with a memory stick of STICK_FILES files (200 folders) mounted: its files are not held in memory. */
const stickIdle = async (): Promise<void> => {
  if (process.getuid?.() !== 0) {
    print('  skipped: mounting a stick image needs root');
    return;
  }
  const label = `BENCH${randomBytes(2).toString('hex').toUpperCase()}`;
  // Where desktop Linux mounts sticks, so the agent's default mount roots see it.
  const stick = mountUsbStick({ mountRoot: '/media', user: `bench-pupil-${label.toLowerCase()}`, label, sizeMiB: 128, inodes: STICK_FILES + 1_000 });
  try {
    const folders = 200;
    for (let folder = 0; folder < folders; folder += 1) {
      const dir = path.join(stick.mountPoint, `folder-${folder}`);
      mkdirSync(dir);
      for (let file = 0; file < STICK_FILES / folders; file += 1) writeFileSync(path.join(dir, `file-${file}.txt`), 'x');
    }
    print(`  a stick of ${STICK_FILES.toLocaleString('en-GB')} files in ${folders} folders mounted at ${stick.mountPoint}`);
    // As installers run it: the single executable, its pages read from disk as after a reboot.
    const sea = await buildSeaOnce();
    evictFromPageCache(sea);
    await idleRss(`single executable (${AGENT_NODE_FLAGS.join(' ')} built in), stick mounted (target <= 60 MB)`, sea);
  } finally {
    stick.destroy();
  }
};

/** What the bypass-tool watcher's look at /proc costs, measured in this process. */
const processScan = async (): Promise<void> => {
  const { createLinuxProcessLister } = await import('../agent/src/watchers/misuse/linux-processes.ts');
  const lister = createLinuxProcessLister();
  const first = await lister.list(new Set());
  let known = new Set(first.keys);
  const rounds = 50;
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let round = 0; round < rounds; round += 1) known = new Set((await lister.list(known)).keys);
  const wall = (performance.now() - started) / rounds;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000 / rounds;
  print(`  ${known.size} processes: one look ${fmt(wall, 2)} ms wall, ${fmt(cpuMs, 2)} ms CPU; every 2 s that is ${fmt((cpuMs / 2_000) * 100, 3)}% of one core`);
};

/**
 * What the proxy and DNS-over-HTTPS watch costs at idle on Linux: 30 pupils' homes, each with a Firefox profile
 * (the prefs.js Firefox ESR wrote), a Chromium Local State and a GNOME dconf database, read as the agent reads them
 * every 2 s when nothing changed (stat calls), and once after a change (files parsed, gsettings run for that home).
 */
const filterSettingsIdle = async (): Promise<void> => {
  const { execFileSync } = await import('node:child_process');
  const { createBrowserSettingsSource } = await import('../agent/src/watchers/misuse/filter-settings/browser-settings.ts');
  const { createLinuxSystemSettingsSource } = await import('../agent/src/watchers/misuse/filter-settings/linux-system-settings.ts');
  const { LINUX_CHROMIUM_BROWSERS, LINUX_FIREFOX_POLICY_FILES, LINUX_FIREFOX_PROFILE_ROOTS, LINUX_FILTER_SETTINGS_INTERVAL_MS } = await import('../agent/src/watchers/misuse/filter-settings/linux.ts');
  const { liveProvider } = await import('../agent/src/checks/live-provider.ts');
  const { reuseWhileUnchanged } = await import('../agent/src/watchers/misuse/filter-settings/reuse-unchanged.ts');
  const root = tempDir('bench-filter-settings');
  const homes = path.join(root, 'home');
  const fixture = (name: string): string => readFileSync(path.join('test/fixtures/linux', name), 'utf8');
  const PUPILS = 30;
  for (let n = 0; n < PUPILS; n += 1) {
    const home = path.join(homes, `pupil${n}`);
    mkdirSync(path.join(home, '.mozilla/firefox/x1.default-esr'), { recursive: true });
    writeFileSync(path.join(home, '.mozilla/firefox/x1.default-esr/prefs.js'), fixture('firefox-prefs.devmachine-fresh.js.txt'));
    mkdirSync(path.join(home, '.config/chromium'), { recursive: true });
    writeFileSync(path.join(home, '.config/chromium/Local State'), fixture('chromium-local-state.devmachine-fresh.json'));
    mkdirSync(path.join(home, '.config/dconf/user.d'), { recursive: true });
    writeFileSync(path.join(home, '.config/dconf/user.d/00'), "[org/gnome/desktop/interface]\nclock-format='24h'\n");
    execFileSync('/usr/bin/dconf', ['compile', path.join(home, '.config/dconf/user'), path.join(home, '.config/dconf/user.d')]);
  }
  // Each source reads through its own provider that reuses what did not change, as the watcher gives it.
  const sources = [
    createBrowserSettingsSource({ platform: 'linux', homesRoot: homes, pathApi: path.posix, firefoxProfileRoots: LINUX_FIREFOX_PROFILE_ROOTS, firefoxPolicyFiles: LINUX_FIREFOX_POLICY_FILES, chromium: LINUX_CHROMIUM_BROWSERS, intervalMs: 0 }),
    createLinuxSystemSettingsSource({ homesRoot: homes, pathApi: path.posix, environmentFile: '/etc/environment', dconfFolders: ['/etc/dconf/db', '/etc/dconf/profile'], intervalMs: 0 }),
  ].map((source) => ({ source, reusing: reuseWhileUnchanged(liveProvider) }));
  const measure = async (rounds: number): Promise<{ cpuMs: number; wallMs: number; childMs: number }> => {
    const cpu = process.cpuUsage();
    const children = childCpuSeconds();
    const started = performance.now();
    for (let round = 0; round < rounds; round += 1) for (const { source, reusing } of sources) {
      if (reusing.unchanged()) continue;
      await source.read(reusing.provider);
      reusing.endLook();
    }
    const used = process.cpuUsage(cpu);
    return { cpuMs: (used.user + used.system) / 1000 / rounds, wallMs: (performance.now() - started) / rounds, childMs: ((childCpuSeconds() - children) * 1000) / rounds };
  };
  const first = await measure(1);
  print(`  first look (${PUPILS} homes: Firefox, Chromium and GNOME each; gsettings for every home): ${fmt(first.wallMs)} ms wall, ${fmt(first.cpuMs)} ms CPU in the agent, ${fmt(first.childMs)} ms in gsettings`);
  const idle = await measure(100);
  const intervalMs = LINUX_FILTER_SETTINGS_INTERVAL_MS;
  print(`  idle look (nothing changed: stat calls only): ${fmt(idle.wallMs, 2)} ms wall, ${fmt(idle.cpuMs, 2)} ms CPU; every ${intervalMs / 1000} s that is ${fmt(((idle.cpuMs + idle.childMs) / intervalMs) * 100, 3)}% of one core`);
  writeFileSync(path.join(homes, 'pupil7/.mozilla/firefox/x1.default-esr/prefs.js'), fixture('firefox-prefs.devmachine-socks-and-doh.js.txt'));
  execFileSync('/usr/bin/dconf', ['compile', path.join(homes, 'pupil7/.config/dconf/user'), path.join(homes, 'pupil7/.config/dconf/user.d')]);
  const changed = await measure(1);
  print(`  look after one pupil changed Firefox and GNOME: ${fmt(changed.wallMs)} ms wall, ${fmt(changed.cpuMs)} ms CPU in the agent, ${fmt(changed.childMs)} ms in gsettings`);
  rmSync(root, { recursive: true, force: true });
};

/** Timings of `count` sequential calls, sorted. */
const timed = async (count: number, call: () => Promise<unknown>): Promise<number[]> => {
  const times: number[] = [];
  for (let n = 0; n < count; n += 1) {
    const started = performance.now();
    await call();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
};
const spread = (sorted: number[]): string => `p50 ${fmt(percentile(sorted, 50))} ms, p95 ${fmt(percentile(sorted, 95))} ms`;

const signIn = async (): Promise<void> => {
  const dataDir = tempDir('bench-sign-in');
  const passwordFile = path.join(dataDir, 'password.txt');
  writeFileSync(passwordFile, 'correct horse battery staple');
  runCli(COLLECTOR_BIN, ['school', 'add', '--data-dir', dataDir, '--id', 'bench', '--name', 'Bench School']);
  runCli(COLLECTOR_BIN, ['person', 'add', '--data-dir', dataDir, '--email', 'dsl@bench.sch.uk', '--name', 'DSL', '--role', 'dsl', '--school', 'bench']);
  runCli(COLLECTOR_BIN, ['person', 'password', 'set', '--data-dir', dataDir, '--email', 'dsl@bench.sch.uk', '--password-file', passwordFile]);
  const token = runCli(COLLECTOR_BIN, ['token', 'create', '--data-dir', dataDir, '--person', 'dsl@bench.sch.uk']);
  const collector = await startCollector(dataDir);
  try {
    let cookie = '';
    const signIns = await timed(20, async () => {
      const response = await fetch(`${collector.httpUrl}/auth/password`, {
        method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ email: 'dsl@bench.sch.uk', password: 'correct horse battery staple' }),
      });
      cookie = response.headers.getSetCookie()[0]?.split(';')[0] ?? '';
    });
    print(`  password sign-in (scrypt N=2^15, session written): ${spread(signIns)} over ${signIns.length}`);
    const me = (headers: Record<string, string>) => () => fetch(`${collector.httpUrl}/api/v1/me`, { headers }).then((r) => r.arrayBuffer());
    print(`  GET /api/v1/me with the session cookie: ${spread(await timed(200, me({ cookie })))} over 200`);
    print(`  GET /api/v1/me with a person's bearer token: ${spread(await timed(200, me({ authorization: `Bearer ${token}` })))} over 200`);
  } finally {
    await collector.process.stop();
  }
};

const REPORT_DEVICES = Number(process.env.BENCH_REPORT_DEVICES ?? 100);

/** A term (4 weeks, a half-term week in it) of 15-minute firewall reports from many devices, then the reports made from it. */
const termReports = async (): Promise<void> => {
  const dataDir = tempDir('bench-reports');
  const collector = await startCollector(dataDir);
  try {
    const cli = (...args: string[]): string => runCli(COLLECTOR_BIN, [...args, '--data-dir', dataDir]);
    const secret = cli('school', 'add', '--id', 'bench', '--name', 'Bench School');
    cli('term', 'set', '--school', 'bench', '--name', 'Summer 2025', '--start', '2025-06-02', '--end', '2025-06-27', '--holiday', '2025-06-09..2025-06-13');
    const from = Date.parse('2025-06-01T23:00:00Z');
    const reports = 28 * 96;
    const credentials = await Promise.all(Array.from({ length: REPORT_DEVICES }, () => SimAgent.enrol(collector.wsUrl, secret)));
    const started = performance.now();
    for (let i = 0; i < credentials.length; i += 10) {
      await Promise.all(credentials.slice(i, i + 10).map(async (credential, index) => {
        const { agent } = await SimAgent.session(collector.wsUrl, credential);
        for (let seq = 1; seq <= reports; seq += BATCH_SIZE) {
          const events = Array.from({ length: Math.min(BATCH_SIZE, reports - seq + 1) }, (_, k) => {
            const event = sampleObservation(seq + k);
            // One device in ten switches its firewall off for an hour each day at ten.
            const at = from + (seq + k - 1) * 900_000;
            const off = (i + index) % 10 === 0 && new Date(at).getUTCHours() === 9;
            return { ...event, occurredAtMs: at, observation: { ...event.observation, firewall: { ...event.observation?.firewall, enabled: off ? 2 : 1, inboundRulesListed: 1 } } };
          });
          await agent.sendBatch(events);
        }
        agent.close();
      }));
    }
    print(`  ${fmt(REPORT_DEVICES * reports, 0)} firewall reports from ${REPORT_DEVICES} devices sent in ${fmt((performance.now() - started) / 1000, 1)} s`);
    for (const format of ['pdf', 'html', 'csv']) {
      const out = path.join(dataDir, `review.${format}`);
      const t = performance.now();
      cli('report', 'firewall-review', '--school', 'bench', '--term', 'Summer 2025', '--out', out);
      print(`  firewall review as ${format} (a whole command, process start included): ${fmt((performance.now() - t) / 1000, 2)} s`);
    }
    const t = performance.now();
    cli('report', 'evidence-pack', '--school', 'bench', '--term', 'Summer 2025', '--out', path.join(dataDir, 'pack.pdf'));
    print(`  evidence pack as pdf: ${fmt((performance.now() - t) / 1000, 2)} s`);
  } finally {
    await collector.process.stop();
  }
};

const SECTIONS: Array<[string, string, () => Promise<void> | void]> = [
  ['wire', 'Wire size per event', wireSizes],
  ['ingest', 'Durable ingest through the real gateway (loopback ws, SQLite, ack after commit)', ingest],
  ['store-ingest', 'Ingest through the store alone, SQLite and PostgreSQL (judged and committed, no network)', () => storeIngest(print, fmt)],
  ['checks', 'One full check round on this machine', checkRound],
  ['procscan', 'Filter-bypass watcher: one look at /proc', processScan],
  ['filtersettings', 'Proxy and DNS-over-HTTPS watcher on Linux (browser files, GNOME, /etc/environment)', filterSettingsIdle],
  ['idle', 'Agent idle', agentIdle],
  ['stick', 'Agent idle with a full memory stick mounted', stickIdle],
  ['flood', 'Gateway under 1,000 unidentified connections sending unfinished fragments', flood],
  ['reports', `Termly reports from a term of 15-minute firewall reports (BENCH_REPORT_DEVICES=${REPORT_DEVICES})`, termReports],
  ['sign-in', 'Signing in and signed-in requests (collector process, loopback HTTP)', signIn],
  ['alert-mail', 'A stick reaches the DSL by email (agent, collector, outbox, SMTP server)', () => stickToMail(print, percentile)],
  ['connections', 'Idle agents held by one collector process (BENCH_IDLE_AGENTS, raw WebSocket clients from 4 local addresses)', () => idleConnections(print)],
  ['burst', 'A lesson-change burst: 2,000 agents reporting memory sticks at 2,500 events/s', () => alertBurst(print, percentile)],
  ['api-ingest', 'API latency, idle and while ingest runs flat out (SQLite)', () => apiUnderIngest(print, percentile)],
  ['pg-ingest', 'Durable ingest on PostgreSQL 127.0.0.1 through the real gateway: one collector process, then two', () => postgresIngest(print, percentile)],
  ['dashboard', 'Dashboard at a trust\'s size (collector process, loopback HTTP, SQLite)', () => dashboardLatency(print, percentile)],
];
// BENCH_ONLY=ingest,checks picks sections by their keys above; all by default.
const only = new Set(process.env.BENCH_ONLY?.split(',') ?? SECTIONS.map(([key]) => key));

print(`Invigilator bench — ${new Date().toISOString()}, Node ${process.version}, ${(await import('node:os')).cpus().length} cores`);
try {
  for (const [key, title, run] of SECTIONS) {
    if (!only.has(key)) continue;
    print(`\n${title}`);
    await run();
  }
} finally {
  // No process or temporary database outlives the bench, whatever failed.
  await cleanUpTestResources();
}
