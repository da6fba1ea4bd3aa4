import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MisuseKind, Tri } from '@invigilator/shared/wire.ts';
import {
  attachedEvent, detachedEvent, fileWrittenEvent, isVolumeFolder, removableVolumeFrom,
} from '../../../src/watchers/removable-media/macos-events.ts';
import { macosFixture } from '../../helpers/macos-fixture.ts';
import { plistOf, usbWholeDiskEntries } from '../../helpers/macos-diskutil.ts';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
// Derived from the real USB text capture: the same stick's FAT volume as diskutil info -plist shows it.
const stickVolume = plistOf({ ...usbWholeDiskEntries(), DeviceIdentifier: 'disk6s1', FilesystemType: 'msdos', VolumeName: 'STICK', MountPoint: '/Volumes/STICK' });

describe('isVolumeFolder', () => {
  it.each([
    ['/Volumes/STICK', true],
    ['/Volumes/My Stick/', true],
    ['/Volumes', false],
    ['/Volumes/STICK/photos', false],
    ['/Users/pupil/Volumes/STICK', false],
  ])('%s → %s', (folder, expected) => {
    expect(isVolumeFolder(folder, ['/Volumes'])).toBe(expected);
  });
});

describe('removableVolumeFrom (is this diskutil info a removable volume?)', () => {
  it('the real boot volume (what /Volumes/<name> links to) is not', () => {
    expect(removableVolumeFrom(macosFixture('diskutil-info-plist.2-internal-boot-hfs.txt'), '/Volumes/Pikachu')).toEqual({ ok: true, value: null });
  });

  it('a USB stick volume is, with its details', () => {
    expect(removableVolumeFrom(stickVolume, '/Volumes/STICK')).toEqual({ ok: true, value: {
      vendor: '', model: '1081', serial: '', sizeBytes: 31914983424, filesystem: 'msdos', label: 'STICK',
      mountPoint: '/Volumes/STICK', bus: 'usb', encrypted: Tri.TRI_UNKNOWN, device: 'disk6s1',
    } });
  });

  it('a disk image is not', () => {
    expect(removableVolumeFrom(plistOf({ ...usbWholeDiskEntries(), BusProtocol: 'Disk Image' }), '/Volumes/Installer')).toEqual({ ok: true, value: null });
  });

  it.each([
    ['truncated', stickVolume.slice(0, 200), 'OUTPUT_TRUNCATED'],
    ['silent about location', plistOf({ DeviceIdentifier: 'disk7s1' }), 'OUTPUT_UNRECOGNISED'],
  ])('refuses %s', (_name, text, code) => {
    expect(removableVolumeFrom(text, '/Volumes/X')).toMatchObject({ ok: false, code });
  });
});

describe('event mapping', () => {
  const device = { device: 'disk6s1', mountPoint: '/Volumes/STICK', bus: 'usb' };

  it('attach and detach carry the device', () => {
    expect(attachedEvent(device)).toEqual({ kind: MisuseKind.MEDIA_ATTACHED, device });
    expect(detachedEvent(device)).toEqual({ kind: MisuseKind.MEDIA_DETACHED, device });
  });

  it('a written file: name and folder on the volume', () => {
    expect(fileWrittenEvent(device, '/Volumes/STICK', '/Volumes/STICK/coursework/essay.docx', 1234, false)).toEqual({
      kind: MisuseKind.FILE_WRITTEN, device, file: { name: 'essay.docx', sizeBytes: 1234, relativeDir: 'coursework' },
    });
  });

  it('hashes the name and folder when policy says so', () => {
    expect(fileWrittenEvent(device, '/Volumes/STICK', '/Volumes/STICK/coursework/essay.docx', 1234, true).file).toEqual({
      name: '', nameSha256: sha256('essay.docx'), sizeBytes: 1234, relativeDir: sha256('coursework'),
    });
    expect(fileWrittenEvent(device, '/Volumes/STICK', '/Volumes/STICK/a.txt', 1, true).file?.relativeDir).toBe('');
  });
});
