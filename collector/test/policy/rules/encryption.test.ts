import { describe } from 'vitest';
import { Tri, VolumeRole, type Observation } from '@invigilator/shared/wire.ts';
import { collected, verdictTable } from '../observations.ts';

const { TRI_YES: YES, TRI_NO: NO, TRI_UNKNOWN: UNKNOWN } = Tri;
const { VOLUME_ROLE_SYSTEM: SYSTEM, VOLUME_ROLE_HOME: HOME, VOLUME_ROLE_FIXED_DATA: DATA, VOLUME_ROLE_UNSPECIFIED: OTHER } = VolumeRole;
type Volume = NonNullable<NonNullable<Observation['encryption']>['volumes']>[number];
const volumes = (...list: Volume[]) => collected('encryption', { encryption: { volumes: list } });

describe('encryption verdicts', () => {
  verdictTable([
    ['BitLocker on C:', volumes({ name: 'C:', role: SYSTEM, encrypted: YES, protectionOn: YES, method: 'bitlocker-xts-aes-128' }),
      'pass', 'ENCRYPTION_ON', 'The volume holding school data is encrypted: C:.'],
    ['LUKS root and home, protection not reported', volumes(
      { name: '/', role: SYSTEM, encrypted: YES, protectionOn: UNKNOWN },
      { name: '/home', role: HOME, encrypted: YES }), 'pass', 'ENCRYPTION_ON', 'All 2 volumes holding school data are encrypted: / and /home.'],
    ['an unplaced volume is not judged', volumes(
      { name: 'Macintosh HD - Data', role: SYSTEM, encrypted: YES, protectionOn: YES },
      { name: '/boot/efi', role: OTHER, encrypted: NO }), 'pass', 'ENCRYPTION_ON', /Macintosh HD - Data\.$/],
    ['system volume not encrypted', volumes({ name: 'C:', role: SYSTEM, encrypted: NO, protectionOn: NO, state: 'fully-decrypted' }),
      'fail', 'ENCRYPTION_OFF', 'C: is not encrypted (fully-decrypted).'],
    ['FileVault armed for the next restart: pending, never a pass', volumes({ name: 'Data', role: SYSTEM, encrypted: NO, protectionOn: NO, state: 'enablement-pending-restart' }),
      'fail', 'ENCRYPTION_OFF', 'Data is not encrypted (FileVault is set to switch on at the next restart; until then nothing is encrypted).'],
    ['FileVault deferred to the next login (as an MDM arms it): pending, never a pass', volumes({ name: 'Data', role: SYSTEM, encrypted: NO, protectionOn: NO, state: 'enablement-deferred-to-login' }),
      'fail', 'ENCRYPTION_OFF', /^Data is not encrypted \(FileVault is set to switch on when its user next logs in/],
    ['BitLocker suspended', volumes({ name: 'C:', role: SYSTEM, encrypted: YES, protectionOn: NO }),
      'fail', 'ENCRYPTION_PROTECTION_OFF', /^C: is encrypted but its protection is off/],
    ['each failing volume is named', volumes(
      { name: 'C:', role: SYSTEM, encrypted: YES, protectionOn: YES },
      { name: 'D:', role: DATA, encrypted: NO },
      { device: '/dev/sdb1', role: DATA, encrypted: NO }),
    'fail', 'ENCRYPTION_OFF', 'D: is not encrypted. /dev/sdb1 is not encrypted.'],
    ['a known failure outweighs an unknown volume', volumes(
      { name: '/', role: SYSTEM, encrypted: UNKNOWN },
      { name: '/home', role: HOME, encrypted: NO }), 'fail', 'ENCRYPTION_OFF', '/home is not encrypted.'],
    ['encryption not reported', volumes({ name: '/', role: SYSTEM, encrypted: UNKNOWN }),
      'unknown', 'ENCRYPTION_STATE_UNKNOWN', 'The device did not report whether / is encrypted, which the school\'s policy needs.'],
    ['encrypted field absent (proto default)', volumes({ name: 'C:', role: SYSTEM }), 'unknown', 'ENCRYPTION_STATE_UNKNOWN', /whether C: is encrypted/],
    ['no volumes', volumes(), 'unknown', 'NO_VOLUMES', /reported no system, home or fixed data volume/],
    ['only unplaced volumes', volumes({ name: '/mnt/x', role: OTHER, encrypted: YES }), 'unknown', 'NO_VOLUMES', /cannot be judged/],
  ]);
});
