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

  it('decides a fixed disk by Get-Disk BusType: a UASP USB disk that WMI calls SCSI is removable, an NVMe disk is not', () => {
    // Derived from the joined rows: F: as a UASP enclosure reports it (InterfaceType SCSI, a SCSI PNP id), with BusType USB.
    const rows = JSON.parse(joined) as Record<string, unknown>[];
    const uasp = rows.map((row) => (row.DeviceID === 'F:' ? { ...row, InterfaceType: 'SCSI', BusType: 'USB' } : row.DeviceID === 'C:' ? { ...row, BusType: 'NVMe' } : row));
    const result = parseRemovableDrives(JSON.stringify(uasp));
    expect(result.ok && result.value.map((device) => [device.device, device.bus])).toEqual([['E:', 'usb'], ['F:', 'usb'], ['G:', 'optical']]);
    // Without BusType the same SCSI-reporting disk is not taken for a stick (the old blind spot, now closed by the script).
    const blind = parseRemovableDrives(JSON.stringify(uasp.map(({ BusType: _bus, ...row }) => row)));
    expect(blind.ok && blind.value.map((device) => device.device)).toEqual(['E:', 'G:']);
    // ConvertTo-Json may print the enum as its number: 7 is USB, 12 SD.
    const numbered = parseRemovableDrives(JSON.stringify(uasp.map((row) => (row.DeviceID === 'F:' ? { ...row, BusType: 12 } : row))));
    expect(numbered.ok && numbered.value.find((device) => device.device === 'F:')?.bus).toBe('sd');
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
