import { describe, expect, it } from 'vitest';
import { parseCryptsetupStatus } from '../../../src/checks/encryption/parse-cryptsetup-status.ts';
import { fixture } from '../linux-block/linux-fixtures.ts';

const ID = 'linux.cryptsetup-status.x';

describe('parseCryptsetupStatus', () => {
  it.each([
    ['cryptsetup-status.active-luks2.txt', { mapping: '/dev/mapper/dm-crypto-luks2', active: true, inUse: true, type: 'LUKS2', cipher: 'aes-xts-plain64', keySizeBits: 512, backingDevice: '/dev/sdc2' }],
    ['cryptsetup-status.active-mounted.txt', { active: true, inUse: true, type: 'PLAIN', cipher: 'aes-cbc-essiv:sha256', keySizeBits: 256 }],
    ['cryptsetup-status.active-umounted.txt', { active: true, inUse: false, type: 'PLAIN' }],
    ['cryptsetup-status.inactive.txt', { mapping: '/dev/mapper/dm-crypto-plain', active: false, type: null }],
  ])('reads %s', (name, expected) => {
    expect(parseCryptsetupStatus(fixture(name), ID)).toEqual({ ok: true, value: expect.objectContaining(expected) });
  });

  it('reads CRLF output (derived variant)', () => {
    const crlf = fixture('cryptsetup-status.active-luks2.txt').replace(/\n/g, '\r\n');
    expect(parseCryptsetupStatus(crlf, ID)).toMatchObject({ ok: true, value: { type: 'LUKS2', keySizeBits: 512 } });
  });

  it.each([
    ['a device that is not found', fixture('cryptsetup-status.error.txt'), 'OUTPUT_UNRECOGNISED'],
    ['an active mapping cut after its first line (derived)', fixture('cryptsetup-status.active-luks2.txt').split('\n')[0]!, 'OUTPUT_TRUNCATED'],
    ['a translated first line (derived)', '/dev/mapper/x est actif et en cours d’utilisation.', 'OUTPUT_UNRECOGNISED'],
  ])('%s → %s', (_label, text, code) => {
    expect(parseCryptsetupStatus(text, ID)).toMatchObject({ ok: false, code });
  });
});
