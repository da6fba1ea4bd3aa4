import { describe, expect, it } from 'vitest';
import { parseMountinfo, unescapeMountPath } from '../../../src/checks/linux-block/parse-mountinfo.ts';
import { fixture } from './linux-fixtures.ts';

describe('parseMountinfo', () => {
  it('reads this machine, with and without a loop-mounted stick', () => {
    const plain = parseMountinfo(fixture('mountinfo.devmachine.txt'), 'linux.mountinfo');
    expect(plain.ok && plain.value.find((entry) => entry.mountPoint === '/')).toMatchObject({ source: '/dev/vda', fsType: 'ext4', majorMinor: '254:0' });
    const mounted = parseMountinfo(fixture('mountinfo.devmachine-loop-mounted.txt'), 'linux.mountinfo');
    expect(mounted.ok && mounted.value.at(-1)).toMatchObject({
      mountPoint: '/tmp/invigilator-capture/media/pupil/STICK', source: '/dev/loop0', fsType: 'ext4', majorMinor: '7:0', root: '/',
    });
  });

  it('reads optional fields (shared:1) and bind roots', () => {
    const result = parseMountinfo(fixture('mountinfo.devmachine.txt'), 'linux.mountinfo');
    expect(result.ok && result.value.find((entry) => entry.mountPoint === '/run/netns')).toMatchObject({ root: '/run/netns', fsType: 'ext4' });
  });

  it('unescapes octal escapes in paths (a label with a space)', () => {
    expect(unescapeMountPath('/media/pupil/MY\\040STICK')).toBe('/media/pupil/MY STICK');
    const line = '43 27 7:0 / /media/pupil/MY\\040STICK rw,relatime - vfat /dev/sdb1 rw\n';
    const result = parseMountinfo(line, 'linux.mountinfo');
    expect(result.ok && result.value[0]!.mountPoint).toBe('/media/pupil/MY STICK');
  });

  const real = fixture('mountinfo.devmachine.txt');
  it.each([
    ['the last line cut short', real.slice(0, real.length - 30), 'OUTPUT_TRUNCATED'],
    ['a line with no separator (derived)', `${real}garbage line without fields\n`, 'OUTPUT_MALFORMED'],
    ['nothing at all', '\n', 'OUTPUT_EMPTY'],
  ])('%s → %s', (_label, text, code) => {
    expect(parseMountinfo(text, 'linux.mountinfo')).toMatchObject({ ok: false, code });
  });
});
