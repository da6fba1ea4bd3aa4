import { describe, expect, it } from 'vitest';
import { Tri } from '@invigilator/shared/wire.ts';
import { parseRemovableDrives } from '../../../src/checks/removable-media/parse-removable-drives.ts';
import { cutShort, utf16MisreadAsUtf8, windowsFixture, withCrlf } from '../windows-fixtures.ts';

// The real capture elides middle drives with a "..." line (a paste artefact, removed here).
const logicalDisks = windowsFixture('Win32_LogicalDisk.1-drivetype2.txt').replace(/^\.\.\.\n\n/m, '');

// The agent's script output for the capture's E: stick joined with its disk drive.
// The disk-drive values are made up (no public capture of this join exists); the
// logical-disk values are the capture's.
const joined = JSON.stringify([
  { DeviceID: 'C:', DriveType: 3, VolumeName: '', FileSystem: 'NTFS', Size: 130417745920, InterfaceType: 'SCSI', Model: 'NVMe Disk', SerialNumber: '0000_0001', PNPDeviceID: 'SCSI\\DISK&VEN_NVME&PROD_DISK\\4&1' },
  { DeviceID: 'E:', DriveType: 2, VolumeName: 'ABDUS', FileSystem: 'FAT32', Size: 62706155520, InterfaceType: 'USB', Model: 'SanDisk Cruzer Blade USB Device', SerialNumber: '4C530001', PNPDeviceID: 'USBSTOR\\DISK&VEN_SANDISK&PROD_CRUZER_BLADE&REV_1.00\\4C530001&0' },
  { DeviceID: 'F:', DriveType: 3, VolumeName: 'EXT_2TB_SSD', FileSystem: 'exFAT', Size: 2000381014016, InterfaceType: 'USB', Model: 'Samsung PSSD T7 SCSI Disk Device', SerialNumber: 'S5T', PNPDeviceID: 'SCSI\\DISK&VEN_SAMSUNG&PROD_PSSD_T7\\7&1' },
  { DeviceID: 'D:', DriveType: 5, VolumeName: null, FileSystem: null, Size: null, InterfaceType: '', Model: 'HL-DT-ST DVDRAM', SerialNumber: '', PNPDeviceID: 'SCSI\\CDROM&VEN_HL-DT-ST\\5&1' },
  { DeviceID: 'G:', DriveType: 5, VolumeName: 'HOLIDAY_2024', FileSystem: 'UDF', Size: 4700000000, InterfaceType: '', Model: 'HL-DT-ST DVDRAM', SerialNumber: '', PNPDeviceID: 'SCSI\\CDROM&VEN_HL-DT-ST\\5&2' },
]);

describe('parseRemovableDrives', () => {
  it('reads the real Win32_LogicalDisk capture: the E: stick, not the C: disk', () => {
    expect(parseRemovableDrives(withCrlf(logicalDisks))).toEqual({ ok: true, value: [{
      vendor: '', model: '', serial: '', sizeBytes: 62706155520, filesystem: '', label: 'ABDUS', mountPoint: 'E:\\', bus: '', encrypted: Tri.TRI_UNKNOWN, device: 'E:',
    }] });
  });

  it('reads the joined JSON: sticks, USB disks calling themselves fixed, discs in optical drives', () => {
    const result = parseRemovableDrives(joined);
    expect(result.ok && result.value.map((device) => [device.device, device.bus, device.vendor, device.label])).toEqual([
      ['E:', 'usb', 'SANDISK', 'ABDUS'], ['F:', 'usb', 'SAMSUNG', 'EXT_2TB_SSD'], ['G:', 'optical', 'HL-DT-ST', 'HOLIDAY_2024'],
    ]);
  });

  it('reads nothing printed as no removable media', () => {
    expect(parseRemovableDrives('')).toEqual({ ok: true, value: [] });
  });

  it.each([
    ['truncated JSON', cutShort(joined, 0.5), 'OUTPUT_TRUNCATED'],
    ['UTF-16LE read as UTF-8', utf16MisreadAsUtf8(logicalDisks), 'OUTPUT_UNRECOGNISED'],
    ['the capture with its "..." elision left in', windowsFixture('Win32_LogicalDisk.1-drivetype2.txt'), 'OUTPUT_MALFORMED'],
    ['a drive without a letter', '{"DeviceID":"","DriveType":2}', 'OUTPUT_UNRECOGNISED'],
    // Cut inside C:'s entry, so the E: stick after it is lost too: never "no removable media".
    ['the list cut inside its first entry', logicalDisks.slice(0, logicalDisks.indexOf('FreeSpace') + 20), 'OUTPUT_TRUNCATED'],
    ['the list cut inside its last entry', logicalDisks.slice(0, logicalDisks.lastIndexOf('Size')), 'OUTPUT_TRUNCATED'],
  ])('gives a coded reason for %s', (_name, text, code) => {
    const result = parseRemovableDrives(text);
    expect(!result.ok && result.code).toBe(code);
  });
});
