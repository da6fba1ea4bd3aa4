import { describe, expect, it } from 'vitest';
import type { AgentStatus } from '../src/state.ts';
import { createStatusWriter } from '../src/status-writer.ts';

const status = { connected: true, lastAckAtMs: 1, lastAckSeq: 2, outboxDepth: 0, lastError: null, pid: 42 };

describe('createStatusWriter', () => {
  it('writes only when the status changes, or when the last write is old', () => {
    const written: AgentStatus[] = [];
    let now = 1_000;
    const save = createStatusWriter((value) => written.push(value), 60_000, () => now);
    expect(save(status)).toBe(true);
    now += 5_000;
    expect(save(status)).toBe(false);
    now += 5_000;
    expect(save({ ...status, outboxDepth: 3 })).toBe(true);
    now += 60_000;
    expect(save({ ...status, outboxDepth: 3 })).toBe(true);
    expect(written.map((value) => [value.outboxDepth, value.updatedAtMs])).toEqual([[0, 1_000], [3, 11_000], [3, 71_000]]);
  });
});
