// A look repeated every few seconds, never two at once (a slow look is skipped,
// not stacked); the first look runs before start() resolves.
import type { Watcher } from './types.ts';

export const createPoller = (look: () => Promise<void>, intervalMs: number, onError: (error: unknown) => void): Watcher => {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const tick = (): void => {
    if (running) return;
    running = look().catch(onError).finally(() => { running = undefined; });
  };
  return {
    async start() {
      tick();
      await running;
      timer = setInterval(tick, intervalMs);
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
};
