import type { Collected, SourceSpec } from '../checks/types.ts';

/** What a platform says about the device beyond its hostname; '' where it does not know. */
export interface PlatformFacts { osName: string; osVersion: string; hardwareSerial: string; hardwareModel: string }

/** A platform's device facts: declared sources (read through exec.ts, no shell) and a pure reading of them. */
export interface PlatformFactsSpec {
  sources: readonly SourceSpec[];
  /** Sources whose absence is normal (no firmware table in a container or some VMs): not worth a warning. */
  optional?: readonly string[];
  /** How long its sources may take, where longer than the usual few seconds. */
  timeoutMs?: number;
  interpret(collected: Collected): Partial<PlatformFacts>;
}

/** The text a source gave, or '' when it gave nothing usable. */
export const textOfSource = (collected: Collected, id: string): string => {
  const result = collected.get(id);
  return !result || result.errorCode || (result.exitCode !== null && result.exitCode !== 0) ? '' : result.stdout;
};

/** Firmware placeholders that name no real machine. */
const PLACEHOLDERS = /^(?:|-|0|none|n\/a|not available|not specified|default string|to be filled by o\.e\.m\.|system serial number|system product name|123456789)$/i;

export const cleanFirmwareValue = (value: string | undefined): string => {
  const trimmed = (value ?? '').trim();
  return PLACEHOLDERS.test(trimmed) ? '' : trimmed;
};
