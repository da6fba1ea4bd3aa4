import { describe, expect, it } from 'vitest';
import { CollectionStatus } from '@invigilator/shared/wire.ts';
import { check, REMOVABLE_DRIVES_SOURCE } from '../../../src/checks/removable-media/windows.ts';
import { collectedFrom, ran } from '../collected-from.ts';
import { windowsFixture } from '../windows-fixtures.ts';

const context = { removableMountRoots: [] };

describe('removable media on Windows', () => {
  it('reads one source', () => {
    expect(check.sources(new Map(), context).map((source) => source.id)).toEqual([REMOVABLE_DRIVES_SOURCE]);
  });

  it('reports the drives present', () => {
    const capture = windowsFixture('Win32_LogicalDisk.1-drivetype2.txt').replace(/^\.\.\.\n\n/m, '');
    const finding = check.interpret(collectedFrom({ [REMOVABLE_DRIVES_SOURCE]: ran(capture) }), context);
    expect(finding.removableMedia?.devices?.map((device) => device.device)).toEqual(['E:']);
  });

  it('reports none as a collected empty list, and a failed script as could not collect', () => {
    expect(check.interpret(collectedFrom({ [REMOVABLE_DRIVES_SOURCE]: ran('') }), context)).toMatchObject({ status: CollectionStatus.COLLECTED, removableMedia: { devices: [] } });
    expect(check.interpret(collectedFrom({ [REMOVABLE_DRIVES_SOURCE]: ran('', { exitCode: 1 }) }), context)).toMatchObject({ status: CollectionStatus.COULD_NOT_COLLECT, reasonCode: 'COMMAND_FAILED' });
  });
});
