// Facts that name the device to people. Gathered once and cached; a slow system
// query never holds up start-up for long: after the timeout, partial facts.
import os from 'node:os';
import si from 'systeminformation';
import type { AgentPlatform } from '@invigilator/shared/checks.ts';
import type { Logger } from '@invigilator/shared/logger.ts';
import { Platform, type DeviceFacts } from '@invigilator/shared/wire.ts';
import { AGENT_VERSION } from './agent-version.ts';
import { readWindowsDeviceFacts } from './device-facts-windows.ts';

export const DEVICE_FACTS_TIMEOUT_MS = 5_000;

const PLATFORM_ENUM: Record<AgentPlatform, number> = {
  linux: Platform.PLATFORM_LINUX,
  windows: Platform.PLATFORM_WINDOWS,
  macos: Platform.PLATFORM_MACOS,
};

const withinTimeout = <T>(promise: Promise<T>, timeoutMs: number): Promise<T | undefined> =>
  new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), timeoutMs);
    timer.unref();
    promise.then((value) => { clearTimeout(timer); resolve(value); }, () => { clearTimeout(timer); resolve(undefined); });
  });

/** systeminformation reports "-" or spaces where the firmware has no value. */
const clean = (value: string | undefined): string => (value ?? '').trim().replace(/^-$/, '');

let cached: Promise<DeviceFacts> | undefined;

/** Windows: one PowerShell through exec.ts; Node's own names when it cannot be read. */
const gatherWindowsFacts = async (logger: Logger): Promise<DeviceFacts> => {
  const facts = await readWindowsDeviceFacts();
  if (!facts.ok) logger.warn({ code: facts.code, reason: facts.reason }, 'Some device facts could not be read; the device is identified by what was found.');
  return {
    hostname: os.hostname(),
    platform: PLATFORM_ENUM.windows,
    osName: facts.ok ? facts.value.osName : os.type(),
    osVersion: facts.ok ? facts.value.osVersion || os.release() : os.release(),
    agentVersion: AGENT_VERSION,
    hardwareSerial: facts.ok ? facts.value.hardwareSerial : '',
    hardwareModel: facts.ok ? facts.value.hardwareModel : '',
  };
};

export const gatherDeviceFacts = async (platform: AgentPlatform, logger: Logger, timeoutMs = DEVICE_FACTS_TIMEOUT_MS): Promise<DeviceFacts> => {
  if (platform === 'windows') return gatherWindowsFacts(logger);
  const [osInfo, system] = await Promise.all([withinTimeout(si.osInfo(), timeoutMs), withinTimeout(si.system(), timeoutMs)]);
  if (!osInfo || !system) logger.warn({ timeoutMs }, 'Some device facts were not available in time; the device is identified by what was found.');
  return {
    hostname: os.hostname(),
    platform: PLATFORM_ENUM[platform],
    osName: osInfo?.distro || os.type(),
    osVersion: osInfo?.release || os.release(),
    agentVersion: AGENT_VERSION,
    hardwareSerial: clean(system?.serial),
    hardwareModel: clean(system?.model),
  };
};

/** The facts, gathered on first use and then reused for every Hello. */
export const deviceFacts = (platform: AgentPlatform, logger: Logger): Promise<DeviceFacts> => {
  cached ??= gatherDeviceFacts(platform, logger);
  return cached;
};
