// Long-running watchers report misuse as it happens (seconds, not minutes).
// Each platform has one file in watchers/removable-media/ exporting `createWatcher`,
// and one in watchers/misuse/ listing its misuse watchers.
import type { Logger } from '@invigilator/shared/logger.ts';
import type { MisuseSettings } from '@invigilator/shared/misuse-settings.ts';
import type { MisuseEvent } from '@invigilator/shared/wire.ts';
import type { SourceProvider } from '../checks/types.ts';
import type { UserLookup } from '../logged-in-user.ts';

export interface WatcherOptions {
  /** Folders where removable volumes appear (/media and /run/media, /Volumes); unused on Windows (drive letters). */
  mountRoots: readonly string[];
  /** Policy: report SHA-256 of file names instead of the names. */
  hashFileNames: boolean;
  /** Hands an event to the outbox; the outbox stores it before anything is sent. */
  emit: (event: MisuseEvent) => void;
  logger: Logger;
  /** What misuse to watch for (the school's pack); the removable-media watchers do not need it. */
  misuse?: MisuseSettings;
  /** Who is at the device now, for events the OS does not tie to an account. */
  currentUser?: UserLookup;
  /** Reads declared sources (the live system; tests may record). */
  provider?: SourceProvider;
}

export interface Watcher {
  start(): Promise<void>;
  stop(): Promise<void>;
}

export type WatcherFactory = (options: WatcherOptions) => Watcher;
