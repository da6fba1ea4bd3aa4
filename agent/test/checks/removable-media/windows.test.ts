import { describe, expect, it } from 'vitest';
import { CollectionStatus, Tri } from '@invigilator/shared/wire.ts';
import { check, REMOVABLE_STORAGE_POLICY_SOURCE } from '../../../src/checks/removable-media/windows.ts';
import { parseRemovableStoragePolicy } from '../../../src/checks/removable-media/parse-removable-storage-policy.ts';
import { collectedFrom, ran } from '../collected-from.ts';
import { cutShort, windowsFixture } from '../windows-fixtures.ts';

const context = { removableMountRoots: [] };
const report = (overrides: Record<string, unknown>) => JSON.stringify({ AllClasses: {}, RemovableDisks: {}, CdDvd: {}, UsbStor: { Start: '3' }, StorageDevicePolicies: {}, ...overrides });

describe('removable-media posture on Windows', () => {
  it('reads one registry report, not the attached drives', () => {
    const sources = check.sources(new Map(), context);
    expect(sources.map((source) => source.id)).toEqual([REMOVABLE_STORAGE_POLICY_SOURCE]);
    const script = sources[0]?.kind === 'command' ? sources[0].args.join(' ') : '';
    expect(script).toContain('RemovableStorageDevices');
    expect(script).not.toContain('Win32_LogicalDisk');
  });

  it('"All Removable Storage classes: Deny all access" blocks', () => {
    expect(check.interpret(collectedFrom({ [REMOVABLE_STORAGE_POLICY_SOURCE]: ran(windowsFixture('removable-storage-policy.1-deny-all-derived.json')) }), context))
      .toEqual({ status: CollectionStatus.COLLECTED, removableMedia: {
        storageBlocked: Tri.TRI_YES, writeBlocked: Tri.TRI_YES, postureProblem: '', mechanism: 'Group Policy: all removable storage classes, deny all access',
      } });
  });

  it('no policy and the driver enabled is not blocked', () => {
    expect(parseRemovableStoragePolicy(windowsFixture('removable-storage-policy.2-none-derived.json')))
      .toMatchObject({ ok: true, value: { storageBlocked: Tri.TRI_NO, writeBlocked: Tri.TRI_NO } });
  });

  it('removable disks denied read, or the USB storage driver disabled, blocks (and says CD/DVD are not denied)', () => {
    expect(parseRemovableStoragePolicy(report({ RemovableDisks: { Deny_Read: '1' } }))).toMatchObject({ ok: true, value: { storageBlocked: Tri.TRI_YES, mechanism: expect.stringContaining('CD and DVD') } });
    expect(parseRemovableStoragePolicy(report({ UsbStor: { Start: '4' } }))).toMatchObject({ ok: true, value: { storageBlocked: Tri.TRI_YES, mechanism: expect.stringContaining('USBSTOR') } });
  });

  it('deny write access, or WriteProtect, is read-only but not blocked', () => {
    expect(parseRemovableStoragePolicy(report({ RemovableDisks: { Deny_Write: '1' } }))).toMatchObject({ ok: true, value: { storageBlocked: Tri.TRI_NO, writeBlocked: Tri.TRI_YES } });
    expect(parseRemovableStoragePolicy(report({ StorageDevicePolicies: { WriteProtect: '1' } }))).toMatchObject({ ok: true, value: { writeBlocked: Tri.TRI_YES } });
  });

  it('a cut-off or unexpected report is unknown with a reason, never a pass', () => {
    expect(parseRemovableStoragePolicy(cutShort(windowsFixture('removable-storage-policy.1-deny-all-derived.json'), 0.4))).toMatchObject({ ok: false, code: 'OUTPUT_TRUNCATED' });
    expect(parseRemovableStoragePolicy('{"AllClasses":{}}')).toMatchObject({ ok: false, code: 'OUTPUT_UNRECOGNISED' });
    expect(check.interpret(collectedFrom({ [REMOVABLE_STORAGE_POLICY_SOURCE]: ran('') }), context)).toMatchObject({ status: CollectionStatus.COULD_NOT_COLLECT, reasonCode: 'OUTPUT_EMPTY' });
  });
});
