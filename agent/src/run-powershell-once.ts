// One PowerShell source run now, outside a check round (the removable-media watcher,
// device facts), read exactly as a check would read it: Constrained Language Mode
// and failures come back as coded reasons.
import { runCommand } from './exec.ts';
import type { TextOptions } from './checks/findings.ts';
import type { CommandSource, Parsed } from './checks/types.ts';
import { parsePowerShellSource } from './checks/windows-powershell.ts';

export const readPowerShellOnce = async <T>(spec: CommandSource, parse: (text: string) => Parsed<T>, options?: TextOptions): Promise<Parsed<T>> => {
  const output = await runCommand({ file: spec.file, args: spec.args, timeoutMs: spec.timeoutMs, encoding: spec.encoding });
  return parsePowerShellSource(new Map([[spec.id, { id: spec.id, ...output }]]), spec.id, parse, options);
};
