// Windows and macOS keep no list of refused passwords for local accounts, but the
// accounts pupils and staff sign in with usually belong to a directory (Microsoft Entra
// ID, whose banned-password list is always on; Active Directory with a password filter
// on its domain controllers) that the device cannot see. So the device cannot know.
import { Tri } from '@invigilator/shared/wire.ts';

export const DIRECTORY_DENY_LIST = {
  denyListEnforced: Tri.TRI_UNKNOWN,
  denyListProblem: 'a list of refused passwords is kept by the directory accounts sign in with (Microsoft Entra ID, Active Directory), which the device cannot see',
} as const;
