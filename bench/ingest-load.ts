// The ingest benches' load generator and what they print. Every frame is encoded before the clock starts, so
// the timed part is the collector's work and the socket writes; the generator's own CPU and each collector
// thread's are printed beside the wall figure, so a reader sees which of them the two cores were busy with.
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { encodeFrame } from '@invigilator/shared/wire.ts';
import { sampleObservation, type SimAgent } from '../test/support/sim-agent.ts';

export const BATCH_SIZE = 500;
/** A machine shared with other work may take long to answer: the bench measures, it does not give up. */
export const ACK_PATIENCE_MS = 120_000;

const fmt = (n: number, digits = 1): string => n.toLocaleString('en-GB', { maximumFractionDigits: digits });

/**
 * `batches` frames of BATCH_SIZE routine observations numbered from 1: each device numbers its own events,
 * so every agent can send the same bytes.
 */
export const encodedBatches = (batches: number): Uint8Array[] => Array.from({ length: batches }, (_, batch) =>
  encodeFrame({ batch: { events: Array.from({ length: BATCH_SIZE }, (_, index) => sampleObservation(batch * BATCH_SIZE + index + 1)) } }));

/** CPU seconds (user + system) each thread of a process has used, summed by thread name. */
export const threadCpu = (pid: number): Map<string, number> => {
  const used = new Map<string, number>();
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/task/${task}/stat`, 'utf8');
    } catch {
      continue; // the thread ended meanwhile
    }
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    used.set(name, (used.get(name) ?? 0) + (Number(fields[11]) + Number(fields[12])) / 100);
  }
  return used;
};

/** What each named thread used between two readings, largest first. */
const cpuBetween = (before: Map<string, number>, after: Map<string, number>): Array<[string, number]> =>
  [...after].map(([name, seconds]): [string, number] => [name, seconds - (before.get(name) ?? 0)]).sort((a, b) => b[1] - a[1]);

/** The collector's threads as the figures name them. */
const THREAD_LABELS: Record<string, string> = {
  MainThread: 'main thread', 'agent-writer': 'SQLite writer thread', 'batch-reader': 'batch reader thread',
  'wal-checkpoint': 'log checkpoint thread', V8Worker: 'V8 helper threads (garbage collection, compiling)',
};

export interface IngestRun {
  events: number;
  seconds: number;
  /** Each batch's time from sending to its ack, sorted. */
  ackLatencies: number[];
  /** This process's CPU while it ran: the generator (the agents' sockets, acks read). */
  generatorCpu: number;
  /** Per collector process: CPU by thread. */
  collectors: Array<Array<[string, number]>>;
}

/** Each agent sends `frames` one after another, each after the last one's ack; the collectors' pids are watched. */
export const driveIngest = async (agents: readonly SimAgent[], frames: readonly Uint8Array[], pids: readonly number[]): Promise<IngestRun> => {
  const ackLatencies: number[] = [];
  const before = pids.map(threadCpu);
  const ownBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(agents.map(async (agent) => {
    for (const frame of frames) {
      const sent = performance.now();
      await agent.sendEncodedBatch(frame, ACK_PATIENCE_MS);
      ackLatencies.push(performance.now() - sent);
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  const own = process.cpuUsage(ownBefore);
  return {
    events: agents.length * frames.length * BATCH_SIZE,
    seconds,
    ackLatencies: ackLatencies.sort((a, b) => a - b),
    generatorCpu: (own.user + own.system) / 1e6,
    collectors: pids.map((pid, index) => cpuBetween(before[index] ?? new Map(), threadCpu(pid))),
  };
};

/** The run's figures: wall rate, the collectors' CPU by thread, the generator's CPU, the machine's load. */
export const describeIngest = (run: IngestRun, print: (line: string) => void, percentile: (sorted: number[], p: number) => number): void => {
  const collectorCpu = run.collectors.flat().reduce((sum, [, seconds]) => sum + seconds, 0);
  print(`  ${fmt(run.events, 0)} events in ${fmt(run.seconds, 2)} s: ${fmt(run.events / run.seconds, 0)} events/s (durable: acked after commit)`);
  for (const [index, threads] of run.collectors.entries()) {
    // Each thread of ours, and any other that used a tenth of the whole (by the name the system gives it); the rest together.
    const total = threads.reduce((sum, [, seconds]) => sum + seconds, 0);
    const shown = threads.filter(([name, seconds]) => THREAD_LABELS[name] || seconds >= total / 10);
    const others = threads.filter((thread) => !shown.includes(thread)).reduce((sum, [, seconds]) => sum + seconds, 0);
    const parts = [...shown.map(([name, seconds]) => `${THREAD_LABELS[name] ?? `thread "${name}"`} ${fmt(seconds, 2)} s`), `other threads ${fmt(others, 2)} s`];
    print(`  collector${run.collectors.length > 1 ? ` ${index + 1}` : ''} CPU ${fmt(threads.reduce((sum, [, s]) => sum + s, 0), 2)} s: ${parts.join(', ')}`);
  }
  print(`  collector CPU per event ${fmt((collectorCpu / run.events) * 1e6)} µs (${fmt(run.events / collectorCpu, 0)} events per CPU-second); `
    + `load generator (this process, frames encoded beforehand) ${fmt(run.generatorCpu, 2)} s = ${fmt((run.generatorCpu / run.events) * 1e6)} µs per event`);
  print(`  the ${cpus().length} cores offered ${fmt(cpus().length * run.seconds, 2)} CPU-seconds over the run; collector and generator used `
    + `${fmt(collectorCpu + run.generatorCpu, 2)}; load average ${fmt(loadavg()[0] ?? Number.NaN)} after it`);
  print(`  batch of ${BATCH_SIZE} ack latency: p50 ${fmt(percentile(run.ackLatencies, 50))} ms, p95 ${fmt(percentile(run.ackLatencies, 95))} ms, `
    + `p99 ${fmt(percentile(run.ackLatencies, 99))} ms`);
};
