import { describe, expect, it } from 'vitest';
import { Tri, VolumeRole } from '@invigilator/shared/wire.ts';
import { parseManageBdeStatus } from '../../../src/checks/encryption/parse-manage-bde-status.ts';
import { utf16MisreadAsUtf8, windowsFixture, withCrlf } from '../windows-fixtures.ts';

const on = windowsFixture('manage-bde-status.2.txt');
const off = windowsFixture('manage-bde-status.3-off.txt');
const cutOff = windowsFixture('manage-bde-status.1.txt');

// Derived from the real .3-off capture by translating its labels into German, as
// manage-bde prints them on German Windows (a test variant, not a capture).
const german = off
  .replace('Conversion Status:', 'Konvertierungsstatus:')
  .replace('Percentage Encrypted:', 'Verschlüsselt (Prozent):')
  .replace('Protection Status:', 'Schutzstatus:')
  .replace('Encryption Method:', 'Verschlüsselungsmethode:');

describe('parseManageBdeStatus', () => {
  it('reads an encrypted, protected OS volume (used space only)', () => {
    expect(parseManageBdeStatus(on)).toEqual({ ok: true, value: [{
      name: 'C:', device: 'C:', role: VolumeRole.VOLUME_ROLE_SYSTEM, encrypted: Tri.TRI_YES, protectionOn: Tri.TRI_YES,
      method: 'bitlocker-xts-aes-128', percentEncrypted: 100, state: 'used-space-only-encrypted',
    }] });
  });

  it('reads a volume that is not encrypted', () => {
    const result = parseManageBdeStatus(withCrlf(off));
    expect(result.ok && result.value[0]).toMatchObject({ name: 'C:', encrypted: Tri.TRI_NO, protectionOn: Tri.TRI_NO, method: '', state: 'fully-decrypted' });
  });

  it('reads a partly encrypted volume', () => {
    // The .2 capture with its conversion line changed to the English wording for a conversion under way.
    const encrypting = on.replace('Used Space Only Encrypted', 'Encryption in Progress').replace('100.0%', '37.5%');
    const result = parseManageBdeStatus(encrypting);
    expect(result.ok && result.value[0]).toMatchObject({ state: 'encryption-in-progress', encrypted: Tri.TRI_YES, percentEncrypted: 38 });
  });

  it('leaves an unencrypted data volume unknown: manage-bde calls a USB stick a data volume too', () => {
    // Derived: the .3-off capture's C: as a data volume E: (how a stick is listed).
    const stick = off.replace('Volume C: [OS]', 'Volume E: [STICK]').replace('[OS Volume]', '[Data Volume]');
    const result = parseManageBdeStatus(stick);
    expect(result.ok && result.value[0]).toMatchObject({ name: 'E:', role: VolumeRole.VOLUME_ROLE_FIXED_DATA, encrypted: Tri.TRI_UNKNOWN, state: 'fully-decrypted-or-removable' });
    // An encrypted data volume is encrypted whatever it is.
    const encrypted = parseManageBdeStatus(on.replace('Volume C: [OS]', 'Volume D: [DATA]').replace('[OS Volume]', '[Data Volume]'));
    expect(encrypted.ok && encrypted.value[0]).toMatchObject({ name: 'D:', encrypted: Tri.TRI_YES });
  });

  it('reads a percentage written with a decimal comma', () => {
    // The .2 capture as English manage-bde prints it under a regional format with a decimal comma (derived variant).
    for (const percent of ['37,5%', '37,5 %']) {
      const result = parseManageBdeStatus(on.replace('Used Space Only Encrypted', 'Encryption in Progress').replace('100.0%', percent));
      expect(result.ok && result.value[0]).toMatchObject({ state: 'encryption-in-progress', percentEncrypted: 38 });
    }
    const full = parseManageBdeStatus(on.replace('100.0%', '100,0%'));
    expect(full.ok && full.value[0]).toMatchObject({ percentEncrypted: 100, encrypted: Tri.TRI_YES });
  });

  it.each([
    ['the real capture that stops inside its second volume', cutOff, 'OUTPUT_TRUNCATED'],
    ['German labels', german, 'OUTPUT_LOCALISED'],
    ['no volumes at all', 'Access is denied.', 'OUTPUT_UNRECOGNISED'],
    ['UTF-16LE read as UTF-8', utf16MisreadAsUtf8(on), 'OUTPUT_UNRECOGNISED'],
    ['an unknown conversion status', on.replace('Used Space Only Encrypted', 'Rekeying'), 'OUTPUT_UNRECOGNISED'],
  ])('gives a coded reason for %s', (_name, text, code) => {
    const result = parseManageBdeStatus(text);
    expect(!result.ok && result.code).toBe(code);
  });
});
