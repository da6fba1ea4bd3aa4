import { describe, expect, it } from 'vitest';
import { parsed } from '../src/checks/types.ts';
import { CONSTRAINED_EXIT_CODE } from '../src/checks/windows-powershell.ts';
import { readPowerShellOnce } from '../src/run-powershell-once.ts';

// A real process stands in for PowerShell: the reading does not care which program printed the output.
const source = (script: string) => ({ id: 'windows.example', kind: 'command' as const, file: '/bin/sh', args: ['-c', script], timeoutMs: 5_000 });

describe('readPowerShellOnce', () => {
  it('parses what the program printed', async () => {
    expect(await readPowerShellOnce(source('printf \'{"a":1}\''), (text) => parsed(JSON.parse(text) as unknown))).toEqual({ ok: true, value: { a: 1 } });
  });

  it('says Constrained Language Mode when the script stopped for it', async () => {
    const result = await readPowerShellOnce(source(`echo invigilator-language-mode:ConstrainedLanguage; exit ${CONSTRAINED_EXIT_CODE}`), (text) => parsed(text));
    expect(result).toMatchObject({ ok: false, code: 'POWERSHELL_CONSTRAINED' });
  });

  it('gives the failure and PowerShell\'s first stderr line, and takes empty output only when allowed', async () => {
    expect(await readPowerShellOnce(source('echo "Get-CimInstance : Access denied" >&2; exit 1'), (text) => parsed(text)))
      .toMatchObject({ ok: false, code: 'COMMAND_FAILED', reason: expect.stringMatching(/exited 1: Get-CimInstance : Access denied/) });
    expect(await readPowerShellOnce(source('true'), (text) => parsed(text))).toMatchObject({ ok: false, code: 'OUTPUT_EMPTY' });
    expect(await readPowerShellOnce(source('true'), (text) => parsed(text), { allowEmpty: true })).toEqual({ ok: true, value: '' });
  });
});
