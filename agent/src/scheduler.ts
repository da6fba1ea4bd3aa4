// Runs each check on its own cron schedule (one full round at start) and the
// platform's removable-media watcher; everything they report goes to the outbox.
import cron from 'node-cron';
import { CHECK_NAMES, type CheckName } from '@invigilator/shared/checks.ts';
import type { AgentSettings } from '@invigilator/shared/agent-config.ts';
import type { MisuseSettings } from '@invigilator/shared/misuse-settings.ts';
import { ERRORS } from '@invigilator/shared/errors.ts';
import type { Logger } from '@invigilator/shared/logger.ts';
import type { AgentConfig, MisuseEvent, Observation } from '@invigilator/shared/wire.ts';
import { runCheck } from './checks/runner.ts';
import type { PlatformCheck, SourceProvider } from './checks/types.ts';
import type { UserLookup } from './logged-in-user.ts';
import { roundOffsetMs } from './round-offset.ts';
import { startRoundSchedule, type RoundSchedule } from './round-schedule.ts';
import type { Watcher, WatcherFactory } from './watchers/types.ts';

export interface EventSink {
  append(event: { occurredAtMs: number; observation: Observation } | { occurredAtMs: number; misuse: MisuseEvent }): unknown;
}

export interface SchedulerOptions {
  checks: readonly PlatformCheck[];
  provider: SourceProvider;
  outbox: EventSink;
  logger: Logger;
  settings: AgentSettings;
  watcherFactory?: WatcherFactory;
  /** Who is at the device, for misuse events the OS does not tie to an account. */
  currentUser?: UserLookup;
  /** The device id: scheduled rounds wait a stable offset derived from it (none without it). */
  spreadKey?: string;
}

/** The collector's AgentConfig over the current settings; missing or invalid parts keep their current value. */
export const mergeSettings = (current: AgentSettings, config: AgentConfig, logger: Logger): AgentSettings => {
  const checkSchedules = { ...current.checkSchedules } as Record<CheckName, string>;
  for (const name of CHECK_NAMES) {
    const expression = config.checkSchedules?.[name];
    if (!expression) continue;
    if (cron.validate(expression)) checkSchedules[name] = expression;
    else logger.warn({ code: 'CONFIG_INVALID', check: name, expression }, `${ERRORS.CONFIG_INVALID} The schedule "${expression}" for ${name} is not a cron expression; the previous one is kept.`);
  }
  return {
    policyVersion: config.policyVersion || current.policyVersion,
    checkSchedules,
    removableMountRoots: config.removableMountRoots?.length ? [...config.removableMountRoots] : current.removableMountRoots,
    hashFileNames: config.hashFileNames ?? current.hashFileNames,
    heartbeatSeconds: config.heartbeatSeconds || current.heartbeatSeconds,
    misuse: config.misuse ? misuseSettingsFrom(config.misuse) : current.misuse,
  };
};

/** The collector's misuse settings as sent: an empty list means none (the school emptied it), not "keep the old one". */
const misuseSettingsFrom = (misuse: NonNullable<AgentConfig['misuse']>): MisuseSettings => ({
  safeguards: misuse.safeguards ?? false,
  bypassTools: misuse.bypassTools ?? false,
  bypassToolNames: [...(misuse.bypassToolNames ?? [])],
  approvedTools: [...(misuse.approvedTools ?? [])],
  downloads: misuse.downloads ?? false,
  downloadExtensions: (misuse.downloadExtensions ?? []).map((extension) => extension.toLowerCase()),
  publicWifi: misuse.publicWifi ?? false,
  schoolSsids: [...(misuse.schoolSsids ?? [])],
});

const sameList = (left: readonly string[], right: readonly string[]): boolean =>
  left.length === right.length && left.every((value, index) => value === right[index]);

export class Scheduler {
  readonly #options: SchedulerOptions;
  readonly #tasks = new Map<CheckName, RoundSchedule>();
  readonly #running = new Map<CheckName, Promise<void>>();
  readonly #delayed = new Set<NodeJS.Timeout>();
  readonly #offsets = new Map<CheckName, number>();
  #settings: AgentSettings;
  #watcher: Watcher | undefined;
  #watcherTurn: Promise<void> = Promise.resolve();
  #started = false;

  constructor(options: SchedulerOptions) {
    this.#options = options;
    this.#settings = options.settings;
    // node-cron's own messages (missed runs) would go to stdout, which belongs to the CLI's answer.
    const cronLogger = options.logger.child({ component: 'node-cron' });
    cron.setLogger({
      info: (message) => cronLogger.debug(message),
      debug: (message) => cronLogger.debug(String(message)),
      warn: (message) => cronLogger.warn(message),
      error: (message) => cronLogger.error(String(message)),
    });
  }

  get settings(): AgentSettings {
    return this.#settings;
  }

  /** How long after its scheduled time each check runs on this device. */
  offsets(): Partial<Record<CheckName, number>> {
    return Object.fromEntries(this.#offsets);
  }

  /** The cron expression each check currently runs on. */
  schedules(): Partial<Record<CheckName, string>> {
    return Object.fromEntries([...this.#tasks].map(([name, task]) => [name, task.expression]));
  }

  /** Schedules every check, starts the watcher and runs one full round (resolves when it is done). */
  async start(): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    this.#schedule();
    await this.#inWatcherTurn(() => this.#startWatcher());
    await Promise.all(this.#options.checks.map((check) => this.runNow(check.check)));
  }

  /** Runs one check now, unless its previous run is still going (then it is skipped, not stacked). */
  runNow(name: CheckName): Promise<void> {
    const check = this.#options.checks.find((candidate) => candidate.check === name);
    if (!check) return Promise.resolve();
    const previous = this.#running.get(name);
    if (previous) {
      this.#options.logger.info({ check: name }, 'A check was skipped because its previous run is still going.');
      return previous;
    }
    const run = this.#run(check).finally(() => this.#running.delete(name));
    this.#running.set(name, run);
    return run;
  }

  /** A new config from the collector: reschedule and restart the watcher only where something changed. */
  async applyConfig(config: AgentConfig): Promise<void> {
    const previous = this.#settings;
    this.#settings = mergeSettings(previous, config, this.#options.logger);
    if (!this.#started) return;
    if (CHECK_NAMES.some((name) => previous.checkSchedules[name] !== this.#settings.checkSchedules[name])) this.#schedule();
    if (!sameList(previous.removableMountRoots, this.#settings.removableMountRoots) || previous.hashFileNames !== this.#settings.hashFileNames
      || JSON.stringify(previous.misuse) !== JSON.stringify(this.#settings.misuse)) {
      await this.#inWatcherTurn(async () => {
        await this.#stopWatcher();
        if (this.#started) await this.#startWatcher();
      });
    }
    this.#options.logger.info({ policyVersion: this.#settings.policyVersion }, 'Applied the settings sent by the collector.');
  }

  /** Stops the schedules and the watcher, and waits for checks already running. */
  async stop(): Promise<void> {
    if (!this.#started) return;
    this.#started = false;
    await this.#destroyTasks();
    await this.#inWatcherTurn(() => this.#stopWatcher());
    await Promise.allSettled(this.#running.values());
  }

  async #run(check: PlatformCheck): Promise<void> {
    try {
      const { observation } = await runCheck(check, this.#options.provider, { removableMountRoots: this.#settings.removableMountRoots });
      this.#store({ occurredAtMs: Date.now(), observation });
    } catch (error) {
      this.#options.logger.error({ code: 'CHECK_CRASHED', check: check.check, err: error }, ERRORS.CHECK_CRASHED);
    }
  }

  /** An outbox that cannot write (other than a full disk, which it handles) must not stop checks or the watcher. */
  #store(event: Parameters<EventSink['append']>[0]): void {
    try {
      this.#options.outbox.append(event);
    } catch (error) {
      this.#options.logger.error({ code: 'STATE_DIR_UNUSABLE', err: error }, `${ERRORS.STATE_DIR_UNUSABLE} An event could not be stored in the outbox.`);
    }
  }

  #schedule(): void {
    void this.#destroyTasks();
    for (const check of this.#options.checks) {
      const expression = this.#settings.checkSchedules[check.check];
      let offsetMs = 0;
      const task = startRoundSchedule(expression, () => {
        const timer = setTimeout(() => {
          this.#delayed.delete(timer);
          void this.runNow(check.check);
        }, offsetMs);
        this.#delayed.add(timer);
      }, `check-${check.check}`);
      offsetMs = roundOffsetMs(this.#options.spreadKey ?? '', task.nextRuns(8));
      this.#offsets.set(check.check, offsetMs);
      this.#tasks.set(check.check, task);
    }
    this.#options.logger.info({ offsetsMs: this.offsets() }, 'Scheduled rounds run at this device\'s own offset after their scheduled time.');
  }

  async #destroyTasks(): Promise<void> {
    for (const timer of this.#delayed) clearTimeout(timer);
    this.#delayed.clear();
    for (const task of this.#tasks.values()) task.stop();
    this.#tasks.clear();
  }

  async #startWatcher(): Promise<void> {
    const factory = this.#options.watcherFactory;
    if (!factory) return;
    const watcher = factory({
      mountRoots: this.#settings.removableMountRoots,
      hashFileNames: this.#settings.hashFileNames,
      emit: (misuse) => this.#store({ occurredAtMs: Date.now(), misuse }),
      logger: this.#options.logger,
      misuse: this.#settings.misuse,
      provider: this.#options.provider,
      ...(this.#options.currentUser ? { currentUser: this.#options.currentUser } : {}),
    });
    // Held before start() resolves, so a stop that follows always finds it.
    this.#watcher = watcher;
    try {
      await watcher.start();
    } catch (error) {
      this.#watcher = undefined;
      this.#options.logger.error({ code: 'CHECK_CRASHED', err: error }, 'The watchers could not start; scheduled checks still report removable media.');
    }
  }

  /**
   * Starting, restarting and stopping the watcher take turns: a settings push that
   * lands while the watcher is still starting must not leave two of them running.
   */
  #inWatcherTurn(work: () => Promise<void>): Promise<void> {
    const turn = this.#watcherTurn.then(work);
    this.#watcherTurn = turn.catch(() => undefined);
    return turn;
  }

  async #stopWatcher(): Promise<void> {
    const watcher = this.#watcher;
    this.#watcher = undefined;
    await watcher?.stop();
  }
}
