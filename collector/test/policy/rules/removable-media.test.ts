import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY_PACK } from '@invigilator/shared/policy/default-pack.ts';
import { CollectionStatus, Tri, type RemovableDevice } from '@invigilator/shared/wire.ts';
import { alertForVerdictChange } from '../../../src/alerts/rules.ts';
import { collected, judge, packWith, verdictTable } from '../observations.ts';

const posture = (storageBlocked: number, writeBlocked: number, mechanism = '') =>
  collected('removable-media', { removableMedia: { storageBlocked, writeBlocked, mechanism, postureProblem: '' } });
const couldNotCollect = { check: 'removable-media', status: CollectionStatus.COULD_NOT_COLLECT, reasonCode: 'COMMAND_FAILED', reason: 'modprobe exited 1.' };

describe('removable media verdicts (default pack: banned, storage must be blocked)', () => {
  verdictTable([
    ['blocked by Group Policy', posture(Tri.TRI_YES, Tri.TRI_YES, 'Group Policy: all removable storage classes, deny all access'), 'pass', 'REMOVABLE_STORAGE_BLOCKED',
      'Removable storage is blocked on this device (Group Policy: all removable storage classes, deny all access).'],
    ['not blocked', posture(Tri.TRI_NO, Tri.TRI_NO, 'no modprobe rule stops the USB storage driver'), 'fail', 'REMOVABLE_STORAGE_ALLOWED',
      'Removable storage is not blocked on this device (no modprobe rule stops the USB storage driver), which the school\'s policy bans.'],
    ['read-only is not enough here', posture(Tri.TRI_NO, Tri.TRI_YES), 'fail', 'REMOVABLE_STORAGE_ALLOWED', /It is read-only, but the school's policy asks for it to be blocked\.$/],
    ['not known', collected('removable-media', { removableMedia: { storageBlocked: Tri.TRI_UNKNOWN, postureProblem: 'This kernel has no loadable modules.' } }), 'unknown', 'REMOVABLE_STORAGE_UNKNOWN',
      'The device did not report whether removable storage is blocked, which the school\'s policy needs. This kernel has no loadable modules.'],
    ['could not collect', couldNotCollect, 'unknown', 'COMMAND_FAILED', 'modprobe exited 1.'],
  ]);
});

describe('removable media verdicts where read-only is enough', () => {
  verdictTable([
    ['read-only', posture(Tri.TRI_NO, Tri.TRI_YES, 'read-only: Group Policy: removable disks, deny write access'), 'pass', 'REMOVABLE_STORAGE_READ_ONLY', /nothing can be copied to it/],
    ['neither', posture(Tri.TRI_NO, Tri.TRI_NO), 'fail', 'REMOVABLE_STORAGE_ALLOWED', /not blocked/],
    ['read-only not known', posture(Tri.TRI_NO, Tri.TRI_UNKNOWN), 'unknown', 'REMOVABLE_STORAGE_UNKNOWN', /did not report/],
  ], packWith('removableMedia', { readOnlyIsEnough: true }));
});

describe('removable media verdicts where the school allows it', () => {
  verdictTable([
    ['not blocked is fine', posture(Tri.TRI_NO, Tri.TRI_NO), 'pass', 'REMOVABLE_MEDIA_ALLOWED', 'The school\'s policy allows removable media.'],
    ['no facts needed', couldNotCollect, 'pass', 'REMOVABLE_MEDIA_ALLOWED', 'The school\'s policy allows removable media.'],
  ], packWith('removableMedia', { banned: false }));
});

// A technician reads posture verdicts and alerts: a stick's label, its mount point and the
// pupil's name in it are misuse details for the DSL alone, even when an older agent still
// sends the attached devices in its observation.
describe('a removable-media verdict and its posture alert never name a stick, a mount point or a user', () => {
  const pupilStick: RemovableDevice = {
    vendor: 'Kingston', model: 'DataTraveler 3.0', serial: '60A44C413C2EF140B9A5001B', sizeBytes: 15_504_900_096,
    filesystem: 'vfat', label: 'JSMITH-COURSEWORK', mountPoint: '/media/jsmith/JSMITH-COURSEWORK', bus: 'usb', encrypted: Tri.TRI_NO, device: '/dev/sdb1',
  };
  const leaks = ['jsmith', 'JSMITH', '/media', 'COURSEWORK', 'Kingston', 'DataTraveler', '60A44C413C2EF140B9A5001B', '/dev/sdb1'];
  const device = { id: 'dev-1', hostname: 'LAPTOP-23', schoolId: 'oakfield' };

  it.each([
    ['an older agent sending the attached stick and no posture', { devices: [pupilStick] }],
    ['a current agent: not blocked, a stick attached', { devices: [pupilStick], storageBlocked: Tri.TRI_NO, writeBlocked: Tri.TRI_NO, mechanism: 'no modprobe rule stops the USB storage driver' }],
    ['read-only where blocking is required', { devices: [pupilStick], storageBlocked: Tri.TRI_NO, writeBlocked: Tri.TRI_YES }],
  ])('%s', (_name, facts) => {
    const verdict = judge(collected('removable-media', { removableMedia: facts }), DEFAULT_POLICY_PACK);
    const { raise: open } = alertForVerdictChange(device, undefined, verdict);
    const technicianSees = [verdict.reason, open?.title ?? '', open?.summary ?? '', JSON.stringify(open?.detail ?? {})].join('\n');
    for (const secret of leaks) expect(technicianSees).not.toContain(secret);
  });

  it('the fail opens a posture alert (so the test above looked at a real alert)', () => {
    const verdict = judge(posture(Tri.TRI_NO, Tri.TRI_NO), DEFAULT_POLICY_PACK);
    expect(alertForVerdictChange(device, undefined, verdict).raise).toMatchObject({ category: 'posture', check: 'removable-media' });
  });
});
