import { describe, expect, it } from 'vitest';
import { CollectionStatus, Tri } from '@invigilator/shared/wire.ts';
import { check } from '../../../src/checks/removable-media/macos.ts';
import { collectedOf, type RawSource } from '../../helpers/macos-collected.ts';
import { macosFixture } from '../../helpers/macos-fixture.ts';

const context = { removableMountRoots: ['/Volumes'] };
const interpret = (sources: Record<string, RawSource>) => check.interpret(collectedOf(sources), context);
const listed = macosFixture('managed-preferences-ls.1-derived.txt');

describe('removable-media posture on macOS', () => {
  it('reads the managed payload list, then the restrictions payload when a profile installed one; never diskutil', () => {
    expect(check.sources(new Map(), context).map((source) => source.id)).toEqual(['macos.managed-preferences']);
    expect(check.sources(collectedOf({ 'macos.managed-preferences': listed }), context).map((source) => source.id))
      .toEqual(['macos.managed-preferences', 'macos.managed-systemuiserver']);
  });

  it('a profile denying external disks blocks; read-only is read-only', () => {
    expect(interpret({ 'macos.managed-preferences': listed, 'macos.managed-systemuiserver': macosFixture('managed-systemuiserver.1-external-deny-derived.txt') }))
      .toEqual({ status: CollectionStatus.COLLECTED, removableMedia: {
        storageBlocked: Tri.TRI_YES, writeBlocked: Tri.TRI_YES, postureProblem: '', mechanism: 'configuration profile: external disks denied (mount-controls)',
      } });
    expect(interpret({ 'macos.managed-preferences': listed, 'macos.managed-systemuiserver': macosFixture('managed-systemuiserver.2-external-read-only-derived.txt') }).removableMedia)
      .toMatchObject({ storageBlocked: Tri.TRI_NO, writeBlocked: Tri.TRI_YES });
  });

  it('no profile at all (the folder missing, ls exit 1) is not blocked', () => {
    expect(interpret({ 'macos.managed-preferences': { exitCode: 1, stderr: 'ls: /Library/Managed Preferences: No such file or directory\n' } }).removableMedia)
      .toMatchObject({ storageBlocked: Tri.TRI_NO, writeBlocked: Tri.TRI_NO });
  });

  it('a damaged payload is could-not-collect, never a pass', () => {
    expect(interpret({ 'macos.managed-preferences': listed, 'macos.managed-systemuiserver': macosFixture('managed-systemuiserver.1-external-deny-derived.txt').slice(0, 150) }))
      .toMatchObject({ status: CollectionStatus.COULD_NOT_COLLECT });
  });
});
