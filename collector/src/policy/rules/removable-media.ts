// Removable media as a posture: is removable storage blocked (or read-only, where the
// school accepts that) on this device? Which stick was attached, by whom, and what was
// copied are misuse events for the DSL: no verdict here names a volume, a mount point or
// a user, since a technician reads these.
import type { PolicyPack } from '@invigilator/shared/policy/types.ts';
import type { Observation, RemovableDevice } from '@invigilator/shared/wire.ts';
import { Tri } from '@invigilator/shared/wire.ts';
import { triOf } from '../facts.ts';
import type { Judgement } from '../verdict.ts';

type RemovableMediaFacts = NonNullable<Observation['removableMedia']>;
type MediaSettings = PolicyPack['checks']['removableMedia'];

/** `"KINGSTON" (Kingston DataTraveler 3.0) at E:`: what the DSL needs to find the stick (misuse alerts only). */
export const describeMedia = (device: RemovableDevice): string => {
  const label = device.label ? `"${device.label}"` : 'an unlabelled device';
  const make = [device.vendor, device.model].filter(Boolean).join(' ');
  const where = device.mountPoint || device.device;
  return `${label}${make ? ` (${make})` : ''}${where ? ` at ${where}` : ''}`;
};

const how = (facts: RemovableMediaFacts): string => (facts.mechanism ? ` (${facts.mechanism})` : '');

/** Only called when the pack bans removable media. */
export const judgeRemovableMedia = (facts: RemovableMediaFacts, settings: MediaSettings): Judgement => {
  const blocked = triOf(facts.storageBlocked);
  const readOnly = triOf(facts.writeBlocked);
  if (blocked === Tri.TRI_YES) {
    return { status: 'pass', reasonCode: 'REMOVABLE_STORAGE_BLOCKED', reason: `Removable storage is blocked on this device${how(facts)}.` };
  }
  if (settings.readOnlyIsEnough && readOnly === Tri.TRI_YES) {
    return {
      status: 'pass', reasonCode: 'REMOVABLE_STORAGE_READ_ONLY',
      reason: `Removable storage is read-only on this device${how(facts)}: nothing can be copied to it, which the school's policy accepts.`,
    };
  }
  const problem = facts.postureProblem ? ` ${facts.postureProblem}` : '';
  if (blocked === Tri.TRI_UNKNOWN || (settings.readOnlyIsEnough && readOnly === Tri.TRI_UNKNOWN)) {
    return {
      status: 'unknown', reasonCode: 'REMOVABLE_STORAGE_UNKNOWN',
      reason: `The device did not report whether removable storage is blocked, which the school's policy needs.${problem}`,
    };
  }
  const readOnlyNote = readOnly === Tri.TRI_YES ? ' It is read-only, but the school\'s policy asks for it to be blocked.' : '';
  return {
    status: 'fail', reasonCode: 'REMOVABLE_STORAGE_ALLOWED',
    reason: `Removable storage is not blocked on this device${how(facts)}, which the school's policy bans.${readOnlyNote}`,
  };
};
