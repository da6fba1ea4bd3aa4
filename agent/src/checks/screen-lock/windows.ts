// Windows idle lock: the machine inactivity limit (Group Policy "Interactive logon:
// Machine inactivity limit", InactivityTimeoutSecs: locks the session), and the
// signed-in user's secure screen saver (their Group Policy values, else their own
// Control Panel values, from HKEY_USERS as the agent runs as SYSTEM), and the power
// policy "Require a password when a computer wakes". The user's name is never printed.
import { CollectionStatus } from '@invigilator/shared/wire.ts';
import { findingFrom } from '../findings.ts';
import type { CommandSource, PlatformCheck } from '../types.ts';
import { parsePowerShellSource, powershellSource } from '../windows-powershell.ts';
import { READ_VALUES_FUNCTION } from '../windows-registry.ts';
import { parseWindowsScreenLock } from './parse-windows-screen-lock.ts';

export const WINDOWS_SCREEN_LOCK_SOURCE = 'windows.screen-lock-settings';

const DESKTOP_VALUES = '@(\'ScreenSaveActive\', \'ScreenSaverIsSecure\', \'ScreenSaveTimeOut\', \'SCRNSAVE.EXE\')';
const WAKE_PASSWORD_KEY = 'HKLM:\\SOFTWARE\\Policies\\Microsoft\\Power\\PowerSettings\\0e796bdb-100d-47d6-a2d5-f7d2daa51f51';

const SCRIPT = [
  READ_VALUES_FUNCTION,
  '$user = (Get-CimInstance -ClassName Win32_ComputerSystem).UserName',
  '$sid = if ($user) { (New-Object System.Security.Principal.NTAccount($user)).Translate([System.Security.Principal.SecurityIdentifier]).Value } else { $null }',
  `$names = ${DESKTOP_VALUES}`,
  '[pscustomobject]@{'
    + ' Machine = Read-Values \'HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System\' @(\'InactivityTimeoutSecs\');'
    + ' UserSignedIn = [bool]$user;'
    + ' UserPolicy = if ($sid) { Read-Values (\'Registry::HKEY_USERS\\\' + $sid + \'\\Software\\Policies\\Microsoft\\Windows\\Control Panel\\Desktop\') $names } else { $null };'
    + ' UserSetting = if ($sid) { Read-Values (\'Registry::HKEY_USERS\\\' + $sid + \'\\Control Panel\\Desktop\') $names } else { $null };'
    + ` WakePassword = Read-Values '${WAKE_PASSWORD_KEY}' @('ACSettingIndex', 'DCSettingIndex') }`,
].join('; ');

export const windowsScreenLockSource = (): CommandSource => powershellSource(WINDOWS_SCREEN_LOCK_SOURCE, SCRIPT);

export const check: PlatformCheck = {
  check: 'screen-lock',
  platform: 'windows',
  sources: () => [windowsScreenLockSource()],
  interpret: (collected) => findingFrom(parsePowerShellSource(collected, WINDOWS_SCREEN_LOCK_SOURCE, parseWindowsScreenLock),
    (screenLock) => ({ status: CollectionStatus.COLLECTED, screenLock })),
};
