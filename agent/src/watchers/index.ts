// Picks the watchers for the platform the agent runs on: removable media, and
// the misuse watchers the school's pack switches on. Only the running platform's
// modules are loaded (another platform's, with their libraries, would only cost memory).
import type { AgentPlatform } from '@invigilator/shared/checks.ts';
import { combineWatchers } from './combined.ts';
import type { Watcher, WatcherFactory, WatcherOptions } from './types.ts';

interface PlatformWatchers { media: WatcherFactory; misuse: (options: WatcherOptions) => Watcher[] }

const LOADERS: Record<AgentPlatform, () => Promise<PlatformWatchers>> = {
  linux: async () => ({
    media: (await import('./removable-media/linux.ts')).createWatcher,
    misuse: (await import('./misuse/linux.ts')).linuxMisuseWatchers,
  }),
  macos: async () => ({
    media: (await import('./removable-media/macos.ts')).createWatcher,
    misuse: (await import('./misuse/macos.ts')).macosMisuseWatchers,
  }),
  windows: async () => ({
    media: (await import('./removable-media/windows.ts')).createWatcher,
    misuse: (await import('./misuse/windows.ts')).windowsMisuseWatchers,
  }),
};

export const watcherFactoryFor = (platform: AgentPlatform): WatcherFactory => (options) => {
  let started: Watcher | undefined;
  let stopped = false;
  return {
    async start() {
      const parts = await LOADERS[platform]();
      if (stopped) return; // stopped while the modules loaded
      started = combineWatchers([parts.media(options), ...parts.misuse(options)], options.logger);
      await started.start();
    },
    async stop() {
      stopped = true;
      await started?.stop();
    },
  };
};

export { defaultMountRoots } from './default-mount-roots.ts';
