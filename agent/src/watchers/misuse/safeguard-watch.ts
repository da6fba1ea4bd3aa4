// Safeguards switched off, seen as it happens: each probe reads one safeguard's
// state (firewall, anti-virus service); a probe runs on its platform's trigger
// (a kernel or event-log notification where there is one, else a short poll).
// Only a change from on to off is reported: a device that never had the safeguard
// is a posture failure for the technician, not misuse.
import { ERRORS, codeOf } from '@invigilator/shared/errors.ts';
import type { Logger } from '@invigilator/shared/logger.ts';
import type { MisuseEvent } from '@invigilator/shared/wire.ts';
import type { Watcher } from '../types.ts';
import { safeguardDisabled } from './misuse-events.ts';

export interface SafeguardState {
  on: boolean | undefined;
  seen: string;
  /** Only an administrator can switch this one off (a system service's settings). */
  byAdministrator?: boolean;
}

export interface SafeguardReading {
  /** One entry per safeguard the probe covers (a firewall profile, a service): on, off, or not known. */
  states: ReadonlyMap<string, SafeguardState>;
}

export interface SafeguardProbe {
  name: string;
  read(): Promise<SafeguardReading>;
  /** How often it runs without a trigger. */
  pollMs: number;
  /** Starts a notifier that calls `changed` when the OS says something changed; returns its stop. */
  notifier?: (changed: (note: string) => void) => () => void;
}

export interface SafeguardWatchOptions {
  probes: readonly SafeguardProbe[];
  emit: (event: MisuseEvent) => void;
  currentUser: () => Promise<string>;
  logger: Logger;
  /** Quiet time after a notification before the probe runs (a tool changes the ruleset in several steps). */
  settleMs?: number;
}

export const createSafeguardWatch = (options: SafeguardWatchOptions): Watcher => {
  const stops: Array<() => void> = [];
  const runs = new Set<Promise<void>>();
  let stopped = true;

  const watchProbe = (probe: SafeguardProbe): void => {
    const last = new Map<string, boolean>();
    let running = false;
    let again = false;
    let note = '';
    const run = async (): Promise<void> => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        do {
          again = false;
          const reading = await probe.read();
          if (stopped) return;
          for (const [safeguard, state] of reading.states) {
            if (state.on === undefined) continue;
            const was = last.get(safeguard);
            last.set(safeguard, state.on);
            if (was === true && !state.on) {
              const seen = note ? `${state.seen} (${note})` : state.seen;
              options.logger.info({ safeguard, seen }, 'A safeguard was switched off.');
              options.emit(safeguardDisabled({
                safeguard, seen, user: await options.currentUser(), ...(state.byAdministrator ? { changedByAdministrator: true } : {}),
              }));
            }
          }
          note = '';
        } while (again && !stopped);
      } catch (error) {
        options.logger.warn({ code: codeOf(error), err: error, probe: probe.name }, `${ERRORS[codeOf(error)]} (reading ${probe.name})`);
      } finally {
        running = false;
      }
    };
    const track = (): void => {
      const done = run();
      runs.add(done);
      void done.finally(() => runs.delete(done));
    };
    let settle: NodeJS.Timeout | undefined;
    const poll = setInterval(track, probe.pollMs);
    stops.push(() => { clearInterval(poll); if (settle) clearTimeout(settle); });
    if (probe.notifier) {
      stops.push(probe.notifier((changedNote) => {
        note = changedNote;
        if (settle) clearTimeout(settle);
        settle = setTimeout(track, options.settleMs ?? 200);
      }));
    }
    track();
  };

  return {
    async start() {
      stopped = false;
      for (const probe of options.probes) watchProbe(probe);
      await Promise.all(runs);
    },
    async stop() {
      stopped = true;
      for (const stop of stops.splice(0)) stop();
      await Promise.all(runs);
    },
  };
};
