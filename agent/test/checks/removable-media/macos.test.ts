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
  it('lists every disk, asks diskutil info for each whole disk, then for the volumes of removable ones only', () => {
    const [list] = check.sources(new Map(), context);
    expect(list).toEqual({ kind: 'command', id: 'macos.diskutil-list', file: '/usr/sbin/diskutil', args: ['list', '-plist'] });
    const next = check.sources(collectedOf({ 'macos.diskutil-list': usbList }), context);
    expect(next.slice(1)).toEqual([{ kind: 'command', id: 'macos.diskutil-info.disk6', file: '/usr/sbin/diskutil', args: ['info', '-plist', 'disk6'] }]);
    const third = check.sources(collectedOf({ 'macos.diskutil-list': usbList, 'macos.diskutil-info.disk6': usbWholeDiskPlist() }), context);
    expect(third.slice(2)).toEqual([{ kind: 'command', id: 'macos.diskutil-info.disk6s1', file: '/usr/sbin/diskutil', args: ['info', '-plist', 'disk6s1'] }]);
  });

  it('the real full list of an Apple-silicon Mac: one physical disk, internal, so nothing removable and no volume asked for', () => {
    const real = macosFixture('diskutil-list-plist.1.txt');
    // Derived pairing: the real internal boot disk's info (another Mac's) answers for this list's disk0.
    const internal = macosFixture('diskutil-info-plist.2-internal-boot-hfs.txt');
    const collected = collectedOf({ 'macos.diskutil-list': real, 'macos.diskutil-info.disk0': internal });
    expect(check.sources(collected, context).map((source) => source.id)).toEqual(['macos.diskutil-list', 'macos.diskutil-info.disk0']);
    expect(check.interpret(collected, context)).toEqual({ status: CollectionStatus.COLLECTED, removableMedia: { devices: [] } });
  });

  it('an APFS-formatted stick: its volume lives on a synthesized container, reported with its mount point', () => {
    // Derived: the real list with an external disk9 (GUID map, APFS store disk9s2) and its synthesized container disk10 added,
    // entered as `diskutil list -plist` writes such a pair (APFSPhysicalStores naming disk9s2).
    const real = macosFixture('diskutil-list-plist.1.txt');
    const stick = '\t\t<dict>\n\t\t\t<key>DeviceIdentifier</key>\n\t\t\t<string>disk9</string>\n\t\t\t<key>Partitions</key>\n\t\t\t<array>\n'
      + '\t\t\t\t<dict><key>DeviceIdentifier</key><string>disk9s1</string></dict>\n\t\t\t\t<dict><key>DeviceIdentifier</key><string>disk9s2</string></dict>\n'
      + '\t\t\t</array>\n\t\t</dict>\n\t\t<dict>\n\t\t\t<key>APFSPhysicalStores</key>\n\t\t\t<array><dict><key>DeviceIdentifier</key><string>disk9s2</string></dict></array>\n'
      + '\t\t\t<key>APFSVolumes</key>\n\t\t\t<array><dict><key>DeviceIdentifier</key><string>disk10s1</string><key>MountPoint</key><string>/Volumes/PUPIL</string></dict></array>\n'
      + '\t\t\t<key>DeviceIdentifier</key>\n\t\t\t<string>disk10</string>\n\t\t</dict>\n';
    const list = real.replace(/(<key>AllDisksAndPartitions<\/key>\s*<array>\n)/, `$1${stick}`);
    const apfsVolume = plistOf({ ...usbWholeDiskEntries(), DeviceIdentifier: 'disk10s1', FilesystemType: 'apfs', VolumeName: 'PUPIL', MountPoint: '/Volumes/PUPIL', TotalSize: 31000000000 });
    const efi = plistOf({ ...usbWholeDiskEntries(), DeviceIdentifier: 'disk9s1', FilesystemType: 'msdos', VolumeName: 'EFI', TotalSize: 209715200 });
    const finding = interpret({
      'macos.diskutil-list': list,
      'macos.diskutil-info.disk0': macosFixture('diskutil-info-plist.2-internal-boot-hfs.txt'),
      'macos.diskutil-info.disk9': usbWholeDiskPlist().replace('>disk6<', '>disk9<'),
      'macos.diskutil-info.disk9s1': efi,
      'macos.diskutil-info.disk10s1': apfsVolume,
    });
    expect(finding.removableMedia?.devices?.map((device) => [device.device, device.mountPoint, device.filesystem, device.bus])).toEqual([
      ['disk9s1', '', 'msdos', 'usb'], ['disk10s1', '/Volumes/PUPIL', 'apfs', 'usb'],
    ]);
  });

  it('an SD card in the built-in reader: an internal disk whose bus and media say removable', () => {
    // Derived: the real USB stick's facts as a MacBook Pro's built-in SDXC reader reports them (internal, Secure Digital).
    const sdDisk = plistOf({ ...usbWholeDiskEntries(), DeviceIdentifier: 'disk6', Internal: true, BusProtocol: 'Secure Digital', MediaName: 'SDXC Reader' });
    const sdVolume = partition.replace('<string>USB</string>', '<string>Secure Digital</string>');
    const finding = interpret({ 'macos.diskutil-list': usbList, 'macos.diskutil-info.disk6': sdDisk, 'macos.diskutil-info.disk6s1': sdVolume });
    expect(finding.removableMedia?.devices).toMatchObject([{ device: 'disk6s1', bus: 'sd', model: 'SDXC Reader', label: 'STICK' }]);
  });

  it('reports the USB stick\'s partition', () => {
    expect(interpret({
      'macos.diskutil-list': usbList, 'macos.diskutil-info.disk6': usbWholeDiskPlist(), 'macos.diskutil-info.disk6s1': partition,
    })).toEqual({ status: CollectionStatus.COLLECTED, removableMedia: { devices: [{
      vendor: '', model: '1081', serial: '', sizeBytes: 31912886272, filesystem: 'msdos', label: 'STICK',
      mountPoint: '/Volumes/STICK', bus: 'usb', encrypted: Tri.TRI_UNKNOWN, device: 'disk6s1',
    }] } });
  });

  it('a whole disk with no file system (the real capture) is its own entry', () => {
    const noPartitions = usbList.replace(/<key>Partitions<\/key>[\s\S]*?<\/array>/, '<key>Partitions</key>\n\t\t\t<array/>');
    const finding = interpret({ 'macos.diskutil-list': noPartitions, 'macos.diskutil-info.disk6': usbWholeDiskPlist() });
    expect(finding.removableMedia?.devices).toMatchObject([{ device: 'disk6', bus: 'usb', sizeBytes: 31914983424, filesystem: '' }]);
  });

  it('nothing plugged in: collected, no devices', () => {
    expect(interpret({ 'macos.diskutil-list': '<plist version="1.0"><dict><key>AllDisksAndPartitions</key><array/></dict></plist>' }))
      .toEqual({ status: CollectionStatus.COLLECTED, removableMedia: { devices: [] } });
  });

  it('a listed disk that diskutil info calls internal (the real boot volume) is skipped', () => {
    const internalList = usbList.replace(/disk6/g, 'disk0').replace('disk0s1', 'disk0s4');
    expect(interpret({ 'macos.diskutil-list': internalList, 'macos.diskutil-info.disk0': macosFixture('diskutil-info-plist.2-internal-boot-hfs.txt') }).removableMedia?.devices).toEqual([]);
  });

  it.each([
    ['list truncated', { 'macos.diskutil-list': macosFixture('diskutil-list-plist.1.txt').slice(0, 3000) }, 'OUTPUT_TRUNCATED'],
    ['partition info missing', { 'macos.diskutil-list': usbList, 'macos.diskutil-info.disk6': usbWholeDiskPlist() }, 'SOURCE_NOT_CAPTURED'],
    ['disk info says nothing about location', { 'macos.diskutil-list': usbList, 'macos.diskutil-info.disk6': plistOf({ DeviceIdentifier: 'disk6' }) }, 'OUTPUT_UNRECOGNISED'],
  ])('could not collect: %s', (_name, sources, code) => {
    expect(interpret(sources)).toMatchObject({ status: CollectionStatus.COULD_NOT_COLLECT, reasonCode: code });
  });
});
