// The macos checks, in the order a round reports them. Loaded only on macos, or to replay a macos bundle.
import type { PlatformCheck } from './types.ts';
import { check as encryption } from './encryption/macos.ts';
import { check as antivirus } from './antivirus/macos.ts';
import { check as firewall } from './firewall/macos.ts';
import { check as passwordPolicy } from './password-policy/macos.ts';
import { check as removableMedia } from './removable-media/macos.ts';
import { check as screenLock } from './screen-lock/macos.ts';

export const MACOS_CHECKS: readonly PlatformCheck[] = Object.freeze([encryption, antivirus, firewall, passwordPolicy, removableMedia, screenLock]);
