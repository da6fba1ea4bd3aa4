// `fdesetup status`: whether FileVault is on, and any conversion under way.
// Seen forms: "FileVault is On." / "FileVault is Off." first, optionally followed by
// "FileVault master keychain appears to be installed." or
// "Encryption|Decryption in progress: Percent completed = 37" / "...: Pending".
// Enablement armed but not begun (how an MDM switches FileVault on) reads
// "FileVault is Off, but will be enabled after the next restart." and/or
// "Deferred enablement appears to be active for user 'name'.": off, and pending.
import { parsed, type Parsed } from '../types.ts';
import { unreadable } from '../../parsers/reasons.ts';

export const FDESETUP_STATUS_SOURCE = 'macos.fdesetup-status';

export interface FileVaultStatus {
  on: boolean;
  /** Off, but switched on at the next restart, or at a user's next login (deferred enablement). */
  pendingEnablement?: 'restart' | 'login';
  conversion?: { direction: 'encrypting' | 'decrypting'; percent?: number; pending: boolean };
}

const STATE = /^FileVault is (On|Off)(, but will be enabled after the next restart)?\.$/;
const DEFERRED = /^Deferred enablement appears to be active for user ['"].*['"]\.?$/;
const PROGRESS = /^(Encryption|Decryption) in progress: (?:Percent completed = (\d{1,3}(?:\.\d+)?)|(Pending))\.?$/i;
const KNOWN_NOTES = [/^FileVault master keychain appears to be installed\.$/];

export const parseFdesetupStatus = (text: string): Parsed<FileVaultStatus> => {
  const lines = text.replace(/\r/g, '').split('\n').map((line) => line.trim()).filter((line) => line !== '');
  // Some releases print the deferral line alone: FileVault is then off.
  const alone = DEFERRED.test(lines[0] ?? '');
  const state = alone ? undefined : STATE.exec(lines[0] ?? '');
  if (!state && !alone) return unreadable('OUTPUT_UNRECOGNISED', FDESETUP_STATUS_SOURCE, `first line "${lines[0] ?? ''}" is not "FileVault is On." or "FileVault is Off."`);
  const status: FileVaultStatus = { on: state?.[1] === 'On' };
  if (state?.[2]) status.pendingEnablement = 'restart';
  for (const line of lines.slice(alone ? 0 : 1)) {
    if (DEFERRED.test(line)) {
      // A restart already due wins: it comes first.
      status.pendingEnablement ??= 'login';
      continue;
    }
    const progress = PROGRESS.exec(line);
    if (progress) {
      const percent = progress[2] === undefined ? undefined : Number(progress[2]);
      if (percent !== undefined && percent > 100) return unreadable('OUTPUT_UNRECOGNISED', FDESETUP_STATUS_SOURCE, `percent "${line}" is out of range`);
      status.conversion = {
        direction: progress[1]?.toLowerCase() === 'encryption' ? 'encrypting' : 'decrypting',
        pending: progress[3] !== undefined,
        ...(percent === undefined ? {} : { percent }),
      };
    } else if (!KNOWN_NOTES.some((note) => note.test(line))) {
      // An unknown extra line may carry a state we would otherwise misreport.
      return unreadable('OUTPUT_UNRECOGNISED', FDESETUP_STATUS_SOURCE, `unexpected line "${line}"`);
    }
  }
  return parsed(status);
};
