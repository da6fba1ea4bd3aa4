// Every check for every platform, in one place: the agent runs checksFor(its platform),
// a replay runs checksFor(the bundle's platform).
import type { AgentPlatform } from '@invigilator/shared/checks.ts';
import { check as antivirusLinux } from './antivirus/linux.ts';
import { check as antivirusMacos } from './antivirus/macos.ts';
import { check as antivirusWindows } from './antivirus/windows.ts';
import { check as encryptionLinux } from './encryption/linux.ts';
import { check as encryptionMacos } from './encryption/macos.ts';
import { check as encryptionWindows } from './encryption/windows.ts';
import { check as firewallLinux } from './firewall/linux.ts';
import { check as firewallMacos } from './firewall/macos.ts';
import { check as firewallWindows } from './firewall/windows.ts';
import { check as passwordPolicyLinux } from './password-policy/linux.ts';
import { check as passwordPolicyMacos } from './password-policy/macos.ts';
import { check as passwordPolicyWindows } from './password-policy/windows.ts';
import { check as removableMediaLinux } from './removable-media/linux.ts';
import { check as removableMediaMacos } from './removable-media/macos.ts';
import { check as removableMediaWindows } from './removable-media/windows.ts';
import { check as screenLockLinux } from './screen-lock/linux.ts';
import { check as screenLockMacos } from './screen-lock/macos.ts';
import { check as screenLockWindows } from './screen-lock/windows.ts';
import type { PlatformCheck } from './types.ts';

const CHECKS: Record<AgentPlatform, readonly PlatformCheck[]> = {
  linux: Object.freeze([encryptionLinux, antivirusLinux, firewallLinux, passwordPolicyLinux, removableMediaLinux, screenLockLinux]),
  windows: Object.freeze([encryptionWindows, antivirusWindows, firewallWindows, passwordPolicyWindows, removableMediaWindows, screenLockWindows]),
  macos: Object.freeze([encryptionMacos, antivirusMacos, firewallMacos, passwordPolicyMacos, removableMediaMacos, screenLockMacos]),
};

export const checksFor = (platform: AgentPlatform): readonly PlatformCheck[] => CHECKS[platform];

export const ALL_CHECKS: readonly PlatformCheck[] = Object.freeze(Object.values(CHECKS).flat());
