import type { Observation, RemovableDevice } from '@invigilator/shared/wire.ts';
import { listInWords, type Judgement } from '../verdict.ts';

type RemovableMediaFacts = NonNullable<Observation['removableMedia']>;

/** `"KINGSTON" (Kingston DataTraveler 3.0) at E:`: what a technician needs to find the stick. */
export const describeMedia = (device: RemovableDevice): string => {
  const label = device.label ? `"${device.label}"` : 'an unlabelled device';
  const make = [device.vendor, device.model].filter(Boolean).join(' ');
  const where = device.mountPoint || device.device;
  return `${label}${make ? ` (${make})` : ''}${where ? ` at ${where}` : ''}`;
};

/**
 * What a technician may read of a device: its make and model. Its label and where it is mounted
 * (/media/<user>/<label>) name the pupil and stay in the misuse alert, which only safeguarding roles see.
 */
const describeForPosture = (device: RemovableDevice): string =>
  [device.vendor, device.model].filter(Boolean).join(' ') || 'an unidentified device';

/** Only called when the pack bans removable media. */
export const judgeRemovableMedia = (facts: RemovableMediaFacts): Judgement => {
  const devices = facts.devices ?? [];
  if (devices.length === 0) return { status: 'pass', reasonCode: 'NO_REMOVABLE_MEDIA', reason: 'No removable media is attached.' };
  return {
    status: 'fail',
    reasonCode: 'REMOVABLE_MEDIA_PRESENT',
    reason: `Removable media is attached, which the school's policy bans: ${listInWords(devices.map(describeForPosture))}.`,
  };
};
