import { describe, expect, it } from 'vitest';
import { CollectionStatus, Tri } from '@invigilator/shared/wire.ts';
import { ENCRYPTABLE_VOLUME_SOURCE, check, MANAGE_BDE_SOURCE } from '../../../src/checks/encryption/windows.ts';
import { CONSTRAINED_EXIT_CODE } from '../../../src/checks/windows-powershell.ts';
import { collectedFrom, ran } from '../collected-from.ts';
import { windowsFixture } from '../windows-fixtures.ts';

const context = { removableMountRoots: [] };
const cmdletMissing = ran('', { exitCode: 1, stderr: 'Get-CimInstance : Invalid namespace "root/CIMV2/Security/MicrosoftVolumeEncryption"' });

describe('encryption on Windows', () => {
  it('asks for Win32_EncryptableVolume first, and manage-bde only when it failed', () => {
    expect(check.sources(new Map(), context).map((source) => source.id)).toEqual([ENCRYPTABLE_VOLUME_SOURCE]);
    const good = collectedFrom({ [ENCRYPTABLE_VOLUME_SOURCE]: ran(windowsFixture('Win32_EncryptableVolume-json.1-os-and-removable.json')) });
    expect(check.sources(good, context)).toEqual([]);
    const failed = collectedFrom({ [ENCRYPTABLE_VOLUME_SOURCE]: cmdletMissing });
    expect(check.sources(failed, context).map((source) => source.id)).toEqual([MANAGE_BDE_SOURCE]);
  });

  it('runs manage-bde from System32 by absolute path', () => {
    const [source] = check.sources(collectedFrom({ [ENCRYPTABLE_VOLUME_SOURCE]: cmdletMissing }), context);
    expect(source?.kind === 'command' && source.file).toMatch(/^[A-Z]:\\.*\\System32\\manage-bde\.exe$/i);
  });

  it('reports the fixed volumes Win32_EncryptableVolume saw, not the stick', () => {
    const finding = check.interpret(collectedFrom({ [ENCRYPTABLE_VOLUME_SOURCE]: ran(windowsFixture('Win32_EncryptableVolume-json.1-os-and-removable.json')) }), context);
    expect(finding.status).toBe(CollectionStatus.COLLECTED);
    expect(finding.encryption?.volumes?.map((volume) => [volume.name, volume.encrypted])).toEqual([['C:', Tri.TRI_YES]]);
  });

  it('says Constrained Language Mode rather than a failed tool', () => {
    const finding = check.interpret(collectedFrom({
      [ENCRYPTABLE_VOLUME_SOURCE]: ran('invigilator-language-mode:ConstrainedLanguage\r\n', { exitCode: CONSTRAINED_EXIT_CODE }),
      [MANAGE_BDE_SOURCE]: ran('', { exitCode: null, errorCode: 'COMMAND_TIMED_OUT', errorDetail: 'manage-bde.exe ran longer than 45000 ms.' }),
    }), context);
    expect(finding.reason).toMatch(/Constrained Language Mode/);
  });

  it('falls back to manage-bde', () => {
    const finding = check.interpret(collectedFrom({
      [ENCRYPTABLE_VOLUME_SOURCE]: cmdletMissing,
      [MANAGE_BDE_SOURCE]: ran(windowsFixture('manage-bde-status.3-off.txt')),
    }), context);
    expect(finding.encryption?.volumes?.[0]).toMatchObject({ name: 'C:', encrypted: Tri.TRI_NO });
  });

  it('could not collect when both fail, naming both reasons', () => {
    const finding = check.interpret(collectedFrom({
      [ENCRYPTABLE_VOLUME_SOURCE]: cmdletMissing,
      [MANAGE_BDE_SOURCE]: ran('', { exitCode: null, errorCode: 'COMMAND_TIMED_OUT', errorDetail: 'manage-bde.exe ran longer than 45000 ms.' }),
    }), context);
    expect(finding).toMatchObject({ status: CollectionStatus.COULD_NOT_COLLECT, reasonCode: 'COMMAND_TIMED_OUT' });
    expect(finding.reason).toMatch(/exited 1.*Fallback:.*did not answer in time/s);
  });
});
