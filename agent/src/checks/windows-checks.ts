// The windows checks, in the order a round reports them. Loaded only on windows, or to replay a windows bundle.
import type { PlatformCheck } from './types.ts';
import { check as encryption } from './encryption/windows.ts';
import { check as antivirus } from './antivirus/windows.ts';
import { check as firewall } from './firewall/windows.ts';
import { check as passwordPolicy } from './password-policy/windows.ts';
import { check as removableMedia } from './removable-media/windows.ts';
import { check as screenLock } from './screen-lock/windows.ts';

export const WINDOWS_CHECKS: readonly PlatformCheck[] = Object.freeze([encryption, antivirus, firewall, passwordPolicy, removableMedia, screenLock]);
