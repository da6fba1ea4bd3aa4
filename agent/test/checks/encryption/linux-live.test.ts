// Runs the Linux encryption check on this machine through the real runner and tools.
import { describe, expect, it } from 'vitest';
import { CollectionStatus, Tri, VolumeRole } from '@invigilator/shared/wire.ts';
import { DEFAULT_AGENT_SETTINGS } from '@invigilator/shared/agent-config.ts';
import { check } from '../../../src/checks/encryption/linux.ts';
import { liveProvider } from '../../../src/checks/live-provider.ts';
import { runCheck } from '../../../src/checks/runner.ts';

describe.skipIf(process.platform !== 'linux')('linux encryption check, live (Linux only)', () => {
  it('reports "/" (on /dev/vda here) as not encrypted', async () => {
    const { observation } = await runCheck(check, liveProvider, { removableMountRoots: DEFAULT_AGENT_SETTINGS.removableMountRoots });
    expect(observation).toMatchObject({ check: 'encryption', status: CollectionStatus.COLLECTED });
    expect(observation.sourceIds).toEqual(expect.arrayContaining(['linux.lsblk-json', 'linux.findmnt-json']));
    const root = observation.encryption!.volumes!.find((volume) => volume.name === '/');
    expect(root).toMatchObject({ role: VolumeRole.VOLUME_ROLE_SYSTEM, encrypted: Tri.TRI_NO });
  });
});
