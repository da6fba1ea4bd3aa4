// `findmnt --poll -r -n -o ACTION,TARGET,SOURCE,FSTYPE`: one line per change of
// the mount table, as the kernel signals it ("mount /media/pupil/STICK /dev/sdb1
// vfat"). Raw mode writes a space or other unsafe byte inside a value as \xHH.
import { parsed, type Parsed } from '../../checks/types.ts';
import { unreadable } from '../../parsers/reasons.ts';

export const FINDMNT_POLL_ID = 'linux.findmnt-poll';
export const FINDMNT_POLL_ARGS = ['--poll', '-r', '-n', '-o', 'ACTION,TARGET,SOURCE,FSTYPE'] as const;

export interface MountChange {
  action: 'mount' | 'umount' | 'remount' | 'move';
  mountPoint: string;
  source: string;
  fsType: string;
}

/** Each run of \xHH escapes is one byte sequence (a multi-byte UTF-8 letter is several escapes). */
const unescapeRaw = (value: string): string =>
  value.replace(/(?:\\x[0-9a-fA-F]{2})+/g, (run) => Buffer.from(run.replace(/\\x/g, ''), 'hex').toString('utf8'));

const ACTIONS = new Set(['mount', 'umount', 'remount', 'move']);

export const parseFindmntPollLine = (line: string): Parsed<MountChange> => {
  const fields = line.trim().split(' ');
  if (fields.length !== 4 || !ACTIONS.has(fields[0]!)) {
    return unreadable('OUTPUT_UNRECOGNISED', FINDMNT_POLL_ID, `expected "ACTION TARGET SOURCE FSTYPE", got "${line.slice(0, 120)}"`);
  }
  const [action, target, source, fsType] = fields as [MountChange['action'], string, string, string];
  return parsed({ action, mountPoint: unescapeRaw(target), source: unescapeRaw(source), fsType: unescapeRaw(fsType) });
};
