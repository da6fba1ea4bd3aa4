// Several watchers started and stopped as one; one that fails to start is
// logged and the others keep running.
import { codeOf } from '@invigilator/shared/errors.ts';
import type { Logger } from '@invigilator/shared/logger.ts';
import type { Watcher } from './types.ts';

export const combineWatchers = (watchers: readonly Watcher[], logger: Logger): Watcher => ({
  async start() {
    const results = await Promise.allSettled(watchers.map((watcher) => watcher.start()));
    for (const result of results) {
      if (result.status === 'rejected') logger.error({ code: codeOf(result.reason), err: result.reason }, 'A watcher could not start; the others keep running.');
    }
  },
  async stop() {
    await Promise.allSettled(watchers.map((watcher) => watcher.stop()));
  },
});
