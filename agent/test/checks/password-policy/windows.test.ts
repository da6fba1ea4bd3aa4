import { describe, expect, it } from 'vitest';
import { CollectionStatus, Tri } from '@invigilator/shared/wire.ts';
import { check, NET_ACCOUNTS_SOURCE, SECEDIT_SOURCE } from '../../../src/checks/password-policy/windows.ts';
import { collectedFrom, ran } from '../collected-from.ts';
import { windowsFixture } from '../windows-fixtures.ts';

const context = { removableMountRoots: [] };
const denied = ran('', { exitCode: 1, stderr: 'secedit exited with 5' });

describe('password policy on Windows', () => {
  it('asks for secedit, and net accounts only when it failed', () => {
    expect(check.sources(new Map(), context).map((source) => source.id)).toEqual([SECEDIT_SOURCE]);
    expect(check.sources(collectedFrom({ [SECEDIT_SOURCE]: ran(JSON.stringify(windowsFixture('secedit-export.1.txt'))) }), context)).toEqual([]);
    expect(check.sources(collectedFrom({ [SECEDIT_SOURCE]: denied }), context).map((source) => source.id)).toEqual([NET_ACCOUNTS_SOURCE]);
  });

  it('exports the documented SECURITYPOLICY area of the policy in force (/mergedpolicy), not the misspelt SECURITY_POLICY', () => {
    const [source] = check.sources(new Map(), context);
    const script = source?.kind === 'command' ? source.args.at(-1) ?? '' : '';
    expect(script).toContain('/export /mergedpolicy /cfg $path /areas SECURITYPOLICY /quiet');
    expect(script).not.toContain('SECURITY_POLICY');
  });

  it('reports the exported policy', () => {
    const finding = check.interpret(collectedFrom({ [SECEDIT_SOURCE]: ran(JSON.stringify(windowsFixture('secedit-export.1.txt'))) }), context);
    expect(finding).toMatchObject({ status: CollectionStatus.COLLECTED, passwordPolicy: { complexityRequired: Tri.TRI_YES, maxAgeDays: 42 } });
  });

  it('falls back to net accounts', () => {
    const finding = check.interpret(collectedFrom({ [SECEDIT_SOURCE]: denied, [NET_ACCOUNTS_SOURCE]: ran(windowsFixture('net-accounts.2-domain-workstation.txt')) }), context);
    expect(finding.passwordPolicy).toMatchObject({ minLength: 7, complexityRequired: Tri.TRI_UNKNOWN });
  });

  it('could not collect when both fail', () => {
    const finding = check.interpret(collectedFrom({ [SECEDIT_SOURCE]: denied, [NET_ACCOUNTS_SOURCE]: ran('', { exitCode: 2 }) }), context);
    expect(finding).toMatchObject({ status: CollectionStatus.COULD_NOT_COLLECT, reasonCode: 'COMMAND_FAILED' });
  });
});
