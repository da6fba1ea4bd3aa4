import { describe, expect, it } from 'vitest';
import { check as antivirus } from '../../src/checks/antivirus/windows.ts';
import { check as encryption } from '../../src/checks/encryption/windows.ts';
import { check as firewall } from '../../src/checks/firewall/windows.ts';
import { check as passwordPolicy } from '../../src/checks/password-policy/windows.ts';
import { check as removableMedia } from '../../src/checks/removable-media/windows.ts';
import {
  CONSTRAINED_EXIT_CODE, constrainedLanguageMode, jsonScript, parsePowerShellSource, powershellPath, powershellSource, primaryOrFallback,
} from '../../src/checks/windows-powershell.ts';
import { parsed } from '../../src/checks/types.ts';
import { collectedFrom, ran } from './collected-from.ts';
import { VOLUME_WATCH_SCRIPT } from '../../src/watchers/removable-media/windows.ts';
import type { CommandSource } from '../../src/checks/types.ts';

const context = { removableMountRoots: [] };
const firstSources = [antivirus, encryption, firewall, passwordPolicy, removableMedia]
  .flatMap((check) => check.sources(new Map(), context))
  .filter((source): source is CommandSource => source.kind === 'command');

describe('PowerShell sources', () => {
  it('runs Windows PowerShell by absolute path under SystemRoot', () => {
    expect(powershellPath({ SystemRoot: 'D:\\WINDOWS' })).toBe('D:\\WINDOWS\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
    expect(powershellPath({})).toBe('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
  });

  it('builds a source with the fixed arguments, UTF-8 output, JSON and a timeout', () => {
    const source = powershellSource('windows.example', 'Get-Date');
    expect(source.args.slice(0, 3)).toEqual(['-NoProfile', '-NonInteractive', '-Command']);
    expect(source.args[3]).toBe(jsonScript('Get-Date'));
    expect(source.args[3]).toMatch(/^if \(\$ExecutionContext\.SessionState\.LanguageMode -ne 'FullLanguage'\) .*\[Console\]::OutputEncoding = \[System\.Text\.Encoding\]::UTF8; .* \| ConvertTo-Json -Depth 4 -Compress$/);
    expect(source.timeoutMs).toBeGreaterThan(0);
  });

  it('never asks to bypass the execution policy and silences warnings and progress in every script', () => {
    for (const source of firstSources) {
      expect(source.args.join(' ')).not.toMatch(/ExecutionPolicy|Bypass/i);
      if (source.file.endsWith('powershell.exe')) {
        expect(source.args.at(-1)).toContain('$WarningPreference = \'SilentlyContinue\'');
        expect(source.args.at(-1)).toContain('$ProgressPreference = \'SilentlyContinue\'');
      }
    }
    expect(VOLUME_WATCH_SCRIPT).toContain('LanguageMode');
  });

  it('says Constrained Language Mode instead of a failed tool', () => {
    const stdout = 'invigilator-language-mode:ConstrainedLanguage\r\n';
    expect(constrainedLanguageMode(CONSTRAINED_EXIT_CODE, stdout)).toBe('ConstrainedLanguage');
    expect(constrainedLanguageMode(1, stdout)).toBeUndefined();
    const collected = collectedFrom({ 'windows.example': ran(stdout, { exitCode: CONSTRAINED_EXIT_CODE }) });
    const result = parsePowerShellSource(collected, 'windows.example', (text) => parsed(text));
    expect(result).toMatchObject({ ok: false, code: 'POWERSHELL_CONSTRAINED' });
    expect(!result.ok && result.reason).toContain('ConstrainedLanguage');
  });

  it('gives every Windows source a stable windows.* id, a timeout and no double quote in its script', () => {
    for (const source of firstSources) {
      expect(source.id).toMatch(/^windows\.[a-z0-9-]+$/);
      expect(source.timeoutMs).toBeGreaterThan(0);
      expect(source.args.join(' ')).not.toContain('"');
    }
    expect(VOLUME_WATCH_SCRIPT).not.toContain('"');
  });

  it('prefers the primary reading and joins both reasons when both fail', () => {
    const bad = { ok: false as const, code: 'COMMAND_FAILED' as const, reason: 'A.' };
    expect(primaryOrFallback({ ok: true, value: 1 }, { ok: true, value: 2 })).toEqual({ ok: true, value: 1 });
    expect(primaryOrFallback(bad, { ok: true, value: 2 })).toEqual({ ok: true, value: 2 });
    expect(primaryOrFallback(bad, undefined)).toBe(bad);
    expect(primaryOrFallback(bad, { ok: false, code: 'OUTPUT_LOCALISED', reason: 'B.' })).toEqual({ ok: false, code: 'OUTPUT_LOCALISED', reason: 'A. Fallback: B.' });
  });
});
