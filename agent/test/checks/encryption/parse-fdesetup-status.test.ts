import { describe, expect, it } from 'vitest';
import { parseFdesetupStatus } from '../../../src/checks/encryption/parse-fdesetup-status.ts';
import { macosFixture } from '../../helpers/macos-fixture.ts';

describe('parseFdesetupStatus', () => {
  it.each([
    ['fdesetup-status.2-on.txt', { on: true }],
    ['fdesetup-status.1-on-masterkeychain.txt', { on: true }],
    ['fdesetup-status.3-off.txt', { on: false }],
    ['fdesetup-status.7-off-deferred.txt', { on: false, pendingEnablement: 'login' }],
    ['fdesetup-status.8-off-enabled-after-restart.txt', { on: false, pendingEnablement: 'restart' }],
  ])('reads the real capture %s', (name, expected) => {
    expect(parseFdesetupStatus(macosFixture(name))).toEqual({ ok: true, value: expected });
  });

  it('reads the deferral line alone, and a restart already due before it', () => {
    const deferred = macosFixture('fdesetup-status.7-off-deferred.txt');
    expect(parseFdesetupStatus(deferred.split('\n')[1] ?? '')).toEqual({ ok: true, value: { on: false, pendingEnablement: 'login' } });
    const both = `${macosFixture('fdesetup-status.8-off-enabled-after-restart.txt')}${deferred.split('\n')[1] ?? ''}\n`;
    expect(parseFdesetupStatus(both)).toEqual({ ok: true, value: { on: false, pendingEnablement: 'restart' } });
  });

  // The encrypting capture is a template with "##.##" where the number goes: it must not parse…
  it('refuses the template capture whose percent is a placeholder', () => {
    expect(parseFdesetupStatus(macosFixture('fdesetup-status.6-encrypting-template.txt'))).toMatchObject({ ok: false, code: 'OUTPUT_UNRECOGNISED' });
  });

  // …and the variants below are derived from it, filling in the number as the source note describes.
  const template = macosFixture('fdesetup-status.6-encrypting-template.txt');
  it.each([
    ['encrypting 37', template.replace('##.##', '37'), { direction: 'encrypting', percent: 37, pending: false }],
    ['encrypting 42.5, lowercase "percent"', template.replace('Percent', 'percent').replace('##.##', '42.5'), { direction: 'encrypting', percent: 42.5, pending: false }],
    ['decrypting', template.replace('Encryption', 'Decryption').replace('##.##', '80'), { direction: 'decrypting', percent: 80, pending: false }],
    ['pending (on battery)', template.replace('Percent completed = ##.##', 'Pending'), { direction: 'encrypting', pending: true }],
  ])('reads a conversion in progress: %s', (_name, text, conversion) => {
    expect(parseFdesetupStatus(text)).toEqual({ ok: true, value: { on: true, conversion } });
  });

  it.each([
    ['empty', ''],
    ['localised first line', 'FileVault est activé.\n'],
    ['truncated first line', 'FileVault is'],
    ['unknown second line', `${macosFixture('fdesetup-status.2-on.txt')}Something new happened.\n`],
    ['percent above 100', template.replace('##.##', '140')],
  ])('refuses %s', (_name, text) => {
    expect(parseFdesetupStatus(text)).toMatchObject({ ok: false, code: 'OUTPUT_UNRECOGNISED' });
  });

  it('accepts CRLF line ends (derived)', () => {
    expect(parseFdesetupStatus(macosFixture('fdesetup-status.1-on-masterkeychain.txt').replace(/\n/g, '\r\n'))).toEqual({ ok: true, value: { on: true } });
  });
});
