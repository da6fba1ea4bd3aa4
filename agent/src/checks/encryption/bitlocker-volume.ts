// What a BitLocker volume reading becomes, shared by the Get-BitLockerVolume and
// manage-bde readers so both report the same vocabulary.
import { Tri, VolumeRole } from '@invigilator/shared/wire.ts';
import type { invigilator } from '@invigilator/shared/generated/invigilator.js';
import type { TriValue } from '../windows-json.ts';

export type EncryptedVolume = invigilator.v1.IEncryptedVolume;

/** State names (kebab-case) in which the data on the volume is encrypted, whatever the percentage. */
const ENCRYPTED_STATES = new Set(['fully-encrypted', 'used-space-only-encrypted']);
/** States in which encryption is under way: encrypted once any of the volume is. */
const ENCRYPTING_STATES = new Set(['encryption-in-progress', 'encryption-paused']);
const NOT_ENCRYPTED_STATES = new Set(['fully-decrypted', 'decryption-in-progress', 'decryption-paused']);

export const encryptedFromState = (state: string, percent: number): TriValue => {
  if (ENCRYPTED_STATES.has(state)) return Tri.TRI_YES;
  if (ENCRYPTING_STATES.has(state)) return percent > 0 ? Tri.TRI_YES : Tri.TRI_NO;
  if (NOT_ENCRYPTED_STATES.has(state)) return Tri.TRI_NO;
  return Tri.TRI_UNKNOWN;
};

export const KNOWN_STATES = new Set([...ENCRYPTED_STATES, ...ENCRYPTING_STATES, ...NOT_ENCRYPTED_STATES]);

export const bitlockerVolume = (input: {
  name: string;
  system: boolean;
  state: string;
  percent: number;
  protectionOn: TriValue;
  method: string;
}): EncryptedVolume => ({
  name: input.name,
  device: input.name,
  role: input.system ? VolumeRole.VOLUME_ROLE_SYSTEM : VolumeRole.VOLUME_ROLE_FIXED_DATA,
  encrypted: encryptedFromState(input.state, input.percent),
  protectionOn: input.protectionOn,
  method: input.method === '' ? '' : `bitlocker-${input.method}`,
  percentEncrypted: Math.max(0, Math.min(100, Math.round(input.percent))),
  state: input.state,
});
