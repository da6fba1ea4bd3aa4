import { describe, expect, it } from 'vitest';
import { parseDiskutilList } from '../../../src/checks/removable-media/parse-diskutil-list.ts';
import { mediaKindOf, parseDiskutilInfo, type DiskInfo } from '../../../src/checks/removable-media/parse-diskutil-info.ts';
import { macosFixture } from '../../helpers/macos-fixture.ts';
import { plistOf, usbWholeDiskEntries, usbWholeDiskPlist } from '../../helpers/macos-diskutil.ts';

const list = macosFixture('diskutil-list-plist.1.txt');
const bootVolume = macosFixture('diskutil-info-plist.2-internal-boot-hfs.txt');

describe('parseDiskutilList', () => {
  it('reads the real capture: one physical disk, its three partitions each an APFS container store, their volumes joined back', () => {
    const result = parseDiskutilList(list);
    // disk1, disk2 and disk3 are the synthesized containers (APFSPhysicalStores disk0s1, disk0s3, disk0s2), not disks of their own.
    expect(result.ok && result.value.map((disk) => disk.device)).toEqual(['disk0']);
    expect(result.ok && result.value[0]?.volumes).toEqual([
      'disk1s1', 'disk1s2', 'disk1s3', 'disk1s4', 'disk3s1', 'disk3s1s1', 'disk3s2', 'disk3s3', 'disk3s4', 'disk3s5', 'disk3s6', 'disk3s7', 'disk2s1', 'disk2s2',
    ]);
  });

  it('no external disk (derived: the capture with an empty list) is an empty answer', () => {
    const none = '<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0">\n<dict>\n\t<key>AllDisks</key>\n\t<array/>\n\t<key>AllDisksAndPartitions</key>\n\t<array/>\n\t<key>VolumesFromDisks</key>\n\t<array/>\n\t<key>WholeDisks</key>\n\t<array/>\n</dict>\n</plist>\n';
    expect(parseDiskutilList(none)).toEqual({ ok: true, value: [] });
  });

  it.each([
    ['truncated (derived)', list.slice(0, 5000), 'OUTPUT_TRUNCATED'],
    ['the text form', macosFixture('diskutil-list.1-external.txt'), 'OUTPUT_MALFORMED'],
    ['another plist shape', plistOf({ WholeDisks: 'disk4' }), 'OUTPUT_UNRECOGNISED'],
  ])('refuses %s', (_name, text, code) => {
    expect(parseDiskutilList(text)).toMatchObject({ ok: false, code });
  });
});

describe('parseDiskutilInfo and mediaKindOf', () => {
  const infoOf = (text: string): DiskInfo => {
    const result = parseDiskutilInfo(text, 'src');
    if (!result.ok) throw new Error(result.reason);
    return result.value;
  };

  it('the real internal boot volume is fixed media', () => {
    const info = infoOf(bootVolume);
    expect(info).toMatchObject({ device: 'disk0s4', internal: true, ejectable: false, bus: 'PCI', mountPoint: '/', filesystem: 'hfs', sizeBytes: 79345225728 });
    expect(mediaKindOf(info)).toBe('fixed');
  });

  it('the USB stick (derived from the real text capture) is removable', () => {
    const info = infoOf(usbWholeDiskPlist());
    expect(info).toMatchObject({ device: 'disk6', internal: false, removableMedia: true, bus: 'USB', mediaName: '1081', sizeBytes: 31914983424 });
    expect(mediaKindOf(info)).toBe('removable');
  });

  it.each([
    ['a built-in SD reader: internal but removable media', { ...usbWholeDiskEntries(), Internal: true, BusProtocol: 'Secure Digital' }, 'removable'],
    ['a mounted disk image', { ...usbWholeDiskEntries(), BusProtocol: 'Disk Image' }, 'fixed'],
    ['nothing said about location', { DeviceIdentifier: 'disk9' }, 'unknown'],
  ])('%s → %s', (_name, entries, kind) => {
    expect(mediaKindOf(infoOf(plistOf(entries)))).toBe(kind);
  });

  it.each([
    ['truncated (derived)', bootVolume.slice(0, 600), 'OUTPUT_TRUNCATED'],
    ['diskutil\'s error text', 'Could not find disk: /Volumes/Share\n', 'OUTPUT_MALFORMED'],
    ['no DeviceIdentifier', plistOf({ Internal: false }), 'OUTPUT_UNRECOGNISED'],
  ])('refuses %s', (_name, text, code) => {
    expect(parseDiskutilInfo(text, 'src')).toMatchObject({ ok: false, code });
  });
});
