// Facts that name the device to people. Gathered once and cached; each platform
// declares its sources (device-facts/<platform>.ts), read through exec.ts like
// every check (absolute paths, no shell); a slow source never holds up start-up
// for long: after the timeout, what was found, and Node's own names for the rest.
import { fitToLimits } from '@invigilator/shared/field-limits.ts';
import os from 'node:os';
import type { AgentPlatform } from '@invigilator/shared/checks.ts';
import type { Logger } from '@invigilator/shared/logger.ts';
import { Platform, type DeviceFacts } from '@invigilator/shared/wire.ts';
import { AGENT_VERSION } from './agent-version.ts';
import { liveProvider } from './checks/live-provider.ts';
import type { SourceProvider, SourceResult } from './checks/types.ts';
import { linuxFacts } from './device-facts/linux.ts';
import { macosFacts } from './device-facts/macos.ts';
import type { PlatformFactsSpec } from './device-facts/types.ts';
import { windowsFacts } from './device-facts/windows.ts';

export const DEVICE_FACTS_TIMEOUT_MS = 5_000;

const PLATFORM_ENUM: Record<AgentPlatform, number> = {
  linux: Platform.PLATFORM_LINUX,
  windows: Platform.PLATFORM_WINDOWS,
  macos: Platform.PLATFORM_MACOS,
};

const SPECS: Record<AgentPlatform, PlatformFactsSpec> = { linux: linuxFacts, macos: macosFacts, windows: windowsFacts };

const withinTimeout = <T>(promise: Promise<T>, timeoutMs: number): Promise<T | undefined> =>
  new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), timeoutMs);
    timer.unref();
    promise.then((value) => { clearTimeout(timer); resolve(value); }, () => { clearTimeout(timer); resolve(undefined); });
  });

let cached: Promise<DeviceFacts> | undefined;

export const gatherDeviceFacts = async (
  platform: AgentPlatform, logger: Logger, timeoutMs = DEVICE_FACTS_TIMEOUT_MS, provider: SourceProvider = liveProvider,
): Promise<DeviceFacts> => {
  const spec = SPECS[platform];
  const limitMs = Math.max(timeoutMs, spec.timeoutMs ?? 0);
  const results = await Promise.all(spec.sources.map((source) => withinTimeout(provider.read(source), limitMs)));
  const collected = new Map<string, SourceResult>(results.filter((result) => result !== undefined).map((result) => [result.id, result]));
  if (collected.size < spec.sources.length) {
    logger.warn({ timeoutMs: limitMs }, 'Some device facts were not available in time; the device is identified by what was found.');
  }
  const failed = [...collected.values()].find((result) => result.errorCode
    && !(result.errorCode === 'COMMAND_NOT_FOUND' && spec.optional?.includes(result.id)));
  if (failed?.errorCode) {
    logger.warn({ code: failed.errorCode, source: failed.id, detail: failed.errorDetail }, 'Some device facts could not be read; the device is identified by what was found.');
  }
  const found = spec.interpret(collected);
  // Shortened to the collector's limits: a firmware that reports a 300-character serial must not stop the device enrolling.
  return fitToLimits({
    hostname: os.hostname(),
    platform: PLATFORM_ENUM[platform],
    osName: found.osName || os.type(),
    osVersion: found.osVersion || os.release(),
    agentVersion: AGENT_VERSION,
    hardwareSerial: found.hardwareSerial ?? '',
    hardwareModel: found.hardwareModel ?? '',
  }, 'shorten');
};

/** The facts, gathered on first use and then reused for every Hello. */
export const deviceFacts = (platform: AgentPlatform, logger: Logger): Promise<DeviceFacts> => {
  cached ??= gatherDeviceFacts(platform, logger);
  return cached;
};
