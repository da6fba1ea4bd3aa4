// Picks the removable-media watcher for the platform the agent runs on.
import type { AgentPlatform } from '@invigilator/shared/checks.ts';
import { createWatcher as linuxWatcher } from './removable-media/linux.ts';
import { createWatcher as macosWatcher } from './removable-media/macos.ts';
import { createWatcher as windowsWatcher } from './removable-media/windows.ts';
import type { WatcherFactory } from './types.ts';

const FACTORIES: Record<AgentPlatform, WatcherFactory> = {
  linux: linuxWatcher,
  macos: macosWatcher,
  windows: windowsWatcher,
};

export const watcherFactoryFor = (platform: AgentPlatform): WatcherFactory => FACTORIES[platform];

export { defaultMountRoots } from './default-mount-roots.ts';
