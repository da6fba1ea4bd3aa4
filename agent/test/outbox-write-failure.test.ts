// Real write failures other than a full disk: another process holding the file's
// lock (SQLITE_BUSY), and, as root, the database and its WAL made immutable under an open outbox.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Outbox, readOutboxSnapshot } from '../src/outbox.ts';
import { captureLogger } from './helpers/capture-logger.ts';
import { decodeEvent, misuseInput, observationInput } from './helpers/events.ts';
import { useTempDirs } from './helpers/temp-dirs.ts';

const tempDir = useTempDirs('outbox-write-failure');
const isRoot = process.getuid?.() === 0;
const hasChattr = ['/usr/bin/chattr', '/bin/chattr'].some((file) => existsSync(file));

const detailsOf = (outbox: Outbox): string[] =>
  outbox.peek(100, Number.MAX_SAFE_INTEGER).map((stored) => decodeEvent(stored.bytes)).map((event) => event.misuse?.detail ?? event.observation?.reason ?? '');

describe('Outbox when its file cannot be written', () => {
  it('holds events in memory while another process locks the file, counts overflow drops, and writes them in order later', () => {
    const file = path.join(tempDir(), 'outbox.sqlite');
    const capture = captureLogger();
    const outbox = new Outbox({ file, logger: capture.logger, busyTimeoutMs: 20, pendingLimit: 2 });
    expect(outbox.append(observationInput('before lock'))).toBe(1);

    const locker = new DatabaseSync(file);
    locker.exec('BEGIN IMMEDIATE');
    expect(outbox.append(observationInput('routine while locked'))).toBeNull();
    expect(outbox.append(misuseInput('misuse while locked'))).toBeNull();
    expect(outbox.append(observationInput('latest while locked'))).toBeNull();

    const failures = capture.withCode('OUTBOX_WRITE_FAILED');
    expect(failures[0]).toMatchObject({ level: 50 });
    expect(String(failures[0]?.msg)).toMatch(/locked/);
    // The oldest routine event went when the queue of 2 overflowed, and is counted although the file is locked.
    expect(failures.filter((line) => line.kind === 'observation' && /queue is full/.test(String(line.msg)))).toHaveLength(1);
    expect(outbox.stats()).toMatchObject({ pendingInMemory: 2, dropped: { observation: 1, misuse: 0 } });
    expect(outbox.flushPending()).toBe(false);

    locker.exec('ROLLBACK');
    locker.close();
    expect(outbox.flushPending()).toBe(true);
    expect(detailsOf(outbox)).toEqual(['before lock', 'misuse while locked', 'latest while locked']);
    expect(outbox.peek(100, Number.MAX_SAFE_INTEGER).map((stored) => stored.seq)).toEqual([1, 2, 3]);
    outbox.close();
    // The drop counted in memory reached the file once it could be written.
    expect(readOutboxSnapshot(file)?.dropped).toEqual({ observation: 1, misuse: 0 });
  });

  describe.skipIf(!isRoot || !hasChattr)('made immutable while open (needs root and chattr)', () => {
    const immutable: string[] = [];
    const setImmutable = (on: boolean, files: string[]): void => {
      for (const file of files) execFileSync('chattr', [on ? '+i' : '-i', file]);
    };
    // Before the folder is removed: an immutable file cannot be deleted.
    afterEach(() => setImmutable(false, immutable.splice(0)));

    it('keeps events in memory on an I/O error and writes them once the file is writable again', () => {
      const file = path.join(tempDir(), 'outbox.sqlite');
      const capture = captureLogger();
      const outbox = new Outbox({ file, logger: capture.logger });
      expect(outbox.append(observationInput('before'))).toBe(1);
      // Not the -shm file: it is memory-mapped, and an immutable mapping ends the process with SIGBUS.
      const files = [file, `${file}-wal`].filter((candidate) => existsSync(candidate));
      immutable.push(...files);
      setImmutable(true, files);

      expect(outbox.append(misuseInput('while immutable'))).toBeNull();
      expect(capture.withCode('OUTBOX_WRITE_FAILED')[0]).toMatchObject({ level: 50 });
      expect(outbox.stats().pendingInMemory).toBe(1);

      setImmutable(false, immutable.splice(0));
      expect(outbox.flushPending()).toBe(true);
      expect(detailsOf(outbox)).toEqual(['before', 'while immutable']);
      outbox.close();
    });
  });
});
