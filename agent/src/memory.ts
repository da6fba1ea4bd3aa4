// One full garbage collection when a burst of work is over (start-up's first round, a memory
// stick's first scan): V8 then hands back the pages the burst used, which an agent that is idle
// almost all the time would otherwise keep for a long while. gc() is there where the agent is
// started with --expose-gc, as the installed single executable is; elsewhere this does nothing.
export const collectGarbage = (): void => {
  (globalThis as { gc?: () => void }).gc?.();
};
