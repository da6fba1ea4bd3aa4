// A real loop-mounted ext4 image plays the USB stick: the Linux watcher must see it
// attach, see files written to it and see it detach; the snapshot check must list it.
// Needs root (mount, losetup); the whole file is skipped elsewhere.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@invigilator/shared/logger.ts';
import { CollectionStatus, MisuseKind, type MisuseEvent } from '@invigilator/shared/wire.ts';
import { check as removableCheck } from '@invigilator/agent/checks/removable-media/linux.ts';
import { liveProvider } from '@invigilator/agent/checks/live-provider.ts';
import { runCheck } from '@invigilator/agent/checks/runner.ts';
import { createWatcher } from '@invigilator/agent/watchers/removable-media/linux.ts';
import type { Watcher } from '@invigilator/agent/watchers/types.ts';

const canMount = process.platform === 'linux' && process.getuid?.() === 0;
const LABEL = 'INVTEST';
const USER = 'pupil';
const SIZE = 16 * 1024 * 1024;

const run = (file: string, ...args: string[]): string => execFileSync(file, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

const waitFor = async <T>(find: () => T | undefined, what: string, timeoutMs = 15_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

describe.skipIf(!canMount)('linux removable-media watcher with a loop-mounted image (needs Linux and root)', () => {
  const root = `/media/invigilator-test-${randomBytes(4).toString('hex')}`;
  const mountPoint = path.join(root, USER, LABEL);
  let workDir = '';
  let image = '';
  const watchers: Watcher[] = [];
  const logger = createLogger({ name: 'e2e-removable-media', level: 'warn' });

  // findmnt exits 1 when nothing is mounted there.
  const mountedCheck = (): boolean => {
    try {
      return run('/usr/bin/findmnt', '-n', '-o', 'TARGET', '--mountpoint', mountPoint).trim() !== '';
    } catch {
      return false;
    }
  };

  const startWatcher = async (hashFileNames: boolean): Promise<MisuseEvent[]> => {
    const events: MisuseEvent[] = [];
    const watcher = createWatcher({ mountRoots: [root], hashFileNames, emit: (event) => events.push(event), logger });
    watchers.push(watcher);
    await watcher.start();
    return events;
  };
  const ofKind = (events: MisuseEvent[], kind: number) => () => events.find((event) => event.kind === kind);

  beforeAll(() => {
    workDir = mkdtempSync(path.join(os.tmpdir(), 'invigilator-stick-'));
    image = path.join(workDir, 'stick.img');
    run('/usr/bin/truncate', '-s', String(SIZE), image);
    run('/usr/sbin/mkfs.ext4', '-q', '-L', LABEL, image);
    mkdirSync(mountPoint, { recursive: true });
  });

  afterEach(async () => {
    await Promise.all(watchers.splice(0).map((watcher) => watcher.stop()));
    if (mountedCheck()) run('/usr/bin/umount', mountPoint);
  });

  afterAll(() => {
    try { if (mountedCheck()) run('/usr/bin/umount', mountPoint); } catch (error) { console.error('umount failed', error); }
    // `mount -o loop` frees its loop device on umount; free any left behind by a failed run.
    try {
      for (const line of run('/usr/sbin/losetup', '-j', image).split('\n').filter(Boolean)) run('/usr/sbin/losetup', '-d', line.split(':')[0]!);
    } catch (error) { console.error('losetup cleanup failed', error); }
    rmSync(root, { recursive: true, force: true });
    rmSync(workDir, { recursive: true, force: true });
  });

  it('reports attach, each file written, the snapshot and detach', async () => {
    const events = await startWatcher(false);
    run('/usr/bin/mount', '-o', 'loop', image, mountPoint);

    const attachedEvent = await waitFor(ofKind(events, MisuseKind.MEDIA_ATTACHED), 'MEDIA_ATTACHED');
    expect(attachedEvent.user).toBe(USER);
    expect(attachedEvent.device).toMatchObject({ label: LABEL, filesystem: 'ext4', mountPoint, bus: 'loop' });
    expect(Number(attachedEvent.device!.sizeBytes)).toBe(SIZE);
    expect(attachedEvent.device!.device).toMatch(/^\/dev\/loop\d+$/);
    expect(attachedEvent.detail).toBe(`Removable volume "${LABEL}" was plugged in.`);

    mkdirSync(path.join(mountPoint, 'work'));
    writeFileSync(path.join(mountPoint, 'work', 'pupil-records.csv'), 'name,grade\n'.repeat(100));
    const written = await waitFor(ofKind(events, MisuseKind.FILE_WRITTEN), 'FILE_WRITTEN');
    expect(written.file).toMatchObject({ name: 'pupil-records.csv', relativeDir: 'work' });
    expect(Number(written.file!.sizeBytes)).toBe(1100);
    expect(written.device).toMatchObject({ label: LABEL, device: attachedEvent.device!.device });
    expect(written.user).toBe(USER);
    expect(written.detail).toBe(`A file was copied to the removable volume "${LABEL}".`);

    // The scheduled check is a posture for technicians: with the stick mounted it names neither it nor the pupil.
    const { observation } = await runCheck(removableCheck, liveProvider, { removableMountRoots: [root] });
    expect(observation.status).toBe(CollectionStatus.COLLECTED);
    expect(observation.removableMedia?.devices ?? []).toEqual([]);
    for (const secret of [LABEL, mountPoint, USER, attachedEvent.device!.device!]) expect(JSON.stringify(observation)).not.toContain(secret);

    run('/usr/bin/umount', mountPoint);
    const detached = await waitFor(ofKind(events, MisuseKind.MEDIA_DETACHED), 'MEDIA_DETACHED');
    expect(detached.device).toMatchObject({ device: attachedEvent.device!.device, label: LABEL, mountPoint });
    expect(detached).toMatchObject({ user: USER, detail: `Removable volume "${LABEL}" was removed.` });
  });

  it('reports a volume already mounted at start, and hashes names and folders when policy says so', async () => {
    run('/usr/bin/mount', '-o', 'loop', image, mountPoint);
    const events = await startWatcher(true);
    const attachedEvent = await waitFor(ofKind(events, MisuseKind.MEDIA_ATTACHED), 'MEDIA_ATTACHED at start');
    expect(attachedEvent.device).toMatchObject({ label: LABEL, mountPoint });

    mkdirSync(path.join(mountPoint, 'private'));
    writeFileSync(path.join(mountPoint, 'private', 'report.docx'), 'x'.repeat(42));
    const written = await waitFor(ofKind(events, MisuseKind.FILE_WRITTEN), 'hashed FILE_WRITTEN');
    expect(written.file!.name ?? '').toBe('');
    expect(written.file!.nameSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(written.file!.relativeDir).toMatch(/^[0-9a-f]{64}$/);
    expect(Number(written.file!.sizeBytes)).toBe(42);
    expect(written.detail).toBe(`A file was copied to the removable volume "${LABEL}".`);
    expect(JSON.stringify(written)).not.toMatch(/report|private/);

    run('/usr/bin/umount', mountPoint);
    await waitFor(ofKind(events, MisuseKind.MEDIA_DETACHED), 'MEDIA_DETACHED');
  });

  it('reports a stick mounted for one second both attached and detached, in that order', async () => {
    const events = await startWatcher(false);
    run('/usr/bin/mount', '-o', 'loop', image, mountPoint);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    run('/usr/bin/umount', mountPoint);
    const detached = await waitFor(ofKind(events, MisuseKind.MEDIA_DETACHED), 'MEDIA_DETACHED after a one-second mount');
    const kinds = events.map((event) => event.kind);
    expect(kinds.indexOf(MisuseKind.MEDIA_ATTACHED)).toBeGreaterThanOrEqual(0);
    expect(kinds.indexOf(MisuseKind.MEDIA_ATTACHED)).toBeLessThan(kinds.indexOf(MisuseKind.MEDIA_DETACHED));
    expect(detached.device).toMatchObject({ mountPoint });
  });

  it('reports the files of a folder copied onto the stick, not the files already on it', async () => {
    run('/usr/bin/mount', '-o', 'loop', image, mountPoint);
    writeFileSync(path.join(mountPoint, 'already-there.txt'), 'old');
    const events = await startWatcher(false);
    await waitFor(ofKind(events, MisuseKind.MEDIA_ATTACHED), 'MEDIA_ATTACHED');
    const staging = mkdtempSync(path.join(workDir, 'folder-'));
    mkdirSync(path.join(staging, 'essays', 'term1'), { recursive: true });
    writeFileSync(path.join(staging, 'essays', 'term1', 'essay.docx'), 'x'.repeat(10));
    writeFileSync(path.join(staging, 'essays', 'notes.txt'), 'y'.repeat(20));
    run('/usr/bin/cp', '-r', path.join(staging, 'essays'), mountPoint);
    const names = (): string[] => events.filter((event) => event.kind === MisuseKind.FILE_WRITTEN).map((event) => `${event.file!.relativeDir}/${event.file!.name}`);
    await waitFor(() => (names().length >= 2 ? true : undefined), 'both copied files');
    expect(names().sort()).toEqual(['essays/notes.txt', 'essays/term1/essay.docx']);
    run('/usr/bin/umount', mountPoint);
    await waitFor(ofKind(events, MisuseKind.MEDIA_DETACHED), 'MEDIA_DETACHED');
  });
});
