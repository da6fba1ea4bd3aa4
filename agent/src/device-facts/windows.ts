// Windows device facts: one PowerShell run (device-facts-windows.ts) read through
// exec.ts as a declared source, so diagnose records it like any other.
import { parsePowerShellSource, powershellSource } from '../checks/windows-powershell.ts';
import {
  parseWindowsDeviceFacts, WINDOWS_DEVICE_FACTS_SCRIPT, WINDOWS_DEVICE_FACTS_SOURCE, WINDOWS_DEVICE_FACTS_TIMEOUT_MS,
} from '../device-facts-windows.ts';
import type { PlatformFactsSpec } from './types.ts';

const SOURCE = powershellSource(WINDOWS_DEVICE_FACTS_SOURCE, WINDOWS_DEVICE_FACTS_SCRIPT, WINDOWS_DEVICE_FACTS_TIMEOUT_MS);

export const windowsFacts: PlatformFactsSpec = {
  sources: [SOURCE],
  // One PowerShell start and three CIM queries: slower than the other platforms' reads, and run once.
  timeoutMs: WINDOWS_DEVICE_FACTS_TIMEOUT_MS,
  interpret(collected) {
    const facts = parsePowerShellSource(collected, SOURCE.id, parseWindowsDeviceFacts);
    return facts.ok ? facts.value : {};
  },
};
