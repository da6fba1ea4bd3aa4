import { describe, expect, it } from 'vitest';
import { CollectionStatus, Tri, VolumeRole } from '@invigilator/shared/wire.ts';
import { check, cryptsetupSourceId, FINDMNT_SOURCE, LSBLK_SOURCE } from '../../../src/checks/encryption/linux.ts';
import type { SourceResult } from '../../../src/checks/types.ts';
import { collectedOf, findmntFromMounts, fixture, lsblkTreeToJson, ran } from '../linux-block/linux-fixtures.ts';

const context = { removableMountRoots: ['/media', '/run/media'] };
const lsblk = (text: string): SourceResult => ran(LSBLK_SOURCE.id, text);
const findmnt = (text: string): SourceResult => ran(FINDMNT_SOURCE.id, text);
const status = (mapping: string, name: string, exitCode = 0): SourceResult => ran(cryptsetupSourceId(mapping), fixture(name), exitCode);

// Real tree captures turned into lsblk JSON, with the matching findmnt (both derived in test code).
const mint = lsblk(lsblkTreeToJson(fixture('lsblk-default.1-mint-luks-lvm.txt')));
const mintMounts = findmnt(findmntFromMounts([
  ['/', '/dev/mapper/vgmint-root', 'ext4'], ['/boot', '/dev/nvme0n1p3', 'ext4'], ['/boot/efi', '/dev/nvme0n1p2', 'vfat'],
]));
const twoLuks = lsblk(lsblkTreeToJson(fixture('lsblk-default.4-removable-empty-reader.txt')));
const twoLuksMounts = findmnt(findmntFromMounts([
  ['/', '/dev/mapper/nvme0n1p6_crypt', 'ext4'], ['/home', '/dev/mapper/nvme0n1p7_crypt', 'ext4'], ['/boot/efi', '/dev/nvme0n1p1', 'vfat'],
]));
const usbLuks = lsblk(lsblkTreeToJson(fixture('lsblk-name-type-fstype-mountpoint.1-luks-usb.txt').split('\n\n')[1]!));
const usbLuksMounts = findmnt(findmntFromMounts([
  ['/', '/dev/nvme0n1p2', 'ext4'], ['/boot/efi', '/dev/nvme0n1p1', 'vfat'], ['/media/(masqué)', '/dev/sda1', 'exfat'], ['/mnt/ssd', '/dev/mapper/travail', 'ext4'],
]));

const volumesOf = (...results: SourceResult[]) => {
  const finding = check.interpret(collectedOf(...results), context);
  expect(finding.status).toBe(CollectionStatus.COLLECTED);
  return finding.encryption!.volumes!;
};

describe('linux encryption check', () => {
  it('asks for lsblk and findmnt first, then cryptsetup status for each crypt mapping', () => {
    expect(check.sources(new Map(), context).map((spec) => spec.id)).toEqual(['linux.lsblk-json', 'linux.findmnt-json']);
    const second = check.sources(collectedOf(twoLuks, twoLuksMounts), context);
    expect(second.map((spec) => spec.id)).toEqual([
      'linux.lsblk-json', 'linux.findmnt-json', 'linux.cryptsetup-status.nvme0n1p6_crypt', 'linux.cryptsetup-status.nvme0n1p7_crypt',
    ]);
    expect(second[2]).toMatchObject({ kind: 'command', file: '/usr/sbin/cryptsetup', args: ['status', 'nvme0n1p6_crypt'] });
  });

  it('reports this machine\'s "/" on /dev/vda as not encrypted (a fact, not an error)', () => {
    const volumes = volumesOf(lsblk(fixture('lsblk-encryption.devmachine.json')), findmnt(fixture('findmnt-json.devmachine.json')));
    expect(volumes).toEqual([{ name: '/', role: VolumeRole.VOLUME_ROLE_SYSTEM, device: '/dev/vda', encrypted: Tri.TRI_NO, percentEncrypted: 0, state: 'fully-decrypted' }]);
  });

  it('sees LVM on LUKS: "/" encrypted with the method cryptsetup reports; /boot and /boot/efi are left out', () => {
    const volumes = volumesOf(mint, mintMounts, status('nvme0n1p4_crypt', 'cryptsetup-status.active-luks2.txt'));
    expect(volumes).toEqual([
      { name: '/', role: VolumeRole.VOLUME_ROLE_SYSTEM, device: '/dev/mapper/vgmint-root', encrypted: Tri.TRI_YES, method: 'luks2', percentEncrypted: 100, state: 'fully-encrypted' },
    ]);
  });

  it('sees separate LUKS volumes for / and /home, and ignores the empty card reader', () => {
    const volumes = volumesOf(twoLuks, twoLuksMounts,
      status('nvme0n1p6_crypt', 'cryptsetup-status.active-luks2.txt'), status('nvme0n1p7_crypt', 'cryptsetup-status.active-mounted.txt'));
    expect(volumes.map((volume) => [volume.name, volume.role, volume.encrypted, volume.method])).toEqual([
      ['/', VolumeRole.VOLUME_ROLE_SYSTEM, Tri.TRI_YES, 'luks2'],
      ['/home', VolumeRole.VOLUME_ROLE_HOME, Tri.TRI_YES, 'plain'],
    ]);
  });

  it('reads the ASCII-tree layout (Ubuntu default encrypted install) the same way', () => {
    const volumes = volumesOf(lsblk(lsblkTreeToJson(fixture('lsblk-default.3-ascii-tree.txt'))),
      findmnt(findmntFromMounts([['/', '/dev/mapper/vgubuntu-root', 'ext4']])), status('nvme0n1p3_crypt', 'cryptsetup-status.active-luks2.txt'));
    expect(volumes[0]).toMatchObject({ name: '/', encrypted: Tri.TRI_YES, method: 'luks2' });
  });

  it('keeps removable media out: the LUKS USB disk is not a fixed volume, the plain internal root is reported', () => {
    const volumes = volumesOf(usbLuks, usbLuksMounts);
    expect(volumes.map((volume) => volume.name)).toEqual(['/', '/mnt/ssd']);
    expect(volumes[0]).toMatchObject({ encrypted: Tri.TRI_NO });
    // Without RM/TRAN columns this form cannot tell the USB disk's /mnt/ssd apart; it is on LUKS.
    expect(volumes[1]).toMatchObject({ encrypted: Tri.TRI_YES, method: 'dm-crypt' });
  });

  it('falls back to "dm-crypt" when cryptsetup is missing, failed or unreadable', () => {
    const missing: SourceResult = { ...ran(cryptsetupSourceId('nvme0n1p4_crypt'), ''), exitCode: null, errorCode: 'COMMAND_NOT_FOUND' };
    expect(volumesOf(mint, mintMounts, missing)[0]).toMatchObject({ encrypted: Tri.TRI_YES, method: 'dm-crypt' });
    expect(volumesOf(mint, mintMounts, status('nvme0n1p4_crypt', 'cryptsetup-status.error.txt', 4))[0]).toMatchObject({ method: 'dm-crypt' });
  });

  it('reports an LVM volume spread over a crypt and a plain disk as partly encrypted (derived layout)', () => {
    const spread = JSON.stringify({ blockdevices: [
      { name: 'sda', type: 'disk', children: [{ name: 'sda1_crypt', type: 'crypt', children: [{ name: 'vg-root', kname: 'dm-2', type: 'lvm', mountpoint: '/' }] }] },
      { name: 'sdb', type: 'disk', children: [{ name: 'vg-root', kname: 'dm-2', type: 'lvm', mountpoint: '/' }] },
    ] });
    const volumes = volumesOf(lsblk(spread), findmnt(findmntFromMounts([['/', '/dev/mapper/vg-root', 'ext4']])));
    expect(volumes[0]).toMatchObject({ encrypted: Tri.TRI_NO, state: 'partly-encrypted', method: 'dm-crypt' });
  });

  it.each([
    ['overlay (a container)', [['/', 'overlay', 'overlay']]],
    ['NFS', [['/', 'server:/export/root', 'nfs4']]],
  ] as const)('cannot collect when "/" is on %s', (_label, mounts) => {
    const finding = check.interpret(collectedOf(lsblk(fixture('lsblk-removable.devmachine-none.json').replace('"mountpoint": "/"', '"mountpoint": null')),
      findmnt(findmntFromMounts(mounts.map(([t, s, f]) => [t, s, f])))), context);
    expect(finding).toMatchObject({ status: CollectionStatus.COULD_NOT_COLLECT, reasonCode: 'OUTPUT_UNRECOGNISED' });
    expect(finding.reason).toContain('not a disk lsblk lists');
  });

  it.each([
    ['lsblk cut short', [lsblk(fixture('lsblk-encryption.devmachine.json').slice(0, 200)), findmnt(fixture('findmnt-json.devmachine.json'))], 'OUTPUT_TRUNCATED'],
    ['findmnt printed nothing', [lsblk(fixture('lsblk-encryption.devmachine.json')), findmnt('')], 'OUTPUT_EMPTY'],
    ['lsblk not installed', [{ ...lsblk(''), exitCode: null, errorCode: 'COMMAND_NOT_FOUND' as const }, findmnt(fixture('findmnt-json.devmachine.json'))], 'COMMAND_NOT_FOUND'],
    ['findmnt lists no "/"', [lsblk(fixture('lsblk-encryption.devmachine.json')), findmnt(findmntFromMounts([['/proc', 'proc', 'proc']]))], 'OUTPUT_UNRECOGNISED'],
    ['nothing collected (replay of an incomplete bundle)', [], 'SOURCE_NOT_CAPTURED'],
  ])('%s → COULD_NOT_COLLECT %s', (_label, results, code) => {
    expect(check.interpret(collectedOf(...results), context)).toMatchObject({ status: CollectionStatus.COULD_NOT_COLLECT, reasonCode: code });
  });
});
