import { describe, expect, it } from 'vitest';
import { CollectionStatus, Tri } from '@invigilator/shared/wire.ts';
import { check } from '../../../src/checks/removable-media/macos.ts';
import { collectedOf, type RawSource } from '../../helpers/macos-collected.ts';
import { macosFixture } from '../../helpers/macos-fixture.ts';
import { plistOf, usbWholeDiskEntries, usbWholeDiskPlist } from '../../helpers/macos-diskutil.ts';

const context = { removableMountRoots: ['/Volumes'] };
// Derived: a list naming the real USB stick disk6 with one FAT partition.
const usbList = '<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0">\n<dict>\n\t<key>AllDisksAndPartitions</key>\n\t<array>\n\t\t<dict>\n\t\t\t<key>DeviceIdentifier</key>\n\t\t\t<string>disk6</string>\n\t\t\t<key>Partitions</key>\n\t\t\t<array>\n\t\t\t\t<dict>\n\t\t\t\t\t<key>DeviceIdentifier</key>\n\t\t\t\t\t<string>disk6s1</string>\n\t\t\t\t</dict>\n\t\t\t</array>\n\t\t</dict>\n\t</array>\n</dict>\n</plist>\n';
const partition = plistOf({ ...usbWholeDiskEntries(), DeviceIdentifier: 'disk6s1', FilesystemType: 'msdos', VolumeName: 'STICK', MountPoint: '/Volumes/STICK', TotalSize: 31912886272 });
const interpret = (sources: Record<string, RawSource>) => check.interpret(collectedOf(sources), context);

describe('removable media on macOS', () => {
  it('lists external disks, then asks diskutil info for each disk and partition', () => {
    expect(check.sources(new Map(), context).map((source) => source.id)).toEqual(['macos.diskutil-list-external']);
    const next = check.sources(collectedOf({ 'macos.diskutil-list-external': usbList }), context);
    expect(next.slice(1)).toEqual([
      { kind: 'command', id: 'macos.diskutil-info.disk6', file: '/usr/sbin/diskutil', args: ['info', '-plist', 'disk6'] },
      { kind: 'command', id: 'macos.diskutil-info.disk6s1', file: '/usr/sbin/diskutil', args: ['info', '-plist', 'disk6s1'] },
    ]);
  });

  it('reports the USB stick\'s partition', () => {
    expect(interpret({
      'macos.diskutil-list-external': usbList, 'macos.diskutil-info.disk6': usbWholeDiskPlist(), 'macos.diskutil-info.disk6s1': partition,
    })).toEqual({ status: CollectionStatus.COLLECTED, removableMedia: { devices: [{
      vendor: '', model: '1081', serial: '', sizeBytes: 31912886272, filesystem: 'msdos', label: 'STICK',
      mountPoint: '/Volumes/STICK', bus: 'usb', encrypted: Tri.TRI_UNKNOWN, device: 'disk6s1',
    }] } });
  });

  it('a whole disk with no file system (the real capture) is its own entry', () => {
    const noPartitions = usbList.replace(/<key>Partitions<\/key>[\s\S]*?<\/array>/, '<key>Partitions</key>\n\t\t\t<array/>');
    const finding = interpret({ 'macos.diskutil-list-external': noPartitions, 'macos.diskutil-info.disk6': usbWholeDiskPlist() });
    expect(finding.removableMedia?.devices).toMatchObject([{ device: 'disk6', bus: 'usb', sizeBytes: 31914983424, filesystem: '' }]);
  });

  it('nothing plugged in: collected, no devices', () => {
    expect(interpret({ 'macos.diskutil-list-external': '<plist version="1.0"><dict><key>AllDisksAndPartitions</key><array/></dict></plist>' }))
      .toEqual({ status: CollectionStatus.COLLECTED, removableMedia: { devices: [] } });
  });

  it('a listed disk that diskutil info calls internal (the real boot volume) is skipped', () => {
    const internalList = usbList.replace(/disk6/g, 'disk0').replace('disk0s1', 'disk0s4');
    expect(interpret({ 'macos.diskutil-list-external': internalList, 'macos.diskutil-info.disk0': macosFixture('diskutil-info-plist.2-internal-boot-hfs.txt') }).removableMedia?.devices).toEqual([]);
  });

  it.each([
    ['list truncated', { 'macos.diskutil-list-external': macosFixture('diskutil-list-plist.1.txt').slice(0, 3000) }, 'OUTPUT_TRUNCATED'],
    ['partition info missing', { 'macos.diskutil-list-external': usbList, 'macos.diskutil-info.disk6': usbWholeDiskPlist() }, 'SOURCE_NOT_CAPTURED'],
    ['disk info says nothing about location', { 'macos.diskutil-list-external': usbList, 'macos.diskutil-info.disk6': plistOf({ DeviceIdentifier: 'disk6' }) }, 'OUTPUT_UNRECOGNISED'],
  ])('could not collect: %s', (_name, sources, code) => {
    expect(interpret(sources)).toMatchObject({ status: CollectionStatus.COULD_NOT_COLLECT, reasonCode: code });
  });
});
