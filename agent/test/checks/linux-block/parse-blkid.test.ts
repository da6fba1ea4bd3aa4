import { describe, expect, it } from 'vitest';
import { parseBlkidExport } from '../../../src/checks/linux-block/parse-blkid.ts';
import { fixture } from './linux-fixtures.ts';

describe('parseBlkidExport', () => {
  it.each([
    ['blkid-export.devmachine-ext4.txt', { TYPE: 'ext4', LABEL: 'STICK' }],
    ['blkid-export.devmachine-luks2.txt', { TYPE: 'crypto_LUKS' }],
  ])('reads %s', (name, expected) => {
    const fields = parseBlkidExport(fixture(name));
    expect(fields).toMatchObject(expected);
    expect(fields.DEVNAME).toBe('/dev/loop0');
  });

  it('undoes blkid escaping and CRLF endings (derived variant)', () => {
    expect(parseBlkidExport('LABEL=MY\\ STICK\r\nTYPE=vfat\r\n')).toEqual({ LABEL: 'MY STICK', TYPE: 'vfat' });
  });

  it('gives no fields for empty output (exit 2: nothing recognised)', () => {
    expect(parseBlkidExport('')).toEqual({});
  });
});
