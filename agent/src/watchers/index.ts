// Picks the watchers for the platform the agent runs on: removable media, and
// the misuse watchers the school's pack switches on.
import type { AgentPlatform } from '@invigilator/shared/checks.ts';
import { combineWatchers } from './combined.ts';
import { linuxMisuseWatchers } from './misuse/linux.ts';
import { macosMisuseWatchers } from './misuse/macos.ts';
import { windowsMisuseWatchers } from './misuse/windows.ts';
import { createWatcher as linuxWatcher } from './removable-media/linux.ts';
import { createWatcher as macosWatcher } from './removable-media/macos.ts';
import { createWatcher as windowsWatcher } from './removable-media/windows.ts';
import type { Watcher, WatcherFactory, WatcherOptions } from './types.ts';

const PARTS: Record<AgentPlatform, { media: WatcherFactory; misuse: (options: WatcherOptions) => Watcher[] }> = {
  linux: { media: linuxWatcher, misuse: linuxMisuseWatchers },
  macos: { media: macosWatcher, misuse: macosMisuseWatchers },
  windows: { media: windowsWatcher, misuse: windowsMisuseWatchers },
};

export const watcherFactoryFor = (platform: AgentPlatform): WatcherFactory => (options) =>
  combineWatchers([PARTS[platform].media(options), ...PARTS[platform].misuse(options)], options.logger);

export { defaultMountRoots } from './default-mount-roots.ts';
