import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Outbox, type OutboxInput } from '../src/outbox.ts';
import { captureLogger } from './helpers/capture-logger.ts';
import { decodeEvent, misuseInput, observationInput } from './helpers/events.ts';
import { useTempDirs } from './helpers/temp-dirs.ts';

const tempDir = useTempDirs('outbox-test');
const tempFile = (): string => path.join(tempDir(), 'outbox.sqlite');

describe('Outbox', () => {
  it('assigns strictly increasing seqs and returns the encoded events in order', () => {
    const outbox = new Outbox({ file: tempFile(), logger: captureLogger().logger });
    const seqs = [observationInput('a'), misuseInput('b'), observationInput('c')].map((event) => outbox.append(event));
    expect(seqs).toEqual([1, 2, 3]);
    const events = outbox.peek(10, 1_000_000).map((stored) => decodeEvent(stored.bytes));
    expect(events.map((event) => event.seq)).toEqual([1, 2, 3]);
    expect(events[0]?.observation?.reason).toBe('a');
    expect(events[1]?.misuse?.detail).toBe('b');
    outbox.close();
  });

  it('peek respects the event and byte limits but always returns at least one event', () => {
    const outbox = new Outbox({ file: tempFile(), logger: captureLogger().logger });
    for (let index = 0; index < 5; index += 1) outbox.append(observationInput(`e${index}`, 1000));
    expect(outbox.peek(2, 1_000_000).map((event) => event.seq)).toEqual([1, 2]);
    expect(outbox.peek(10, 2100).map((event) => event.seq)).toEqual([1, 2]);
    expect(outbox.peek(10, 10).map((event) => event.seq)).toEqual([1]);
    outbox.close();
  });

  it('ackUpTo removes acknowledged events; seqs are never reused, even after a restart', () => {
    const file = tempFile();
    const first = new Outbox({ file, logger: captureLogger().logger });
    for (let index = 0; index < 4; index += 1) first.append(observationInput(`e${index}`));
    first.ackUpTo(2);
    expect(first.depth()).toBe(2);
    expect(first.peek(10, 1_000_000).map((event) => event.seq)).toEqual([3, 4]);
    first.ackUpTo(4);
    expect(first.stats()).toMatchObject({ depth: 0, bytes: 0, oldestSeq: null });
    first.close();

    const reopened = new Outbox({ file, logger: captureLogger().logger });
    expect(reopened.append(observationInput('after restart'))).toBe(5);
    reopened.close();
  });

  it('over its size limit drops the oldest observations first, keeps misuse, and counts the drops', () => {
    const capture = captureLogger();
    const outbox = new Outbox({ file: tempFile(), logger: capture.logger, maxBytes: 5000 });
    outbox.append(misuseInput('keep-1', 900));
    for (let index = 0; index < 6; index += 1) outbox.append(observationInput(`routine-${index}`, 900));
    outbox.append(misuseInput('keep-2', 900));
    const kept = outbox.peek(100, 1_000_000).map((stored) => decodeEvent(stored.bytes));
    expect(kept.filter((event) => event.misuse).map((event) => event.misuse?.detail?.slice(0, 6))).toEqual(['keep-1', 'keep-2']);
    const stats = outbox.stats();
    expect(stats.bytes).toBeLessThanOrEqual(5000);
    expect(stats.dropped.misuse).toBe(0);
    expect(stats.dropped.observation).toBe(8 - kept.length);
    // The newest observations survive: only the oldest went.
    const routine = kept.filter((event) => event.observation).map((event) => event.observation?.reason?.slice(0, 9));
    expect(routine.at(-1)).toBe('routine-5');
    expect(capture.withCode('OUTBOX_FULL')[0]).toMatchObject({ level: 40, kind: 'observation' });
    outbox.close();
  });

  it('drops misuse events only when nothing else is left, and logs that at error', () => {
    const capture = captureLogger();
    const outbox = new Outbox({ file: tempFile(), logger: capture.logger, maxBytes: 2500 });
    for (let index = 0; index < 4; index += 1) outbox.append(misuseInput(`m${index}`, 900));
    expect(outbox.stats().dropped.misuse).toBeGreaterThan(0);
    expect(outbox.stats().bytes).toBeLessThanOrEqual(2500);
    expect(capture.withCode('OUTBOX_FULL').some((line) => line.level === 50 && line.kind === 'misuse')).toBe(true);
    outbox.close();
  });

  it('refuses an event too large to ever send, with a coded log and a drop count', () => {
    const capture = captureLogger();
    const outbox = new Outbox({ file: tempFile(), logger: capture.logger });
    // Every field within its limit, but 600 rules of 1,000-character paths make more than a frame holds.
    const rules = Array.from({ length: 600 }, (_, index) => ({ name: `rule ${index}`, application: 'C:\\'.padEnd(1000, 'x') }));
    const huge: OutboxInput = { occurredAtMs: Date.now(), observation: { check: 'firewall', firewall: { inboundAllowRules: rules } } };
    expect(outbox.append(huge)).toBeNull();
    expect(outbox.depth()).toBe(0);
    expect(outbox.stats().dropped.observation).toBe(1);
    expect(capture.withCode('EVENT_TOO_LARGE')).toEqual([expect.objectContaining({ level: 50, kind: 'observation' })]);
    expect(capture.withCode('FRAME_TOO_LARGE')).toEqual([]);
    outbox.close();
  });

  it('reports a damaged outbox file as STATE_DIR_UNUSABLE, naming the file and what to do', () => {
    const file = tempFile();
    // Not an SQLite file: what a half-written copy or disk damage leaves behind.
    writeFileSync(file, 'this is not an sqlite database\n'.repeat(200));
    let thrown: unknown;
    try {
      new Outbox({ file, logger: captureLogger().logger });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'STATE_DIR_UNUSABLE' });
    expect((thrown as Error).message).toContain(file);
    expect((thrown as Error).message).toMatch(/move it aside and restart the agent/);
  });

  it('renumbers a recreated outbox above the collector\'s committed seq, in order, and continues from there', () => {
    const file = tempFile();
    const capture = captureLogger();
    const outbox = new Outbox({ file, logger: capture.logger });
    for (const input of [observationInput('a'), misuseInput('b'), observationInput('c')]) outbox.append(input);
    expect(outbox.continueAbove(70_000)).toBe(3);
    const peeked = outbox.peek(10, 1_000_000);
    const events = peeked.map((stored) => ({ seq: stored.seq, event: decodeEvent(stored.bytes) }));
    expect(events.map((stored) => stored.seq)).toEqual([70_001, 70_002, 70_003]);
    // The seq inside each stored event is re-encoded too.
    expect(events.map((stored) => stored.event.seq)).toEqual([70_001, 70_002, 70_003]);
    expect(events.map((stored) => stored.event.observation?.reason ?? stored.event.misuse?.detail)).toEqual(['a', 'b', 'c']);
    expect(outbox.stats().bytes).toBe(peeked.reduce((total, stored) => total + stored.bytes.length, 0));
    expect(capture.withCode('OUTBOX_RESET')).toEqual([expect.objectContaining({ level: 40, committedSeq: 70_000, highestAssigned: 3, renumbered: 3 })]);
    // Acknowledging the collector's seq afterwards deletes nothing unsent.
    outbox.ackUpTo(70_000);
    expect(outbox.depth()).toBe(3);
    expect(outbox.append(observationInput('d'))).toBe(70_004);
    outbox.close();
    const reopened = new Outbox({ file, logger: captureLogger().logger });
    expect(reopened.append(observationInput('e'))).toBe(70_005);
    reopened.close();
  });

  it('moves an empty recreated outbox\'s counter above the committed seq', () => {
    const outbox = new Outbox({ file: tempFile(), logger: captureLogger().logger });
    expect(outbox.continueAbove(500)).toBe(0);
    expect(outbox.append(observationInput('first after reimage'))).toBe(501);
    outbox.close();
  });

  it('leaves the numbering alone when the collector holds no seq above those assigned (the normal case)', () => {
    const capture = captureLogger();
    const outbox = new Outbox({ file: tempFile(), logger: capture.logger });
    for (let index = 0; index < 4; index += 1) outbox.append(observationInput(`e${index}`));
    outbox.ackUpTo(4);
    // Committed up to the highest seq: everything was sent, nothing was reset.
    expect(outbox.continueAbove(4)).toBe(0);
    outbox.append(observationInput('next'));
    // Committed below the highest seq: the unsent rows above it keep their numbers.
    expect(outbox.continueAbove(3)).toBe(0);
    expect(outbox.peek(10, 1_000_000).map((stored) => stored.seq)).toEqual([5]);
    expect(capture.withCode('OUTBOX_RESET')).toEqual([]);
    outbox.close();
  });

  it('loses and duplicates nothing when the appending process is killed with SIGKILL', async () => {
    const file = tempFile();
    const child = spawn(process.execPath, [path.join(import.meta.dirname, 'helpers/append-forever.ts'), file], { stdio: ['ignore', 'pipe', 'inherit'] });
    const reported: number[] = [];
    let buffered = '';
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString('utf8');
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        reported.push(...lines.map(Number));
        if (reported.length >= 300 && !child.killed) {
          child.kill('SIGKILL');
        }
      });
      child.on('exit', () => resolve());
    });
    expect(reported.length).toBeGreaterThanOrEqual(300);
    const outbox = new Outbox({ file, logger: captureLogger().logger });
    const stored = outbox.peek(1_000_000, Number.MAX_SAFE_INTEGER).map((event) => event.seq);
    // Every seq the child was told is stored is there, each once, in one unbroken run from 1.
    expect(new Set(stored).size).toBe(stored.length);
    expect(stored).toEqual(stored.map((_seq, index) => index + 1));
    for (const seq of reported) expect(stored).toContain(seq);
    const next = outbox.append(observationInput('after kill'));
    expect(next).toBe((stored.at(-1) ?? 0) + 1);
    outbox.close();
  });
});
