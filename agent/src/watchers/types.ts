// Long-running watchers report misuse as it happens (seconds, not minutes).
// Each platform has one file in watchers/removable-media/ exporting `createWatcher`.
import type { Logger } from '@invigilator/shared/logger.ts';
import type { MisuseEvent } from '@invigilator/shared/wire.ts';

export interface WatcherOptions {
  /** Folders where removable volumes appear (/media and /run/media, /Volumes); unused on Windows (drive letters). */
  mountRoots: readonly string[];
  /** Policy: report SHA-256 of file names instead of the names. */
  hashFileNames: boolean;
  /** Hands an event to the outbox; the outbox stores it before anything is sent. */
  emit: (event: MisuseEvent) => void;
  logger: Logger;
}

export interface Watcher {
  start(): Promise<void>;
  stop(): Promise<void>;
}

export type WatcherFactory = (options: WatcherOptions) => Watcher;
