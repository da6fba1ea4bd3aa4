import { describe, expect, it } from 'vitest';
import { Tri } from '@invigilator/shared/wire.ts';
import { isVolumeFolder, removableVolumeFrom, volumeWatchErrorCode } from '../../../src/watchers/removable-media/macos-events.ts';
import { macosFixture } from '../../helpers/macos-fixture.ts';
import { plistOf, usbWholeDiskEntries } from '../../helpers/macos-diskutil.ts';

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

describe('volumeWatchErrorCode', () => {
  it('says "not permitted" for the refusals macOS privacy protection gives, a failure otherwise', () => {
    const refused = Object.assign(new Error('EPERM: operation not permitted, scandir \'/Volumes/STICK\''), { code: 'EPERM' });
    expect(volumeWatchErrorCode(refused)).toBe('REMOVABLE_VOLUME_NOT_PERMITTED');
    expect(volumeWatchErrorCode(Object.assign(new Error('denied'), { code: 'EACCES' }))).toBe('REMOVABLE_VOLUME_NOT_PERMITTED');
    expect(volumeWatchErrorCode(Object.assign(new Error('gone'), { code: 'ENOENT' }))).toBe('COMMAND_FAILED');
    expect(volumeWatchErrorCode(undefined)).toBe('COMMAND_FAILED');
  });
});
