import { describe, expect, it } from 'vitest';
import { overlapMs, segmentsOf, shareOf, timeByState } from '../../src/reports/timeline.ts';

describe('readings turned into time', () => {
  const window = { from: 100, to: 1000 };

  it('holds each reading until the next, for at most the limit, cut to the window', () => {
    const readings = [{ at: 50, state: 'on' }, { at: 200, state: 'on' }, { at: 300, state: 'off' }, { at: 600, state: 'on' }] as const;
    expect(segmentsOf([...readings], 250, window)).toEqual([
      { from: 100, to: 300, state: 'on' }, { from: 300, to: 550, state: 'off' }, { from: 600, to: 850, state: 'on' },
    ]);
  });

  it('counts only the time inside the spans, and a share only of what was known', () => {
    const spans = [{ from: 0, to: 200 }, { from: 400, to: 500 }];
    expect(overlapMs(150, 450, spans)).toBe(100);
    const totals = timeByState([{ from: 100, to: 300, state: 'on' }, { from: 300, to: 550, state: 'off' }], spans);
    expect(Object.fromEntries(totals)).toEqual({ on: 100, off: 100 });
    expect(shareOf(0, 0)).toBeNull();
    expect(shareOf(3, 1)).toBe(0.75);
  });
});
