import { describe, expect, it } from 'vitest';
import { isUnderMountRoot, userFromMountPoint } from '../../../src/checks/linux-block/mount-roots.ts';

const ROOTS = ['/media', '/run/media'];

describe('mount roots', () => {
  it.each([
    ['/media/alice/STICK', true, 'alice'],
    ['/run/media/bob/KINGSTON', true, 'bob'],
    ['/media/STICK', true, null],
    ['/media', false, null],
    ['/mediaX/alice/STICK', false, null],
    ['/mnt/ssd', false, null],
    ['/media/../etc', false, null],
  ])('%s: under a root %s, user %s', (mountPoint, under, user) => {
    expect(isUnderMountRoot(mountPoint, ROOTS)).toBe(under);
    expect(userFromMountPoint(mountPoint, ROOTS)).toBe(user);
  });
});
