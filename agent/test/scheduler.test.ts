import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_AGENT_SETTINGS, type AgentSettings } from '@invigilator/shared/agent-config.ts';
import { CollectionStatus, MisuseKind, type MisuseEvent, type Observation } from '@invigilator/shared/wire.ts';
import type { CheckName } from '@invigilator/shared/checks.ts';
import type { PlatformCheck, SourceProvider, SourceSpec } from '../src/checks/types.ts';
import type { WatcherOptions } from '../src/watchers/types.ts';
import { mergeSettings, Scheduler, type EventSink } from '../src/scheduler.ts';
import { captureLogger } from './helpers/capture-logger.ts';
import { waitFor } from './helpers/fake-collector.ts';

/** Records what the scheduler appends, as the outbox would receive it. */
class RecordingSink implements EventSink {
  readonly observations: Observation[] = [];
  readonly misuse: MisuseEvent[] = [];
  append(event: { observation?: Observation; misuse?: MisuseEvent }): number {
    if (event.observation) this.observations.push(event.observation);
    if (event.misuse) this.misuse.push(event.misuse);
    return this.observations.length + this.misuse.length;
  }
}

/** A check that reads one source and reports its text as the reason; the provider decides how long that takes. */
const echoCheck = (name: CheckName): PlatformCheck => ({
  check: name,
  platform: 'linux',
  sources: () => [{ id: `test.${name}`, kind: 'file', path: `/nonexistent/${name}` }],
  interpret: (collected, context) => ({
    status: CollectionStatus.COULD_NOT_COLLECT,
    reasonCode: 'OUTPUT_EMPTY',
    reason: `${collected.get(`test.${name}`)?.stdout ?? ''} roots=${context.removableMountRoots.join(',')}`,
  }),
});

const slowProvider = (delayMs: number, reads: string[]): SourceProvider => ({
  read: async (spec: SourceSpec) => {
    reads.push(spec.id);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    return { id: spec.id, exitCode: 0, stdout: 'read', stderr: '', durationMs: delayMs };
  },
});

const everySecond = (): AgentSettings => ({
  ...DEFAULT_AGENT_SETTINGS,
  checkSchedules: { ...DEFAULT_AGENT_SETTINGS.checkSchedules, firewall: '* * * * * *', encryption: '0 0 1 1 *' },
  removableMountRoots: ['/media'],
});

const schedulers: Scheduler[] = [];
afterEach(async () => { for (const scheduler of schedulers.splice(0)) await scheduler.stop(); });

describe('Scheduler', () => {
  it('runs one full round at start and appends each observation with the configured mount roots', async () => {
    const sink = new RecordingSink();
    const scheduler = new Scheduler({ checks: [echoCheck('encryption'), echoCheck('firewall')], provider: slowProvider(1, []), outbox: sink, logger: captureLogger().logger, settings: { ...DEFAULT_AGENT_SETTINGS, removableMountRoots: ['/media'] } });
    schedulers.push(scheduler);
    await scheduler.start();
    expect(sink.observations.map((observation) => observation.check).sort()).toEqual(['encryption', 'firewall']);
    expect(sink.observations[0]).toMatchObject({ reason: 'read roots=/media', sourceIds: [expect.stringMatching(/^test\./)] });
  });

  it('runs checks on their cron schedule and skips, not stacks, a run whose previous one is still going', async () => {
    const sink = new RecordingSink();
    const reads: string[] = [];
    const capture = captureLogger();
    const scheduler = new Scheduler({ checks: [echoCheck('firewall')], provider: slowProvider(2_500, reads), outbox: sink, logger: capture.logger, settings: everySecond() });
    schedulers.push(scheduler);
    const firstRound = scheduler.start();
    await waitFor(() => capture.lines().some((line) => line.check === 'firewall' && /skipped/.test(String(line.msg))), 5_000, 'a skipped run');
    await firstRound;
    await waitFor(() => sink.observations.length >= 2, 5_000, 'a scheduled run');
    // Every cron tick during a 2.5 s run was skipped: reads never overlap.
    expect(reads.length).toBeLessThanOrEqual(sink.observations.length + 1);
  });

  it('re-applies schedules, mount roots and file-name hashing from the collector, restarting the watcher', async () => {
    const sink = new RecordingSink();
    const watcherRuns: { options: WatcherOptions; stopped: boolean }[] = [];
    const scheduler = new Scheduler({
      checks: [echoCheck('firewall'), echoCheck('removable-media')], provider: slowProvider(1, []), outbox: sink, logger: captureLogger().logger,
      settings: { ...DEFAULT_AGENT_SETTINGS, removableMountRoots: ['/media'] },
      watcherFactory: (options) => {
        const run = { options, stopped: false };
        watcherRuns.push(run);
        return { start: async () => undefined, stop: async () => { run.stopped = true; } };
      },
    });
    schedulers.push(scheduler);
    await scheduler.start();
    expect(scheduler.schedules()).toEqual({ firewall: '*/15 * * * *', 'removable-media': '*/5 * * * *' });
    watcherRuns[0]?.options.emit({ kind: MisuseKind.MEDIA_ATTACHED, detail: 'usb stick' });
    expect(sink.misuse).toEqual([{ kind: MisuseKind.MEDIA_ATTACHED, detail: 'usb stick' }]);

    await scheduler.applyConfig({ checkSchedules: { firewall: '*/2 * * * *' }, removableMountRoots: ['/mnt/usb'], hashFileNames: true, policyVersion: 'v9' });
    expect(scheduler.schedules().firewall).toBe('*/2 * * * *');
    expect(watcherRuns).toHaveLength(2);
    expect(watcherRuns[0]?.stopped).toBe(true);
    expect(watcherRuns[1]?.options).toMatchObject({ mountRoots: ['/mnt/usb'], hashFileNames: true });
    await scheduler.runNow('removable-media');
    expect(sink.observations.at(-1)?.reason).toBe('read roots=/mnt/usb');

    // The same settings again change nothing.
    await scheduler.applyConfig({ checkSchedules: { firewall: '*/2 * * * *' }, removableMountRoots: ['/mnt/usb'], hashFileNames: true });
    expect(watcherRuns).toHaveLength(2);
  });
});

describe('mergeSettings', () => {
  it('never leaves two watchers running when settings arrive while the watcher is still starting', async () => {
    const running = new Set<number>();
    let made = 0;
    const scheduler = new Scheduler({
      checks: [], provider: slowProvider(1, []), outbox: new RecordingSink(), logger: captureLogger().logger, settings: DEFAULT_AGENT_SETTINGS,
      watcherFactory: () => {
        const id = ++made;
        return {
          // A slow start, as on Linux while lsblk and blkid describe sticks already in.
          start: async () => { running.add(id); await new Promise((resolve) => setTimeout(resolve, 200)); },
          stop: async () => { running.delete(id); },
        };
      },
    });
    const started = scheduler.start();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const applied = [scheduler.applyConfig({ hashFileNames: true }), scheduler.applyConfig({ removableMountRoots: ['/media'] })];
    await Promise.all([started, ...applied]);
    expect(running.size).toBe(1);
    await scheduler.stop();
    expect(running.size).toBe(0);
    expect(made).toBe(3);
  });

  it('keeps current values for missing or invalid parts and logs invalid schedules with a code', () => {
    const capture = captureLogger();
    const merged = mergeSettings(DEFAULT_AGENT_SETTINGS, { checkSchedules: { antivirus: 'every tuesday', encryption: '0 9 * * 1-5' }, heartbeatSeconds: 0 }, capture.logger);
    expect(merged.checkSchedules.antivirus).toBe(DEFAULT_AGENT_SETTINGS.checkSchedules.antivirus);
    expect(merged.checkSchedules.encryption).toBe('0 9 * * 1-5');
    expect(merged.heartbeatSeconds).toBe(DEFAULT_AGENT_SETTINGS.heartbeatSeconds);
    expect(merged.removableMountRoots).toEqual(DEFAULT_AGENT_SETTINGS.removableMountRoots);
    expect(capture.withCode('CONFIG_INVALID')).toHaveLength(1);
  });
});
