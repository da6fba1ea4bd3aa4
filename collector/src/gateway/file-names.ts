// The school's "hash file names" setting, applied by the collector too: an agent still
// running the previous pack sends names in clear until it next says Hello.
import type { PolicyPack } from '@invigilator/shared/policy/types.ts';
import type { MisuseEvent } from '@invigilator/shared/wire.ts';
import { sha256 } from '../alerts/rules.ts';

/** The misuse event as the school's pack allows it to be kept: names and folders hashed when it asks. */
export const withFileNamesAsPolicySays = (misuse: MisuseEvent, pack: PolicyPack): MisuseEvent => {
  const file = misuse.file;
  if (!pack.checks.removableMedia.hashFileNames || !file) return misuse;
  // An agent that hashed sends no name; its folder is then hashed already.
  if (!file.name && file.nameSha256) return misuse;
  const { name, nameSha256, relativeDir } = file;
  return {
    ...misuse,
    file: {
      ...file,
      name: '',
      nameSha256: name ? sha256(name) : (nameSha256 ?? ''),
      relativeDir: relativeDir ? sha256(relativeDir) : '',
    },
  };
};
