import { createHash } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { MisuseKind, Tri, type MisuseEvent } from '@invigilator/shared/wire.ts';
import {
  bareDrive, fileWritten, mediaAttached, mediaDetached, restartDelayMs, safeEmit, sha256Hex,
} from '../../../src/watchers/removable-media/volume-misuse-events.ts';
import { captureLogger } from '../../helpers/capture-logger.ts';

// Independent of the module's helper, so a change to the hashing rule shows here.
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

// The same stick as each platform describes it (Windows from the removable-drives check, POSIX from lsblk/diskutil).
const windowsStick = { device: 'E:', mountPoint: 'E:\\', bus: 'usb', vendor: '', model: 'SanDisk Cruzer Blade USB Device', label: 'ABDUS', encrypted: Tri.TRI_UNKNOWN };
const linuxStick = { device: '/dev/sdb1', mountPoint: '/media/pupil/ABDUS', bus: 'usb', vendor: '', model: 'SanDisk Cruzer Blade USB Device', label: 'ABDUS' };
const macStick = { device: 'disk6s1', mountPoint: '/Volumes/ABDUS', bus: 'usb', vendor: '', model: 'SanDisk Cruzer Blade USB Device', label: 'ABDUS' };

describe('attach and detach', () => {
  it.each([
    ['Windows', windowsStick],
    ['Linux', linuxStick],
    ['macOS', macStick],
  ])('%s gives the same sentence', (_platform, stick) => {
    expect(mediaAttached(stick)).toEqual({
      kind: MisuseKind.MEDIA_ATTACHED, device: stick, detail: 'Removable volume "ABDUS" (SanDisk Cruzer Blade USB Device) was plugged in.',
    });
    expect(mediaDetached(stick)).toEqual({
      kind: MisuseKind.MEDIA_DETACHED, device: stick, detail: 'Removable volume "ABDUS" (SanDisk Cruzer Blade USB Device) was removed.',
    });
  });

  it('carries the user when the watcher knows one', () => {
    expect(mediaAttached(linuxStick, 'pupil').user).toBe('pupil');
    expect(mediaDetached(linuxStick, '').user).toBe('');
    expect(mediaAttached(linuxStick)).not.toHaveProperty('user');
  });

  it.each([
    ['vendor and model', { device: '/dev/sdc1', label: 'KEY', vendor: 'Kingston', model: 'DataTraveler 3.0' }, 'Removable volume "KEY" (Kingston DataTraveler 3.0) was plugged in.'],
    ['no label: the drive', bareDrive('F:'), 'Removable volume "F:" was plugged in.'],
    ['only a mount point', { mountPoint: '/media/pupil/disk' }, 'Removable volume "/media/pupil/disk" was plugged in.'],
    ['nothing known', {}, 'A removable volume was plugged in.'],
  ])('names the volume from what is known: %s', (_case, device, detail) => {
    expect(mediaAttached(device).detail).toBe(detail);
  });

  it('describes a drive that left before its details were read', () => {
    expect(bareDrive('F:')).toEqual({ device: 'F:', mountPoint: 'F:\\', encrypted: Tri.TRI_UNKNOWN });
  });
});

describe('fileWritten', () => {
  const posixRoot = '/media/u/STICK';
  const posixStick = { device: '/dev/sdb1', mountPoint: posixRoot, label: 'STICK' };
  const windowsRoot = 'E:\\';
  const winStick = { device: 'E:', mountPoint: windowsRoot, label: 'STICK' };

  it.each([
    ['POSIX top-level, clear', posixStick, posixRoot, '/media/u/STICK/f.txt', path.posix, false, { name: 'f.txt', nameSha256: '', relativeDir: '' }],
    ['POSIX nested, clear', posixStick, posixRoot, '/media/u/STICK/dir/f.txt', path.posix, false, { name: 'f.txt', nameSha256: '', relativeDir: 'dir' }],
    ['POSIX deep, clear', posixStick, posixRoot, '/media/u/STICK/pupils/year 7/f.txt', path.posix, false, { name: 'f.txt', nameSha256: '', relativeDir: 'pupils/year 7' }],
    ['POSIX top-level, hashed', posixStick, posixRoot, '/media/u/STICK/f.txt', path.posix, true, { name: '', nameSha256: sha256('f.txt'), relativeDir: '' }],
    ['POSIX nested, hashed', posixStick, posixRoot, '/media/u/STICK/dir/f.txt', path.posix, true, { name: '', nameSha256: sha256('f.txt'), relativeDir: sha256('dir') }],
    ['macOS root with a trailing slash', { ...macStick, label: 'STICK' }, '/Volumes/STICK/', '/Volumes/STICK/dir/f.txt', path.posix, false, { name: 'f.txt', nameSha256: '', relativeDir: 'dir' }],
    ['win32 top-level, clear', winStick, windowsRoot, 'E:\\f.txt', path.win32, false, { name: 'f.txt', nameSha256: '', relativeDir: '' }],
    ['win32 nested, clear', winStick, windowsRoot, 'E:\\dir\\f.txt', path.win32, false, { name: 'f.txt', nameSha256: '', relativeDir: 'dir' }],
    ['win32 deep, clear (folder written with /)', winStick, windowsRoot, 'E:\\pupils\\year 7\\f.txt', path.win32, false, { name: 'f.txt', nameSha256: '', relativeDir: 'pupils/year 7' }],
    ['win32 top-level, hashed', winStick, windowsRoot, 'E:\\f.txt', path.win32, true, { name: '', nameSha256: sha256('f.txt'), relativeDir: '' }],
    ['win32 nested, hashed', winStick, windowsRoot, 'E:\\dir\\f.txt', path.win32, true, { name: '', nameSha256: sha256('f.txt'), relativeDir: sha256('dir') }],
  ])('%s', (_case, device, root, filePath, pathApi, hashFileNames, file) => {
    expect(fileWritten(device, root, filePath, 1200, hashFileNames, pathApi)).toEqual({
      kind: MisuseKind.FILE_WRITTEN, device, file: { ...file, sizeBytes: 1200 }, detail: 'A file was copied to the removable volume "STICK".',
    });
  });

  it('hashes the same folder alike on Windows and POSIX', () => {
    const onWindows = fileWritten(winStick, windowsRoot, 'E:\\pupils\\year 7\\marks.xlsx', 5, true, path.win32).file;
    const onLinux = fileWritten(posixStick, posixRoot, '/media/u/STICK/pupils/year 7/marks.xlsx', 5, true, path.posix).file;
    expect(onWindows).toEqual(onLinux);
    expect(onWindows?.relativeDir).toBe(sha256Hex('pupils/year 7'));
  });

  it.each([
    ['POSIX', posixStick, posixRoot, '/media/u/STICK/safeguarding/referral-jane.docx', path.posix],
    ['win32', winStick, windowsRoot, 'E:\\safeguarding\\referral-jane.docx', path.win32],
  ])('never puts a hashed name or folder in the detail (%s)', (_platform, device, root, filePath, pathApi) => {
    const event = fileWritten(device, root, filePath, 10, true, pathApi);
    for (const secret of ['referral-jane', 'safeguarding']) expect(JSON.stringify(event)).not.toContain(secret);
  });
});

describe('safeEmit', () => {
  it('passes events to the outbox', () => {
    const events: MisuseEvent[] = [];
    const { logger, lines } = captureLogger();
    safeEmit((event) => events.push(event), logger)(mediaAttached(linuxStick));
    expect(events).toEqual([mediaAttached(linuxStick)]);
    expect(lines()).toEqual([]);
  });

  it.each([
    ['an uncoded error', new Error('disk gone'), 'INTERNAL'],
    ['a coded error', new InvigilatorError('OUTBOX_WRITE_FAILED'), 'OUTBOX_WRITE_FAILED'],
  ])('logs %s from the outbox with its code and does not throw', (_case, thrown, code) => {
    const captured = captureLogger();
    const emit = safeEmit(() => { throw thrown; }, captured.logger);
    expect(() => emit(mediaDetached(linuxStick))).not.toThrow();
    expect(captured.withCode(code)).toEqual([expect.objectContaining({ kind: MisuseKind.MEDIA_DETACHED, msg: 'A removable-media event could not be handed to the outbox.' })]);
  });
});

describe('restartDelayMs', () => {
  it('backs off restarts up to a minute', () => {
    expect([0, 1, 2, 5, 6, 20].map(restartDelayMs)).toEqual([1000, 2000, 4000, 32000, 60000, 60000]);
  });
});
