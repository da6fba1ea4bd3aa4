import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MisuseKind, Tri } from '@invigilator/shared/wire.ts';
import { bareDrive, fileWritten, mediaAttached, mediaDetached, restartDelayMs } from '../../../src/watchers/removable-media/volume-misuse-events.ts';

const stick = { device: 'E:', mountPoint: 'E:\\', bus: 'usb', model: 'SanDisk Cruzer Blade USB Device', label: 'ABDUS', encrypted: Tri.TRI_UNKNOWN };
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('volume misuse events', () => {
  it('maps arrival and removal', () => {
    expect(mediaAttached(stick)).toMatchObject({ kind: MisuseKind.MEDIA_ATTACHED, device: stick, detail: expect.stringContaining('E:') });
    expect(mediaDetached(stick)).toMatchObject({ kind: MisuseKind.MEDIA_DETACHED, device: stick });
    expect(bareDrive('F:')).toEqual({ device: 'F:', mountPoint: 'F:\\', encrypted: Tri.TRI_UNKNOWN });
  });

  it.each([
    ['E:\\report.docx', { name: 'report.docx', nameSha256: '', relativeDir: '', sizeBytes: 1200 }],
    ['E:\\pupils\\year 7\\marks.xlsx', { name: 'marks.xlsx', nameSha256: '', relativeDir: 'pupils\\year 7', sizeBytes: 1200 }],
  ])('maps a write to %s', (filePath, file) => {
    expect(fileWritten(stick, filePath, 1200, false)).toMatchObject({ kind: MisuseKind.FILE_WRITTEN, file });
  });

  it('hashes the name and the folder when policy says so', () => {
    expect(fileWritten(stick, 'E:\\pupils\\marks.xlsx', 5, true).file).toEqual({ name: '', nameSha256: sha256('marks.xlsx'), relativeDir: sha256('pupils'), sizeBytes: 5 });
  });

  it('backs off restarts up to a minute', () => {
    expect([0, 1, 2, 5, 6, 20].map(restartDelayMs)).toEqual([1000, 2000, 4000, 32000, 60000, 60000]);
  });
});
