// Where removable volumes appear until the collector's config says otherwise;
// Windows uses drive letters, not folders. Kept apart from the watchers so that
// `check` and `diagnose` do not load them.
import { DEFAULT_AGENT_SETTINGS } from '@invigilator/shared/agent-config.ts';
import type { AgentPlatform } from '@invigilator/shared/checks.ts';

const MOUNT_ROOTS: Record<AgentPlatform, readonly string[]> = {
  linux: DEFAULT_AGENT_SETTINGS.removableMountRoots,
  macos: DEFAULT_AGENT_SETTINGS.removableMountRoots,
  windows: Object.freeze([]),
};

export const defaultMountRoots = (platform: AgentPlatform): readonly string[] => MOUNT_ROOTS[platform];
