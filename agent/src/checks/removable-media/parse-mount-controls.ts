// A configuration profile's media restrictions, as the device keeps them in
// "/Library/Managed Preferences/com.apple.systemuiserver.plist": mount-controls maps a
// media kind (harddisk-external, dvd, cd, ...) to actions (deny, eject, read-only, authenticate).
import { Tri } from '@invigilator/shared/wire.ts';
import { parsed, type Parsed } from '../types.ts';
import { arrayAt, dictAt, readPlistDict } from '../../parsers/plist.ts';
import type { RemovablePosture } from './removable-posture.ts';

export const NO_PROFILE: RemovablePosture = {
  storageBlocked: Tri.TRI_NO, writeBlocked: Tri.TRI_NO, postureProblem: '',
  mechanism: 'no configuration profile restricts external disks (mount-controls)',
};

export const parseMountControls = (text: string, source: string): Parsed<RemovablePosture> => {
  const dict = readPlistDict(text, source);
  if (!dict.ok) return dict;
  const controls = dictAt(dict.value, 'mount-controls');
  const external = (controls && arrayAt(controls, 'harddisk-external')) ?? [];
  const actions = new Set(external.filter((action): action is string => typeof action === 'string').map((action) => action.toLowerCase()));
  const blocked = actions.has('deny') || actions.has('eject');
  const readOnly = blocked || actions.has('read-only');
  if (!blocked && !readOnly) return parsed(NO_PROFILE);
  return parsed({
    storageBlocked: blocked ? Tri.TRI_YES : Tri.TRI_NO,
    writeBlocked: readOnly ? Tri.TRI_YES : Tri.TRI_NO,
    mechanism: `configuration profile: external disks ${blocked ? 'denied' : 'read-only'} (mount-controls)`,
    postureProblem: '',
  });
};
