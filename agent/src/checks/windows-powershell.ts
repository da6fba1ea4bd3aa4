// Builds the one way Windows checks run PowerShell: the absolute path of Windows
// PowerShell 5.1 (present on every supported Windows), no profile, no prompts,
// UTF-8 output and one compressed JSON document per run.
import type { CommandSource } from './types.ts';
import type { Parsed } from './types.ts';

/** WMI and the firewall cmdlets can be slow on a busy laptop; a hung one must not block for long. */
export const POWERSHELL_TIMEOUT_MS = 45_000;

export const windowsRoot = (env: NodeJS.ProcessEnv = process.env): string =>
  (env.SystemRoot ?? env.SYSTEMROOT ?? 'C:\\Windows').replace(/\\+$/, '');

/** An absolute path under System32, e.g. `system32Path('netsh.exe')`. */
export const system32Path = (program: string, env: NodeJS.ProcessEnv = process.env): string =>
  `${windowsRoot(env)}\\System32\\${program}`;

export const powershellPath = (env: NodeJS.ProcessEnv = process.env): string =>
  system32Path('WindowsPowerShell\\v1.0\\powershell.exe', env);

// Scripts use single quotes only: Windows re-quotes each argument with double
// quotes when it starts a process, and PowerShell's -Command parser would eat
// any double quote inside the script.
export const powershellArgs = (script: string): readonly string[] =>
  ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', script];

export const UTF8_OUTPUT = '[Console]::OutputEncoding = [System.Text.Encoding]::UTF8';

/** The script as run: errors stop it (exit 1, message on stderr) and its result is printed as JSON. */
export const jsonScript = (body: string): string =>
  `${UTF8_OUTPUT}; $ErrorActionPreference = 'Stop'; & { ${body} } | ConvertTo-Json -Depth 4 -Compress`;

export const powershellSource = (id: string, body: string, timeoutMs = POWERSHELL_TIMEOUT_MS): CommandSource => ({
  id,
  kind: 'command',
  file: powershellPath(),
  args: powershellArgs(jsonScript(body)),
  timeoutMs,
  encoding: 'utf8',
});

/**
 * The primary reading when it parsed, else the fallback tool's reading (when it
 * was collected), else the primary's reason with the fallback's appended.
 */
export const primaryOrFallback = <T>(primary: Parsed<T>, fallback: Parsed<T> | undefined): Parsed<T> => {
  if (primary.ok || !fallback) return primary;
  if (fallback.ok) return fallback;
  return { ok: false, code: fallback.code, reason: `${primary.reason} Fallback: ${fallback.reason}` };
};
