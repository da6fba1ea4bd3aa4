import cron from 'node-cron';
import { describe, expect, it } from 'vitest';
import { MAX_SPREAD_MS, roundOffsetMs, shortestGapMs } from '../src/round-offset.ts';

const nextRuns = (expression: string): Date[] => {
  const task = cron.createTask(expression, () => undefined);
  const runs = task.getNextRuns(8);
  void task.destroy();
  return runs;
};

describe('roundOffsetMs', () => {
  it('gives a device the same offset every time, and different devices different offsets', () => {
    const hourly = nextRuns('7 * * * *');
    expect(roundOffsetMs('dev-a', hourly)).toBe(roundOffsetMs('dev-a', nextRuns('7 * * * *')));
    const offsets = new Set(Array.from({ length: 50 }, (_unused, index) => roundOffsetMs(`device-${index}`, hourly)));
    expect(offsets.size).toBeGreaterThan(45);
    for (const offset of offsets) expect(offset).toBeGreaterThanOrEqual(0);
    expect(Math.max(...offsets)).toBeLessThan(MAX_SPREAD_MS);
    // Spread, not bunched: the devices use most of the ten-minute window.
    expect(Math.max(...offsets) - Math.min(...offsets)).toBeGreaterThan(MAX_SPREAD_MS / 2);
  });

  it('keeps a frequent check inside half its own period, so it never runs into its next round', () => {
    const everyFive = nextRuns('*/5 * * * *');
    expect(shortestGapMs(everyFive)).toBe(5 * 60_000);
    for (let index = 0; index < 50; index += 1) expect(roundOffsetMs(`device-${index}`, everyFive)).toBeLessThan(150_000);
  });

  it('has no offset without a device id or a schedule', () => {
    expect(roundOffsetMs('', nextRuns('7 * * * *'))).toBe(0);
    expect(roundOffsetMs('dev-a', [])).toBe(0);
  });
});
