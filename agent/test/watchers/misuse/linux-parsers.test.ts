import { describe, expect, it } from 'vitest';
import { createLogger } from '@invigilator/shared/logger.ts';
import { AGENT_SERVICE_SAFEGUARD } from '@invigilator/shared/wire.ts';
import type { SourceSpec } from '../../../src/checks/types.ts';
import { linuxSafeguardProbes, nftGenerationNote } from '../../../src/watchers/misuse/linux-safeguards.ts';
import { parseNmcliWifi, splitTerseLine } from '../../../src/watchers/misuse/parse-nmcli-wifi.ts';
import { parseSystemctlShow } from '../../../src/watchers/misuse/parse-systemctl-show.ts';
import { parsePasswd, uidFromStatus } from '../../../src/watchers/misuse/linux-processes.ts';
import { parseFindmntPollLine } from '../../../src/watchers/removable-media/parse-findmnt-poll.ts';
import { linuxFixture } from '../../checks/collected-from.ts';

describe('nft monitor', () => {
  it('turns each new ruleset generation into a note naming the program, and nothing else', () => {
    const notes = linuxFixture('nft-monitor.devmachine-load-and-flush.txt').split('\n').map(nftGenerationNote).filter(Boolean);
    expect(notes).toEqual(['changed with nft, process 20702', 'changed with nft, process 20703']);
  });
});

describe('findmnt --poll', () => {
  it('reads each change, with a space in the folder name unescaped', () => {
    const lines = linuxFixture('findmnt-poll.devmachine-tmpfs-space.txt').split('\n').filter(Boolean);
    const changes = lines.map(parseFindmntPollLine);
    expect(changes.slice(0, 3)).toEqual([
      { ok: true, value: { action: 'mount', mountPoint: '/tmp/invigilator-cap/m ount', source: 'invtmp', fsType: 'tmpfs' } },
      { ok: true, value: { action: 'remount', mountPoint: '/tmp/invigilator-cap/m ount', source: 'invtmp', fsType: 'tmpfs' } },
      { ok: true, value: { action: 'umount', mountPoint: '/tmp/invigilator-cap/m ount', source: 'invtmp', fsType: 'tmpfs' } },
    ]);
    expect(changes.at(-1)).toEqual({ ok: true, value: { action: 'mount', mountPoint: '/media/pupil-bb8475/LOSTBB8475', source: '/dev/loop1', fsType: 'ext4' } });
  });

  it('decodes a multi-byte name written as several escapes', () => {
    expect(parseFindmntPollLine('mount /media/pupil/CL\\xc3\\x89 /dev/sdb1 vfat')).toMatchObject({ ok: true, value: { mountPoint: '/media/pupil/CLÉ' } });
  });

  it('refuses a line that is not ACTION TARGET SOURCE FSTYPE, with a coded reason', () => {
    expect(parseFindmntPollLine('findmnt: poll failed')).toMatchObject({ ok: false, code: 'OUTPUT_UNRECOGNISED' });
  });
});

describe('nmcli terse Wi-Fi list', () => {
  // nmcli -t escapes ':' and '\' inside values with '\'; an open network has an empty SECURITY.
  it('splits escaped fields', () => {
    expect(splitTerseLine('yes:Cafe\\:Free:')).toEqual(['yes', 'Cafe:Free', '']);
    expect(splitTerseLine('no:Back\\\\slash:WPA2')).toEqual(['no', 'Back\\slash', 'WPA2']);
  });

  it('finds the active network and whether it is open', () => {
    expect(parseNmcliWifi('no:SchoolNet:WPA2 802.1X\nyes:Cafe\\:Free:\nno:Home:WPA2\n')).toEqual({ ok: true, value: { ssid: 'Cafe:Free', open: true } });
    expect(parseNmcliWifi('yes:SchoolNet:WPA2 802.1X\n')).toEqual({ ok: true, value: { ssid: 'SchoolNet', open: false } });
  });

  it('is not connected when no network is active, and says so when the words are not English', () => {
    expect(parseNmcliWifi('no:SchoolNet:WPA2\n')).toEqual({ ok: true, value: {} });
    expect(parseNmcliWifi('')).toEqual({ ok: true, value: {} });
    expect(parseNmcliWifi('oui:SchoolNet:WPA2\n')).toMatchObject({ ok: false, code: 'OUTPUT_LOCALISED' });
  });
});

describe('systemctl show', () => {
  it('reads loaded and active state per unit', () => {
    const text = 'Id=clamav-daemon.service\nLoadState=loaded\nActiveState=inactive\n\nId=mdatp.service\nLoadState=not-found\nActiveState=inactive\n';
    expect(parseSystemctlShow(text)).toEqual({ ok: true, value: [
      { id: 'clamav-daemon.service', loaded: true, active: false, activeState: 'inactive' },
      { id: 'mdatp.service', loaded: false, active: false, activeState: 'inactive' },
    ] });
    expect(parseSystemctlShow('')).toMatchObject({ ok: false, code: 'OUTPUT_EMPTY' });
  });

  it('reads the agent\'s own unit set not to start as its service switched off by an administrator', async () => {
    const show = (state: string): string => 'Id=clamav-daemon.service\nLoadState=not-found\nActiveState=inactive\nUnitFileState=\n\n'
      + `Id=invigilator-agent.service\nLoadState=loaded\nActiveState=active\nUnitFileState=${state}\n`;
    let answer = show('enabled');
    const asked: string[][] = [];
    const provider = { read: async (spec: SourceSpec) => { asked.push(spec.kind === 'command' ? [...spec.args] : []); return { id: spec.id, exitCode: 0, stdout: answer, stderr: '', durationMs: 1 }; } };
    const probe = linuxSafeguardProbes(provider, createLogger({ name: 'agent-test', level: 'silent' }), 'invigilator-agent.service')[1]!;
    expect((await probe.read()).states.get(AGENT_SERVICE_SAFEGUARD)).toMatchObject({ on: true });
    answer = show('disabled');
    expect((await probe.read()).states.get(AGENT_SERVICE_SAFEGUARD)).toEqual({
      on: false, byAdministrator: true, seen: 'the service invigilator-agent.service was set not to start (disabled)',
    });
    expect(asked[0]).toEqual(expect.arrayContaining(['--property=Id,LoadState,ActiveState,UnitFileState', 'invigilator-agent.service']));
  });
});

describe('/proc and /etc/passwd', () => {
  it('reads the real uid of a process and names it', () => {
    expect(uidFromStatus('Name:\tsleep\nUmask:\t0022\nState:\tS (sleeping)\nUid:\t1000\t1000\t1000\t1000\n')).toBe(1000);
    expect(parsePasswd('root:x:0:0:root:/root:/bin/bash\npupil:x:1000:1000::/home/pupil:/bin/bash\n').get(1000)).toBe('pupil');
  });
});
