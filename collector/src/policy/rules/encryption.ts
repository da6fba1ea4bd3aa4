import type { Observation } from '@invigilator/shared/wire.ts';
import { Tri, VolumeRole } from '@invigilator/shared/wire.ts';
import { triOf } from '../facts.ts';
import { emptyFindings, listInWords, settle, type Judgement } from '../verdict.ts';

type EncryptionFacts = NonNullable<Observation['encryption']>;
type Volume = NonNullable<EncryptionFacts['volumes']>[number];

// Volumes that hold school data; anything the agent could not place is not judged.
const JUDGED_ROLES: ReadonlySet<number> = new Set([VolumeRole.VOLUME_ROLE_SYSTEM, VolumeRole.VOLUME_ROLE_HOME, VolumeRole.VOLUME_ROLE_FIXED_DATA]);

const volumeName = (volume: Volume): string => volume.name || volume.device || 'an unnamed volume';

// States that say encryption is coming but has not begun: said in words, so nobody reads them as refused.
const PENDING_STATES: Readonly<Record<string, string>> = {
  'enablement-pending-restart': 'FileVault is set to switch on at the next restart; until then nothing is encrypted',
  'enablement-deferred-to-login': 'FileVault is set to switch on when its user next logs in; until then nothing is encrypted',
};

const stateInWords = (state: string): string => PENDING_STATES[state] ?? state;

export const judgeEncryption = (facts: EncryptionFacts): Judgement => {
  const volumes = (facts.volumes ?? []).filter((volume) => JUDGED_ROLES.has(volume.role ?? 0));
  if (volumes.length === 0) {
    return {
      status: 'unknown',
      reasonCode: 'NO_VOLUMES',
      reason: 'The device reported no system, home or fixed data volume, so its encryption cannot be judged.',
    };
  }
  const findings = emptyFindings();
  for (const volume of volumes) {
    const name = volumeName(volume);
    const encrypted = triOf(volume.encrypted);
    if (encrypted === Tri.TRI_NO) {
      findings.gaps.push({ code: 'ENCRYPTION_OFF', text: `${name} is not encrypted${volume.state ? ` (${stateInWords(volume.state)})` : ''}` });
    } else if (triOf(volume.protectionOn) === Tri.TRI_NO) {
      findings.gaps.push({
        code: 'ENCRYPTION_PROTECTION_OFF',
        text: `${name} is encrypted but its protection is off (e.g. BitLocker suspended), so its data can be read without the key`,
      });
    } else if (encrypted === Tri.TRI_UNKNOWN) {
      findings.unknowns.push(`whether ${name} is encrypted`);
    }
  }
  return settle(findings, 'ENCRYPTION_STATE_UNKNOWN', () => ({
    status: 'pass',
    reasonCode: 'ENCRYPTION_ON',
    reason: `${volumes.length === 1 ? 'The volume' : `All ${volumes.length} volumes`} holding school data `
      + `${volumes.length === 1 ? 'is' : 'are'} encrypted: ${listInWords(volumes.map(volumeName))}.`,
  }));
};
