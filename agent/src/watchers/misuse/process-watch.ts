// Filter-bypass tools as they start: the platform lists its processes every few
// seconds (cheap: only processes not seen before are looked at closely), and
// each new one whose program matches the school's list is reported once.
import { ERRORS, codeOf } from '@invigilator/shared/errors.ts';
import type { Logger } from '@invigilator/shared/logger.ts';
import type { MisuseEvent } from '@invigilator/shared/wire.ts';
import type { MisuseSettings } from '@invigilator/shared/misuse-settings.ts';
import { createPoller } from '../poller.ts';
import type { Watcher } from '../types.ts';
import { matchBypassTool } from './bypass-match.ts';
import { bypassToolStarted } from './misuse-events.ts';

export interface SeenProcess {
  /** Tells a process apart from an earlier one with the same pid (start time, or pid alone where unknown). */
  key: string;
  programPath: string;
  /** The account running it; '' when the platform does not say (then the logged-in user is reported). */
  user: string;
}

export interface ProcessLister {
  /** The keys of every running process, and a description of those not in `known`. */
  list(known: ReadonlySet<string>): Promise<ProcessListing>;
}

export interface ProcessListing { keys: string[]; fresh: SeenProcess[] }

/** For platforms whose tool lists everything each time: the listing as keys and the processes not seen before. */
export const listingOf = (all: readonly SeenProcess[], known: ReadonlySet<string>): ProcessListing =>
  ({ keys: all.map((process) => process.key), fresh: all.filter((process) => !known.has(process.key)) });

export interface ProcessWatchOptions {
  lister: ProcessLister;
  settings: () => MisuseSettings;
  emit: (event: MisuseEvent) => void;
  currentUser: () => Promise<string>;
  logger: Logger;
  intervalMs: number;
}

export const createProcessWatch = (options: ProcessWatchOptions): Watcher => {
  let known = new Set<string>();
  // Tools already running when the agent starts are reported too: the first listing is compared with nothing.
  const look = async (): Promise<void> => {
    const { keys, fresh } = await options.lister.list(known);
    known = new Set(keys);
    const settings = options.settings();
    for (const process of fresh) {
      const tool = matchBypassTool(process.programPath, settings);
      if (!tool) continue;
      const user = process.user || await options.currentUser();
      options.logger.info({ tool, program: process.programPath, user }, 'A filter-bypass tool was started.');
      options.emit(bypassToolStarted(tool, process.programPath, user));
    }
  };
  return createPoller(look, options.intervalMs, (error) =>
    options.logger.warn({ code: codeOf(error), err: error }, `${ERRORS[codeOf(error)]} (listing processes for filter-bypass tools)`));
};
