import { describe, expect, it } from 'vitest';
import { CollectionStatus, Tri } from '@invigilator/shared/wire.ts';
import { check, DEFENDER_SOURCE, SECURITY_CENTER_SOURCE } from '../../../src/checks/antivirus/windows.ts';
import { DEFENDER_NAME } from '../../../src/checks/antivirus/parse-mp-computer-status.ts';
import { collectedFrom, ran } from '../collected-from.ts';
import { windowsFixture } from '../windows-fixtures.ts';

const context = { removableMountRoots: [] };
const failed = (stderr: string) => ran('', { exitCode: 1, stderr });
const defenderOn = ran(windowsFixture('Get-MpComputerStatus.1.txt'));
const twoProducts = ran(windowsFixture('SecurityCenter2-AntiVirusProduct.1.txt'));
const defenderOnly = ran(windowsFixture('SecurityCenter2-AntiVirusProduct.3-wmiobject.txt'));

const interpret = (sources: Parameters<typeof collectedFrom>[0]) => check.interpret(collectedFrom(sources), context);

describe('antivirus on Windows', () => {
  it('reads both sources at once', () => {
    expect(check.sources(new Map(), context).map((source) => source.id)).toEqual([DEFENDER_SOURCE, SECURITY_CENTER_SOURCE]);
  });

  it('reports Defender once when both sources see it', () => {
    const finding = interpret({ [DEFENDER_SOURCE]: defenderOn, [SECURITY_CENTER_SOURCE]: defenderOnly });
    expect(finding.antivirus?.products).toEqual([expect.objectContaining({ name: DEFENDER_NAME, enabled: Tri.TRI_YES, signatureVersion: '1.413.102.0' })]);
  });

  it('reports every registered product; Defender off when Security Center says it stands aside', () => {
    const finding = interpret({ [DEFENDER_SOURCE]: defenderOn, [SECURITY_CENTER_SOURCE]: twoProducts });
    expect(finding.antivirus?.products?.map((product) => [product.name, product.enabled])).toEqual([
      [DEFENDER_NAME, Tri.TRI_NO], ['Bitdefender Antivirus', Tri.TRI_YES],
    ]);
  });

  it('uses Security Center alone when Defender is switched off by another product', () => {
    const finding = interpret({ [DEFENDER_SOURCE]: failed('Get-MpComputerStatus : 0x800106ba'), [SECURITY_CENTER_SOURCE]: twoProducts });
    expect(finding.antivirus?.products?.map((product) => product.name)).toEqual(['Windows Defender', 'Bitdefender Antivirus']);
  });

  it('uses Defender alone on Windows Server (no Security Center namespace)', () => {
    const finding = interpret({ [DEFENDER_SOURCE]: defenderOn, [SECURITY_CENTER_SOURCE]: failed('Get-CimInstance : Invalid namespace') });
    expect(finding.antivirus?.products?.map((product) => product.name)).toEqual([DEFENDER_NAME]);
  });

  it('reports no product as a collected empty list', () => {
    const finding = interpret({ [DEFENDER_SOURCE]: failed('The term Get-MpComputerStatus is not recognized'), [SECURITY_CENTER_SOURCE]: ran('') });
    expect(finding).toMatchObject({ status: CollectionStatus.COLLECTED, antivirus: { products: [] } });
  });

  it.each([
    ['both sources failed', failed('x'), failed('y'), 'COMMAND_FAILED'],
    ['Defender timed out', ran('', { exitCode: null, errorCode: 'COMMAND_TIMED_OUT' }), defenderOnly, 'COMMAND_TIMED_OUT'],
    ['Security Center output is damaged', defenderOn, ran('[{"displayName":'), 'OUTPUT_TRUNCATED'],
  ])('could not collect when %s', (_name, defender, registered, code) => {
    expect(interpret({ [DEFENDER_SOURCE]: defender, [SECURITY_CENTER_SOURCE]: registered })).toMatchObject({ status: CollectionStatus.COULD_NOT_COLLECT, reasonCode: code });
  });
});
