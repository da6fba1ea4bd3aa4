// The linux checks, in the order a round reports them. Loaded only on linux, or to replay a linux bundle.
import type { PlatformCheck } from './types.ts';
import { check as encryption } from './encryption/linux.ts';
import { check as antivirus } from './antivirus/linux.ts';
import { check as firewall } from './firewall/linux.ts';
import { check as passwordPolicy } from './password-policy/linux.ts';
import { check as removableMedia } from './removable-media/linux.ts';
import { check as screenLock } from './screen-lock/linux.ts';

export const LINUX_CHECKS: readonly PlatformCheck[] = Object.freeze([encryption, antivirus, firewall, passwordPolicy, removableMedia, screenLock]);
