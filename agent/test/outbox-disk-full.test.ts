// A real full disk: a 256 KiB tmpfs mounted for the test (needs root).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Outbox } from '../src/outbox.ts';
import { captureLogger } from './helpers/capture-logger.ts';
import { decodeEvent, misuseInput, observationInput } from './helpers/events.ts';

const isRoot = process.getuid?.() === 0;

describe.skipIf(!isRoot)('Outbox on a full disk (needs root to mount a tiny tmpfs)', () => {
  let mountDir = '';

  beforeAll(() => {
    mountDir = mkdtempSync(path.join(tmpdir(), 'outbox-full-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mountDir]);
  });

  afterAll(() => {
    if (!mountDir) return;
    execFileSync('umount', [mountDir]);
    rmSync(mountDir, { recursive: true, force: true });
  });

  /** Fills the filesystem with one file until the kernel says ENOSPC. */
  const fillDisk = (file: string): void => {
    const chunk = Buffer.alloc(4096, 1);
    const parts: Buffer[] = [];
    for (;;) {
      try {
        writeFileSync(file, Buffer.concat([...parts, chunk]));
        parts.push(chunk);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOSPC') return;
        throw error;
      }
    }
  };

  it('logs DISK_FULL, keeps accepting events in memory, and writes them once space is freed', () => {
    const capture = captureLogger();
    const outbox = new Outbox({ file: path.join(mountDir, 'outbox.sqlite'), logger: capture.logger });
    expect(outbox.append(observationInput('before full'))).toBe(1);
    const filler = path.join(mountDir, 'filler.bin');
    fillDisk(filler);

    const accepted: string[] = [];
    let heldBack = 0;
    for (let index = 0; index < 200 && heldBack < 5; index += 1) {
      const detail = `while-full-${index}`;
      const input = index % 2 === 0 ? misuseInput(detail, 3000) : observationInput(detail, 3000);
      accepted.push(detail);
      if (outbox.append(input) === null) heldBack += 1;
    }
    expect(heldBack).toBe(5);
    expect(capture.withCode('DISK_FULL')[0]).toMatchObject({ level: 50 });
    expect(String(capture.withCode('DISK_FULL')[0]?.msg)).toMatch(/disk is full/);
    expect(outbox.stats().pendingInMemory).toBeGreaterThan(0);
    // Still full: a retry keeps them in memory, in order, without throwing.
    expect(outbox.flushPending()).toBe(false);

    unlinkSync(filler);
    expect(outbox.flushPending()).toBe(true);
    const stored = outbox.peek(1000, Number.MAX_SAFE_INTEGER).map((event) => decodeEvent(event.bytes));
    const details = stored.slice(1).map((event) => (event.misuse?.detail ?? event.observation?.reason ?? '').replace(/x+$/, ''));
    expect(details).toEqual(accepted);
    expect(stored.map((event) => event.seq)).toEqual(stored.map((_event, index) => index + 1));
    outbox.close();
  });
});
