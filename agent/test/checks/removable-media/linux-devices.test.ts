// The volume descriptions the Linux watcher sends with a misuse event (the scheduled
// check reports posture only), built from the same lsblk, mountinfo and blkid output.
import { describe, expect, it } from 'vitest';
import { Tri } from '@invigilator/shared/wire.ts';
import { parseBlkidExport } from '../../../src/checks/linux-block/parse-blkid.ts';
import { parseLsblkJson } from '../../../src/checks/linux-block/parse-lsblk.ts';
import { parseMountinfo } from '../../../src/checks/linux-block/parse-mountinfo.ts';
import { describeRemovableVolumes } from '../../../src/checks/removable-media/linux-devices.ts';
import { blkidSourceId, LSBLK_REMOVABLE_SOURCE, MOUNTINFO_SOURCE } from '../../../src/checks/removable-media/linux.ts';
import type { SourceResult } from '../../../src/checks/types.ts';
import { fixture, lsblkTreeToJson, ran } from '../linux-block/linux-fixtures.ts';

const CAPTURE_ROOT = '/tmp/invigilator-capture/media';
const lsblk = (text: string): SourceResult => ran(LSBLK_REMOVABLE_SOURCE.id, text);
const mountinfo = (text: string): SourceResult => ran(MOUNTINFO_SOURCE.id, text);
const blkid = (kname: string, name: string): SourceResult => ran(blkidSourceId(kname), fixture(name));

const stickLsblk = lsblk(fixture('lsblk-removable.devmachine-loop-mounted.json'));
const stickMounts = mountinfo(fixture('mountinfo.devmachine-loop-mounted.txt'));

const read = <T>(result: { ok: true; value: T } | { ok: false; reason: string }): T => {
  if (!result.ok) throw new Error(result.reason);
  return result.value;
};

const devicesOf = (roots: string[], ...results: SourceResult[]) => {
  const byId = new Map(results.map((result) => [result.id, result]));
  const nodes = read(parseLsblkJson(byId.get(LSBLK_REMOVABLE_SOURCE.id)!.stdout, LSBLK_REMOVABLE_SOURCE.id));
  const mounts = read(parseMountinfo(byId.get(MOUNTINFO_SOURCE.id)!.stdout, MOUNTINFO_SOURCE.id));
  const probed = new Map(results.filter((result) => result.id.startsWith('linux.blkid.') && result.exitCode === 0)
    .map((result) => [result.id.slice('linux.blkid.'.length), parseBlkidExport(result.stdout)]));
  return describeRemovableVolumes(nodes, mounts, roots, probed);
};

describe('linux removable volumes (as the watcher describes them)', () => {
  it('reports no devices on this machine with nothing attached', () => {
    expect(devicesOf(['/media', '/run/media'], lsblk(fixture('lsblk-removable.devmachine-none.json')), mountinfo(fixture('mountinfo.devmachine.txt')))).toEqual([]);
  });

  it('lists a loop-mounted ext4 image under a mount root, with blkid filling type and label', () => {
    expect(devicesOf([CAPTURE_ROOT], stickLsblk, stickMounts, blkid('loop0', 'blkid-export.devmachine-ext4.txt'))).toEqual([{
      vendor: '', model: '', serial: '', sizeBytes: 16777216, filesystem: 'ext4', label: 'STICK',
      mountPoint: '/tmp/invigilator-capture/media/pupil/STICK', bus: 'loop', encrypted: Tri.TRI_NO, device: '/dev/loop0',
    }]);
  });

  it('believes blkid over lsblk: udev\'s records can still hold the previous volume of a reused loop device', () => {
    const stale = JSON.parse(stickLsblk.stdout) as { blockdevices: Array<Record<string, unknown>> };
    for (const device of stale.blockdevices) Object.assign(device, { label: 'LASTSTICK', fstype: 'vfat' });
    const [described] = devicesOf([CAPTURE_ROOT], lsblk(JSON.stringify(stale)), stickMounts, blkid('loop0', 'blkid-export.devmachine-ext4.txt'));
    expect(described).toMatchObject({ label: 'STICK', filesystem: 'ext4' });
  });

  it('does not count the same image when it is mounted outside every mount root (loop devices are RM=0)', () => {
    expect(devicesOf(['/media'], stickLsblk, stickMounts)).toEqual([]);
  });

  it('takes the filesystem from mountinfo when blkid could not run', () => {
    const failed: SourceResult = { ...ran(blkidSourceId('loop0'), ''), exitCode: null, errorCode: 'COMMAND_NOT_FOUND' };
    expect(devicesOf([CAPTURE_ROOT], stickLsblk, stickMounts, failed)[0]).toMatchObject({ filesystem: 'ext4', label: '', encrypted: Tri.TRI_NO });
  });

  it('marks a LUKS-formatted volume encrypted (blkid: crypto_LUKS)', () => {
    const unmounted = lsblk(fixture('lsblk-removable.devmachine-loop-mounted.json')
      .replace('"hotplug": false,\n         "tran": null', '"hotplug": true,\n         "tran": null'));
    const devices = devicesOf([CAPTURE_ROOT], unmounted, mountinfo(fixture('mountinfo.devmachine.txt')), blkid('loop0', 'blkid-export.devmachine-luks2.txt'));
    expect(devices[0]).toMatchObject({ filesystem: 'crypto_LUKS', encrypted: Tri.TRI_YES });
  });

  it('reads a USB disk with an exFAT partition and an opened LUKS partition (derived from a real tree capture)', () => {
    const tree = lsblk(lsblkTreeToJson(fixture('lsblk-name-type-fstype-mountpoint.1-luks-usb.txt').split('\n\n')[1]!));
    const devices = devicesOf(['/media', '/run/media'], tree, mountinfo(fixture('mountinfo.devmachine.txt')));
    expect(devices).toEqual([
      expect.objectContaining({ device: '/dev/sda1', filesystem: 'exfat', mountPoint: '/media/(masqué)', encrypted: Tri.TRI_NO }),
      expect.objectContaining({ device: '/dev/sda2', filesystem: 'crypto_LUKS', mountPoint: '/mnt/ssd', encrypted: Tri.TRI_YES }),
    ]);
  });

  it('ignores an empty card reader (RM=1, no media) (derived from a real tree capture)', () => {
    const tree = lsblk(lsblkTreeToJson(fixture('lsblk-default.4-removable-empty-reader.txt')).replace('"size": "0B"', '"size": "0"'));
    expect(devicesOf(['/media'], tree, mountinfo(fixture('mountinfo.devmachine.txt')))).toEqual([]);
  });

  it('names the bus and keeps vendor, model and serial of a real USB stick (older lsblk string values)', () => {
    const stick = JSON.stringify({ blockdevices: [{
      name: 'sdb', kname: 'sdb', type: 'disk', rm: '1', hotplug: '1', tran: 'usb', vendor: 'SanDisk ', model: 'Cruzer Blade    ', serial: '  4C530001', size: '15631122432',
      children: [{ name: 'sdb1', kname: 'sdb1', type: 'part', rm: '1', size: '15630073856', fstype: 'vfat', label: 'KEYS', mountpoint: null }],
    }] });
    // Derived: field values shaped as in the util-linux issues on padded SERIAL/VENDOR, not a capture.
    expect(devicesOf(['/media'], lsblk(stick), mountinfo(fixture('mountinfo.devmachine.txt')))).toEqual([{
      vendor: 'SanDisk', model: 'Cruzer Blade', serial: '4C530001', sizeBytes: 15630073856, filesystem: 'vfat', label: 'KEYS',
      mountPoint: '', bus: 'usb', encrypted: Tri.TRI_NO, device: '/dev/sdb1',
    }]);
  });

});
