import { describe, expect, it } from 'vitest';
import { parseDiskutilApfsList } from '../../../src/checks/encryption/parse-diskutil-apfs-list.ts';
import { macosFixture } from '../../helpers/macos-fixture.ts';

const capture = macosFixture('diskutil-apfs-list-plist.1.txt');

describe('parseDiskutilApfsList', () => {
  it('reads every volume of the real capture with its roles and flags', () => {
    const result = parseDiskutilApfsList(capture);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toHaveLength(13);
    expect(result.value.find((volume) => volume.roles.includes('Data'))).toEqual({
      name: 'Data', device: 'disk3s5', roles: ['Data'], encrypted: true, fileVault: true, cryptoMigration: false,
    });
    expect(result.value.find((volume) => volume.name === 'Nix Store')?.roles).toEqual([]);
  });

  it.each([
    ['truncated (derived: first 3000 characters)', capture.slice(0, 3000), 'OUTPUT_TRUNCATED'],
    ['not a plist', 'No APFS Containers found\n', 'OUTPUT_MALFORMED'],
    ['a plist of another shape', '<plist version="1.0"><dict><key>AllDisks</key><array/></dict></plist>', 'OUTPUT_UNRECOGNISED'],
    ['a volume without its FileVault key (derived)', capture.replace('<key>FileVault</key>\n\t\t\t\t\t<true/>', ''), 'OUTPUT_UNRECOGNISED'],
  ])('refuses %s', (_name, text, code) => {
    expect(parseDiskutilApfsList(text)).toMatchObject({ ok: false, code });
  });
});
