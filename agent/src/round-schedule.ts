// When each check's rounds fall, from the pack's cron expressions, in the device's local time.
// node-cron reads the expression (so the agent accepts exactly what the collector validated), but
// its scheduler asks Intl for the date's parts at every match, which loads ICU's data: about 8 MB
// of an agent that is idle almost always. The next time is found here with Date's own local
// getters instead. Expressions with L, W or # (last day, weekday, nth weekday) keep node-cron's
// own scheduler: rare, and exactly as node-cron means them.
import cron from 'node-cron';

type Fields = ReturnType<typeof cron.parse>;

export interface RoundSchedule {
  readonly expression: string;
  /** The next `count` times after `from`. */
  nextRuns(count: number, from?: Date): Date[];
  stop(): void;
}

/** setTimeout's longest wait; a later run is reached in several waits. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** A schedule that matches nothing in this long matches nothing at all (30 February). */
const SEARCH_LIMIT_MS = 5 * 366 * 86_400_000;

const isNumeric = (fields: Fields): boolean =>
  [fields.dayOfMonth, fields.dayOfWeek].every((values) => values.every((value) => typeof value === 'number'));

/** The first time after `after` (to the second) that the fields match, or undefined within five years. */
export const nextMatch = (fields: Fields, after: Date): Date | undefined => {
  const t = new Date(after.getTime());
  t.setMilliseconds(0);
  t.setSeconds(t.getSeconds() + 1);
  const limit = after.getTime() + SEARCH_LIMIT_MS;
  const days = fields.dayOfMonth as number[];
  const weekdays = fields.dayOfWeek as number[];
  while (t.getTime() <= limit) {
    if (!fields.month.includes(t.getMonth() + 1)) {
      t.setMonth(t.getMonth() + 1, 1);
      t.setHours(0, 0, 0);
    } else if (!days.includes(t.getDate()) || !weekdays.includes(t.getDay())) {
      t.setDate(t.getDate() + 1);
      t.setHours(0, 0, 0);
    } else if (!fields.hour.includes(t.getHours())) {
      t.setHours(t.getHours() + 1, 0, 0);
    } else if (!fields.minute.includes(t.getMinutes())) {
      t.setMinutes(t.getMinutes() + 1, 0);
    } else {
      const second = fields.second.find((candidate) => candidate >= t.getSeconds());
      if (second !== undefined) {
        t.setSeconds(second);
        return t;
      }
      t.setMinutes(t.getMinutes() + 1, 0);
    }
  }
  return undefined;
};

const byNodeCron = (expression: string, onRun: () => void, name: string): RoundSchedule => {
  const task = cron.createTask(expression, onRun, { name });
  void task.start();
  return {
    expression,
    nextRuns: (count) => task.getNextRuns(count),
    stop: () => { void task.destroy(); },
  };
};

/** Calls `onRun` at every time the expression names until stopped; throws on an expression node-cron refuses. */
export const startRoundSchedule = (expression: string, onRun: () => void, name: string): RoundSchedule => {
  const fields = cron.parse(expression);
  if (!isNumeric(fields)) return byNodeCron(expression, onRun, name);
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const nextRuns = (count: number, from: Date = new Date()): Date[] => {
    const runs: Date[] = [];
    let after = from;
    for (let next = nextMatch(fields, after); next && runs.length < count; next = nextMatch(fields, after)) {
      runs.push(next);
      after = next;
    }
    return runs;
  };
  const arm = (due: Date): void => {
    if (stopped) return;
    const wait = due.getTime() - Date.now();
    if (wait > MAX_TIMER_MS) {
      timer = setTimeout(() => arm(due), MAX_TIMER_MS);
      return;
    }
    timer = setTimeout(() => {
      // Woken early (a clock step back): wait again for the same time; late (sleep, a step forward): run now, then carry on.
      if (Date.now() < due.getTime()) return arm(due);
      onRun();
      armNext();
    }, Math.max(0, wait));
  };
  const armNext = (): void => {
    const [next] = nextRuns(1);
    if (next) arm(next);
  };
  armNext();
  return {
    expression,
    nextRuns,
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
};
