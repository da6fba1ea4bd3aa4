import { describe, expect, it } from 'vitest';
import { parseFindmntJson } from '../../../src/checks/encryption/parse-findmnt.ts';
import { fixture } from '../linux-block/linux-fixtures.ts';

describe('parseFindmntJson', () => {
  it('flattens this machine\'s mount tree and splits bind-mount sources', () => {
    const result = parseFindmntJson(fixture('findmnt-json.devmachine.json'), 'linux.findmnt-json');
    if (!result.ok) throw new Error(result.reason);
    expect(result.value[0]).toEqual({ target: '/', source: '/dev/vda', fstype: 'ext4', bindRoot: null });
    expect(result.value.find((entry) => entry.target === '/run/netns')).toEqual({ target: '/run/netns', source: '/dev/vda', fstype: 'ext4', bindRoot: '/run/netns' });
    expect(result.value.find((entry) => entry.target === '/proc')).toMatchObject({ source: 'proc' });
  });

  const real = fixture('findmnt-json.devmachine.json');
  it.each([
    ['cut short', real.slice(0, 300), 'OUTPUT_TRUNCATED'],
    ['not JSON', 'findmnt: unknown column: FOO', 'OUTPUT_MALFORMED'],
    ['no filesystems list', '{"blockdevices": []}', 'OUTPUT_UNRECOGNISED'],
    ['a mount without a target', '{"filesystems": [{"source": "/dev/sda1"}]}', 'OUTPUT_UNRECOGNISED'],
  ])('%s → %s', (_label, text, code) => {
    expect(parseFindmntJson(text, 'linux.findmnt-json')).toMatchObject({ ok: false, code });
  });
});
