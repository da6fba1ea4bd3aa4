// The agent's own reading of when rounds fall must agree with node-cron's, which the collector
// validates packs with: compared here on the expressions packs use and on awkward ones.
import cron from 'node-cron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { nextMatch, startRoundSchedule } from '../src/round-schedule.ts';

const EXPRESSIONS = [
  '12 * * * *', '37 * * * *', '*/15 * * * *', '0 */6 * * *', '30 7 * * 1-5', '0 8-16/2 * jan-mar mon-fri',
  '15,45 9 1,15 * *', '0 0 29 2 *', '*/20 * * * * *', '0 12 * * 7', '5 4 * * sun',
];

afterEach(() => { vi.useRealTimers(); });

describe('round schedules', () => {
  it.each(EXPRESSIONS)('"%s" falls when node-cron says it does', (expression) => {
    const from = new Date(2026, 10, 30, 23, 58, 30);
    vi.useFakeTimers({ now: from, toFake: ['Date'] });
    const task = cron.createTask(expression, () => undefined);
    const expected = task.getNextRuns(12).map((date) => date.toISOString());
    void task.destroy();
    const schedule = startRoundSchedule(expression, () => undefined, 'test');
    try {
      expect(schedule.nextRuns(12, from).map((date) => date.toISOString())).toEqual(expected);
    } finally {
      schedule.stop();
    }
  });

  it('finds nothing for a day that never comes, without looping for ever', () => {
    // node-cron refuses "30 2" itself; 31 February or April, put together by hand, still matches nothing.
    const fields = { ...cron.parse('0 0 1 2 *'), dayOfMonth: [31], month: [2, 4] };
    expect(nextMatch(fields, new Date(2026, 0, 1))).toBeUndefined();
  });

  it('runs at each time until stopped', () => {
    vi.useFakeTimers({ now: new Date(2026, 10, 30, 10, 14, 0) });
    let runs = 0;
    const schedule = startRoundSchedule('*/15 * * * *', () => { runs += 1; }, 'test');
    vi.advanceTimersByTime(60_000); // 10:15
    expect(runs).toBe(1);
    vi.advanceTimersByTime(30 * 60_000); // 10:30, 10:45
    expect(runs).toBe(3);
    schedule.stop();
    vi.advanceTimersByTime(60 * 60_000);
    expect(runs).toBe(3);
  });

  it('keeps node-cron\'s own scheduler for the last day of the month', () => {
    const schedule = startRoundSchedule('0 0 L * *', () => undefined, 'test');
    try {
      expect(schedule.nextRuns(1)[0]!.getDate()).toBe(new Date(schedule.nextRuns(1)[0]!.getFullYear(), schedule.nextRuns(1)[0]!.getMonth() + 1, 0).getDate());
    } finally {
      schedule.stop();
    }
  });

  it('refuses what node-cron refuses', () => {
    expect(() => startRoundSchedule('every hour', () => undefined, 'test')).toThrow();
  });
});
