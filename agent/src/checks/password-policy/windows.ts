// Local password policy on Windows: the security policy exported by secedit
// (language-neutral keys), and `net accounts` only when that failed.
import { CollectionStatus } from '@invigilator/shared/wire.ts';
import { findingFrom, parseFallbackSource } from '../findings.ts';
import type { Collected, Parsed, PlatformCheck, SourceSpec } from '../types.ts';
import { parsePowerShellSource, POWERSHELL_TIMEOUT_MS, powershellSource, primaryOrFallback, system32Path } from '../windows-powershell.ts';
import type { PasswordPolicyFacts } from './password-policy-facts.ts';
import { parseNetAccounts } from './parse-net-accounts.ts';
import { parseSeceditExport } from './parse-secedit-export.ts';

export const SECEDIT_SOURCE = 'windows.secedit-export-security-policy';
export const NET_ACCOUNTS_SOURCE = 'windows.net-accounts';

// The documented area is SECURITYPOLICY (no underscore); /mergedpolicy exports
// the policy in force (local merged with domain and MDM-delivered settings).
// secedit writes only to a file (UTF-16LE): export to a private temporary file,
// print it as one string, always delete it. ReadAllText avoids the extra
// properties Get-Content attaches, which ConvertTo-Json would print too.
const SECEDIT_SCRIPT = [
  '$path = Join-Path $env:TEMP (\'invigilator-secedit-\' + [guid]::NewGuid().ToString() + \'.inf\')',
  'try { $null = & (Join-Path $env:SystemRoot \'System32\\secedit.exe\') /export /mergedpolicy /cfg $path /areas SECURITYPOLICY /quiet;'
    + ' if ($LASTEXITCODE -ne 0) { throw (\'secedit exited with \' + $LASTEXITCODE) };'
    + ' [System.IO.File]::ReadAllText($path, [System.Text.Encoding]::Unicode) }'
    + ' finally { Remove-Item -LiteralPath $path -Force -ErrorAction SilentlyContinue }',
].join('; ');

const netAccountsSource = (): SourceSpec => ({
  id: NET_ACCOUNTS_SOURCE, kind: 'command', file: system32Path('net.exe'), args: ['accounts'], timeoutMs: POWERSHELL_TIMEOUT_MS,
});

const readSecedit = (collected: Collected): Parsed<PasswordPolicyFacts> => parsePowerShellSource(collected, SECEDIT_SOURCE, parseSeceditExport);

export const check: PlatformCheck = {
  check: 'password-policy',
  platform: 'windows',
  sources(collected) {
    if (!collected.has(SECEDIT_SOURCE)) return [powershellSource(SECEDIT_SOURCE, SECEDIT_SCRIPT)];
    return readSecedit(collected).ok ? [] : [netAccountsSource()];
  },
  interpret: (collected) => findingFrom(primaryOrFallback(readSecedit(collected), parseFallbackSource(collected, NET_ACCOUNTS_SOURCE, parseNetAccounts)),
    (passwordPolicy) => ({ status: CollectionStatus.COLLECTED, passwordPolicy })),
};
