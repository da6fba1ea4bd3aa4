import { describe, expect, it } from 'vitest';
import { check as antivirus } from '../../src/checks/antivirus/windows.ts';
import { check as encryption } from '../../src/checks/encryption/windows.ts';
import { check as firewall } from '../../src/checks/firewall/windows.ts';
import { check as passwordPolicy } from '../../src/checks/password-policy/windows.ts';
import { check as removableMedia } from '../../src/checks/removable-media/windows.ts';
import { jsonScript, powershellPath, powershellSource, primaryOrFallback } from '../../src/checks/windows-powershell.ts';
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
    expect(source.args.slice(0, 5)).toEqual(['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command']);
    expect(source.args[5]).toBe(jsonScript('Get-Date'));
    expect(source.args[5]).toMatch(/^\[Console\]::OutputEncoding = \[System\.Text\.Encoding\]::UTF8; .* \| ConvertTo-Json -Depth 4 -Compress$/);
    expect(source.timeoutMs).toBeGreaterThan(0);
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
