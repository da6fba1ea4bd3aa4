import { describe, expect, it } from 'vitest';
import { isRemovableChain, nodesForDevicePath, parseLsblkJson, type BlockNode } from '../../../src/checks/linux-block/parse-lsblk.ts';
import { fixture, lsblkTreeToJson } from './linux-fixtures.ts';

const nodes = (text: string): BlockNode[] => {
  const result = parseLsblkJson(text, 'linux.lsblk-json');
  if (!result.ok) throw new Error(result.reason);
  return result.value;
};
const byName = (list: BlockNode[], name: string): BlockNode => list.find((node) => node.name === name)!;

describe('parseLsblkJson on real captures', () => {
  it('reads this machine: / on vda, single MOUNTPOINT key, boolean flags', () => {
    const list = nodes(fixture('lsblk-encryption.devmachine.json'));
    expect(list.map((node) => node.name)).toEqual(['zram0', 'vda']);
    expect(byName(list, 'vda')).toMatchObject({ type: 'disk', fstype: null, mountpoints: ['/'], removable: false, hotplug: false, ancestry: [] });
  });

  it('merges MOUNTPOINT and the MOUNTPOINTS array', () => {
    const vda = byName(nodes(fixture('lsblk-encryption-mountpoints.devmachine.json')), 'vda');
    expect([...vda.mountpoints].sort()).toEqual(['/', '/run/netns']);
  });

  it('reads byte sizes as numbers and a loop image mounted as a stick', () => {
    const loop = byName(nodes(fixture('lsblk-removable.devmachine-loop-mounted.json')), 'loop0');
    expect(loop).toMatchObject({ type: 'loop', sizeBytes: 16777216, label: null, mountpoints: ['/tmp/invigilator-capture/media/pupil/STICK'], path: '/dev/loop0' });
    expect(byName(nodes(fixture('lsblk-removable.devmachine-none.json')), 'vda').vendor).toBe('0x1af4');
  });

  it('keeps the parent chain of a LUKS container inside LVM (names printed with -p)', () => {
    const list = nodes(fixture('lsblk-json.1.json'));
    const container = byName(list, '/dev/mapper/LvmEncrypt-lvmcryptroot');
    expect(container.ancestry.map((node) => node.name)).toEqual(['/dev/sdc', '/dev/sdc2']);
    expect(container).toMatchObject({ kname: 'LvmEncrypt-lvmcryptroot', fstype: 'crypto_LUKS', mountpoints: [] });
    expect(nodesForDevicePath(list, '/dev/mapper/LvmEncrypt-lvmcryptroot')).toEqual([container]);
  });

  it('reads the older string form ("rm": "1") derived from a real tree capture', () => {
    const list = nodes(lsblkTreeToJson(fixture('lsblk-default.4-removable-empty-reader.txt')));
    expect(byName(list, 'sda')).toMatchObject({ removable: true, sizeBytes: null });
    expect(isRemovableChain(byName(list, 'sda'))).toBe(true);
    expect(byName(list, 'nvme0n1p7_crypt').ancestry.map((node) => node.name)).toEqual(['nvme0n1', 'nvme0n1p7']);
  });

  it('links a flat `lsblk -l` listing through PKNAME', () => {
    const flat = JSON.stringify({ blockdevices: [
      { name: 'sda', kname: 'sda', type: 'disk', pkname: null },
      { name: 'sda1', kname: 'sda1', type: 'part', pkname: 'sda' },
      { name: 'luks-1', kname: 'dm-0', type: 'crypt', pkname: 'sda1' },
    ] });
    expect(byName(nodes(flat), 'luks-1').ancestry.map((node) => node.name)).toEqual(['sda', 'sda1']);
  });
});

describe('parseLsblkJson on damaged output', () => {
  const real = fixture('lsblk-encryption.devmachine.json');
  it.each([
    ['cut short mid-report', real.slice(0, real.length / 2), 'OUTPUT_TRUNCATED'],
    ['an error message instead of JSON', 'lsblk: unknown column: HOTPLUG', 'OUTPUT_MALFORMED'],
    ['JSON without blockdevices', '{"devices": []}', 'OUTPUT_UNRECOGNISED'],
    ['a device without a name', '{"blockdevices": [{"kname": "sda"}]}', 'OUTPUT_UNRECOGNISED'],
    ['children that are not a list', '{"blockdevices": [{"name": "sda", "children": 3}]}', 'OUTPUT_UNRECOGNISED'],
  ])('%s → %s', (_label, text, code) => {
    expect(parseLsblkJson(text, 'linux.lsblk-json')).toMatchObject({ ok: false, code });
  });
});
