// status.json is rewritten only when what it says changes (or every ten minutes,
// so `status` can tell a live agent from one that stopped writing): a laptop's
// disk is not woken every few seconds to write the same bytes again.
import type { AgentStatus } from './state.ts';

export const STATUS_REFRESH_MS = 10 * 60_000;

export const createStatusWriter = (write: (status: AgentStatus) => void, refreshMs = STATUS_REFRESH_MS, now: () => number = Date.now) => {
  let lastContent: string | undefined;
  let lastWriteAtMs = 0;
  return (status: Omit<AgentStatus, 'updatedAtMs'>): boolean => {
    const content = JSON.stringify(status);
    const at = now();
    if (content === lastContent && at - lastWriteAtMs < refreshMs) return false;
    write({ ...status, updatedAtMs: at });
    lastContent = content;
    lastWriteAtMs = at;
    return true;
  };
};
