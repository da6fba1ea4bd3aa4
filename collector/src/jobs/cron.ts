// A node-cron schedule with start() and stop(): one run at a time, never overlapping the last.
import { schedule, type ScheduledTask } from 'node-cron';

export const cronTask = (name: string, expression: string, run: () => Promise<unknown>) => {
  let task: ScheduledTask | undefined;
  return {
    start(): void {
      task = schedule(expression, () => run(), { name, noOverlap: true });
    },
    async stop(): Promise<void> {
      await task?.destroy();
    },
  };
};
