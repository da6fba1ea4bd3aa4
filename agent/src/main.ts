// Wires the long-running parts of `run`: outbox → scheduler (checks, watcher) → transport.
// Each part has start()/stop(); this file only connects them.
import { DEFAULT_AGENT_SETTINGS } from '@invigilator/shared/agent-config.ts';
import { StopReason } from '@invigilator/shared/wire.ts';
import type { AgentPlatform } from '@invigilator/shared/checks.ts';
import type { Logger } from '@invigilator/shared/logger.ts';
import { checksFor } from './checks/index.ts';
import { liveProvider } from './checks/live-provider.ts';
import type { PlatformCheck, SourceProvider } from './checks/types.ts';
import { deviceFacts } from './device-facts.ts';
import { createUserLookup } from './logged-in-user.ts';
import { Outbox } from './outbox.ts';
import { discardInstallerNote } from './stopping/installer-note.ts';
import { whyStopping } from './stopping/index.ts';
import { Scheduler } from './scheduler.ts';
import { mergeSettings } from './scheduler.ts';
import { ensureStateDir, readEnrolment, readSavedConfig, statePaths, writeSavedConfig, writeStatus } from './state.ts';
import { createStatusWriter } from './status-writer.ts';
import { Transport } from './transport.ts';
import { defaultMountRoots, watcherFactoryFor } from './watchers/index.ts';
import type { WatcherFactory } from './watchers/types.ts';

export const STATUS_INTERVAL_MS = 5_000;
/**
 * A stop has the service manager's 20 s (TimeoutStopSec, the service wrapper's stoptimeout, launchd's
 * ExitTimeOut): the checks and watchers get this long to finish before the last event is written anyway,
 * and the outbox this long to reach the collector; the rest is for closing.
 */
export const STOP_SETTLE_MS = 5_000;
export const STOP_FLUSH_MS = 8_000;

export interface AgentOptions {
  stateDir: string;
  platform: AgentPlatform;
  logger: Logger;
  /** Tests replace what runs on the device; the agent uses the platform's own. */
  checks?: readonly PlatformCheck[];
  provider?: SourceProvider;
  watcherFactory?: WatcherFactory | null;
}

export interface RunningAgent {
  /** Stops every part; the last event says why (`signal` is what asked for the stop). */
  stop(signal?: string): Promise<void>;
}

const settled = (work: Promise<unknown>, ms: number): Promise<void> => new Promise((resolve) => {
  const timer = setTimeout(resolve, ms);
  void work.catch(() => undefined).finally(() => { clearTimeout(timer); resolve(); });
});

export const startAgent = async (options: AgentOptions): Promise<RunningAgent> => {
  const { stateDir, platform, logger } = options;
  const enrolment = readEnrolment(stateDir);
  ensureStateDir(stateDir);
  // A note left by an installer whose stop never came says nothing about the next stop.
  discardInstallerNote(stateDir);
  const paths = statePaths(stateDir);
  // Nothing is appended before the transport exists: the scheduler starts after it.
  const outbox = new Outbox({ file: paths.outbox, logger, onAppend: () => transport.wake() });
  const defaults = { ...DEFAULT_AGENT_SETTINGS, removableMountRoots: defaultMountRoots(platform) };
  const savedConfig = readSavedConfig(stateDir);
  const settings = savedConfig ? mergeSettings(defaults, savedConfig, logger) : defaults;
  const watcherFactory = options.watcherFactory === null ? undefined : options.watcherFactory ?? watcherFactoryFor(platform);
  const scheduler = new Scheduler({
    checks: options.checks ?? await checksFor(platform),
    provider: options.provider ?? liveProvider,
    outbox, logger, settings,
    spreadKey: enrolment.deviceId,
    currentUser: createUserLookup(platform, options.provider ?? liveProvider, logger),
    ...(watcherFactory ? { watcherFactory } : {}),
  });
  const transport = new Transport({
    collectorUrl: enrolment.collectorUrl,
    deviceId: enrolment.deviceId,
    deviceCredential: enrolment.deviceCredential,
    ...(enrolment.caFile ? { caFile: enrolment.caFile } : {}),
    ...(enrolment.pinSha256 ? { pinSha256: enrolment.pinSha256 } : {}),
    facts: () => deviceFacts(platform, logger),
    outbox, logger,
    heartbeatSeconds: settings.heartbeatSeconds,
    onConfig: (config) => {
      try {
        writeSavedConfig(stateDir, config);
      } catch (error) {
        logger.warn({ code: 'STATE_DIR_UNUSABLE', err: error }, 'The collector\'s settings could not be saved; after a restart the agent starts from its defaults.');
      }
      void scheduler.applyConfig(config);
    },
  });

  const writeStatusIfChanged = createStatusWriter((status) => writeStatus(stateDir, status));
  const saveStatus = (): void => {
    outbox.flushPending();
    const state = transport.state;
    try {
      writeStatusIfChanged({ ...state, outboxDepth: outbox.depth(), pid: process.pid });
    } catch (error) {
      logger.warn({ code: 'STATE_DIR_UNUSABLE', err: error }, 'The status file could not be written; `status` may show old values.');
    }
  };
  transport.on('state', saveStatus);
  const statusTimer = setInterval(saveStatus, STATUS_INTERVAL_MS);

  transport.start();
  const firstRound = scheduler.start();
  saveStatus();
  logger.info({ platform, deviceId: enrolment.deviceId, collector: enrolment.collectorUrl }, 'The agent is running.');

  return {
    async stop(signal = 'SIGTERM') {
      clearInterval(statusTimer);
      const why = whyStopping({ platform, provider: options.provider ?? liveProvider, stateDir, signal, logger });
      // The last event comes after everything the checks and watchers had to say, unless they take too long.
      await settled(firstRound.then(() => scheduler.stop()), STOP_SETTLE_MS);
      const stopping = await why;
      outbox.append({ occurredAtMs: Date.now(), stopping });
      const sent = await transport.flush(STOP_FLUSH_MS);
      logger.info({ reason: StopReason[stopping.reason ?? 0], detail: stopping.detail, sent },
        sent ? 'The collector has been told why the agent is stopping.' : 'Why the agent is stopping waits in the outbox for the next start.');
      await scheduler.stop();
      await transport.stop();
      saveStatus();
      transport.off('state', saveStatus);
      outbox.close();
      logger.info('The agent stopped cleanly.');
    },
  };
};
