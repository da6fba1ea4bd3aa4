// Every check for every platform, in one place: the agent runs checksFor(its platform),
// a replay runs checksFor(the bundle's platform). Only the platform asked for is loaded:
// another platform's checks (and their scripts) would only take memory.
import type { AgentPlatform } from '@invigilator/shared/checks.ts';
import type { PlatformCheck } from './types.ts';

const LOADERS: Record<AgentPlatform, () => Promise<readonly PlatformCheck[]>> = {
  linux: async () => (await import('./linux-checks.ts')).LINUX_CHECKS,
  windows: async () => (await import('./windows-checks.ts')).WINDOWS_CHECKS,
  macos: async () => (await import('./macos-checks.ts')).MACOS_CHECKS,
};

export const checksFor = (platform: AgentPlatform): Promise<readonly PlatformCheck[]> => LOADERS[platform]();
