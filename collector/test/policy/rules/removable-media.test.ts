import { describe } from 'vitest';
import { CollectionStatus, Tri, type RemovableDevice } from '@invigilator/shared/wire.ts';
import { collected, packWith, verdictTable } from '../observations.ts';

const kingston: RemovableDevice = {
  vendor: 'Kingston', model: 'DataTraveler 3.0', serial: '60A44C413C2EF140B9A5001B', sizeBytes: 15_504_900_096,
  filesystem: 'vfat', label: 'KINGSTON', mountPoint: '/media/jsmith/KINGSTON', bus: 'usb', encrypted: Tri.TRI_NO, device: '/dev/sdb1',
};
const media = (...devices: RemovableDevice[]) => collected('removable-media', { removableMedia: { devices } });
const couldNotCollect = { check: 'removable-media', status: CollectionStatus.COULD_NOT_COLLECT, reasonCode: 'PERMISSION_DENIED', reason: 'lsblk: permission denied.' };

describe('removable media verdicts (default pack: banned)', () => {
  verdictTable([
    ['nothing attached', media(), 'pass', 'NO_REMOVABLE_MEDIA', 'No removable media is attached.'],
    ['a memory stick attached, named', media(kingston), 'fail', 'REMOVABLE_MEDIA_PRESENT',
      // Never the label or the mount point: /media/<user>/ names the pupil, and technicians read this.
      'Removable media is attached, which the school\'s policy bans: Kingston DataTraveler 3.0.'],
    ['two devices, one unlabelled', media(kingston, { model: 'USB DISK', device: 'E:' }), 'fail', 'REMOVABLE_MEDIA_PRESENT',
      /: Kingston DataTraveler 3\.0 and USB DISK\.$/],
    ['could not collect', couldNotCollect, 'unknown', 'PERMISSION_DENIED', 'lsblk: permission denied.'],
  ]);
});

describe('removable media verdicts where the school allows it', () => {
  verdictTable([
    ['a stick attached is fine', media(kingston), 'pass', 'REMOVABLE_MEDIA_ALLOWED', 'The school\'s policy allows removable media.'],
    ['no facts needed', couldNotCollect, 'pass', 'REMOVABLE_MEDIA_ALLOWED', 'The school\'s policy allows removable media.'],
  ], packWith('removableMedia', { banned: false }));
});
