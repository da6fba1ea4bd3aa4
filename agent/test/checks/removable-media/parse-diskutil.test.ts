import { describe, expect, it } from 'vitest';
import { mediaKindOf, parseDiskutilInfo, type DiskInfo } from '../../../src/checks/removable-media/parse-diskutil-info.ts';
import { macosFixture } from '../../helpers/macos-fixture.ts';
import { plistOf, usbWholeDiskEntries, usbWholeDiskPlist } from '../../helpers/macos-diskutil.ts';

const bootVolume = macosFixture('diskutil-info-plist.2-internal-boot-hfs.txt');

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
