// Builds the one way Windows checks run PowerShell: the absolute path of Windows
// PowerShell 5.1 (present on every supported Windows), no profile, no prompts,
// UTF-8 output and one compressed JSON document per run.
import { ERRORS } from '@invigilator/shared/errors.ts';
import { parseSource, type TextOptions } from './findings.ts';
import { notParsed, type Collected, type CommandSource, type Parsed } from './types.ts';

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
// any double quote inside the script. No -ExecutionPolicy: it governs script
// files, not -Command, and "Bypass" on a command line is what EDR tools alert on.
export const powershellArgs = (script: string): readonly string[] =>
  ['-NoProfile', '-NonInteractive', '-Command', script];

/** Exit status and stdout marker of a script that found PowerShell locked to Constrained Language Mode. */
export const CONSTRAINED_EXIT_CODE = 87;
const CONSTRAINED_MARKER = 'invigilator-language-mode:';

// Checked first, with cmdlets and variables only: under AppLocker or App Control
// (Constrained Language Mode) the .NET calls that follow would fail obscurely.
export const LANGUAGE_GUARD = `if ($ExecutionContext.SessionState.LanguageMode -ne 'FullLanguage') { Write-Output ('${CONSTRAINED_MARKER}' + $ExecutionContext.SessionState.LanguageMode); exit ${CONSTRAINED_EXIT_CODE} }`;

/**
 * `Select-Object -Property 'A', 'B'`: the names quoted, which PowerShell reads exactly
 * as the bare form and which the grammar the tests parse scripts with also accepts.
 */
export const selectProperties = (...names: readonly string[]): string =>
  `Select-Object -Property ${names.map((name) => `'${name}'`).join(', ')}`;

export const UTF8_OUTPUT = '[Console]::OutputEncoding = [System.Text.Encoding]::UTF8';

// Warnings, progress bars and information records would otherwise reach stdout
// in front of the JSON (PowerShell 5.1 writes them through the host).
export const QUIET_STREAMS = '$ProgressPreference = \'SilentlyContinue\'; $WarningPreference = \'SilentlyContinue\'; $InformationPreference = \'SilentlyContinue\'';

/** Everything a script runs first: the language guard, UTF-8 output, quiet streams. */
export const SCRIPT_PRELUDE = `${LANGUAGE_GUARD}; ${UTF8_OUTPUT}; ${QUIET_STREAMS}`;

/**
 * The script as run: a failure the script does not handle stops it (exit 1,
 * message on stderr) and its result is printed as JSON. Cmdlets whose errors are
 * expected and harmless say so with their own -ErrorAction.
 */
export const jsonScript = (body: string): string =>
  `${SCRIPT_PRELUDE}; $ErrorActionPreference = 'Stop'; & { ${body} } | ConvertTo-Json -Depth 4 -Compress`;

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

/** The language mode a script reported when it refused to run (Constrained Language Mode), else undefined. */
export const constrainedLanguageMode = (exitCode: number | null, stdout: string): string | undefined => {
  if (exitCode !== CONSTRAINED_EXIT_CODE) return undefined;
  const line = stdout.split(/\r?\n/).find((text) => text.trim().startsWith(CONSTRAINED_MARKER));
  return line === undefined ? undefined : line.trim().slice(CONSTRAINED_MARKER.length) || 'unknown';
};

/** parseSource for a PowerShell source: Constrained Language Mode is said as such, not as a failed tool. */
export const parsePowerShellSource = <T>(
  collected: Collected, id: string, parse: (text: string) => Parsed<T>, options?: TextOptions,
): Parsed<T> => {
  const result = collected.get(id);
  const mode = result ? constrainedLanguageMode(result.exitCode, result.stdout) : undefined;
  if (mode !== undefined) return notParsed('POWERSHELL_CONSTRAINED', `${ERRORS.POWERSHELL_CONSTRAINED} (${id}: ${mode})`);
  return parseSource(collected, id, parse, options);
};

/** parsePowerShellSource for a fallback: undefined when it was never collected. */
export const parsePowerShellFallback = <T>(
  collected: Collected, id: string, parse: (text: string) => Parsed<T>, options?: TextOptions,
): Parsed<T> | undefined => (collected.has(id) ? parsePowerShellSource(collected, id, parse, options) : undefined);
