import { describe, expect, it } from 'vitest';
import { CollectionStatus, Tri } from '@invigilator/shared/wire.ts';
import { check } from '../../../src/checks/removable-media/linux.ts';
import { absent, collectedFrom, linuxFixture, ran } from '../collected-from.ts';

const context = { removableMountRoots: ['/media'] };
const noModules = ran('snd_hda_intel 61440 3 - Live 0x0000000000000000\n');
const withUsbStorage = ran('usb_storage 81920 1 uas, Live 0x0000000000000000\nuas 32768 0 - Live 0x0000000000000000\n');
const interpret = (sources: Parameters<typeof collectedFrom>[0]) =>
  check.interpret(collectedFrom({ 'linux.gsettings-lockdown-machine': absent(), ...sources }), context);

describe('linux removable-media posture', () => {
  it('reads the effective modprobe rules, the loaded modules, GNOME\'s lockdown keys and the rule folders; never lsblk or labels', () => {
    expect(check.sources(new Map(), context).map((source) => source.id)).toEqual(['linux.modprobe-config', 'linux.proc-modules', 'linux.gsettings-lockdown-machine', 'linux.rule-files']);
  });

  it('install usb-storage /bin/true (real modprobe output) blocks removable storage', () => {
    expect(interpret({ 'linux.modprobe-config': ran(linuxFixture('modprobe-showconfig.devmachine-install-true.txt')), 'linux.proc-modules': noModules }))
      .toEqual({ status: CollectionStatus.COLLECTED, removableMedia: {
        storageBlocked: Tri.TRI_YES, writeBlocked: Tri.TRI_YES, postureProblem: '',
        mechanism: 'USB storage: modprobe: install usb_storage runs a no-op instead of the driver; SD cards: no built-in card reader; CDs and DVDs: no CD/DVD drive',
      } });
  });

  it('no rule (the real Debian configuration) is not blocked, and says what was looked at', () => {
    expect(interpret({ 'linux.modprobe-config': ran(linuxFixture('modprobe-showconfig.devmachine-no-rules.txt')), 'linux.proc-modules': noModules }).removableMedia)
      .toMatchObject({ storageBlocked: Tri.TRI_NO, mechanism: 'USB storage: no modprobe rule stops the USB storage driver; SD cards: no built-in card reader; CDs and DVDs: no CD/DVD drive' });
  });

  it('a rule made while the driver is loaded does not block yet', () => {
    expect(interpret({ 'linux.modprobe-config': ran(linuxFixture('modprobe-showconfig.devmachine-install-true.txt')), 'linux.proc-modules': withUsbStorage }).removableMedia)
      .toMatchObject({ storageBlocked: Tri.TRI_NO, mechanism: expect.stringContaining('loaded now') });
  });

  it('a blacklist of usb_storage alone lets UAS sticks through (derived); with uas blacklisted too it blocks', () => {
    const base = linuxFixture('modprobe-showconfig.devmachine-no-rules.txt');
    expect(interpret({ 'linux.modprobe-config': ran(`blacklist usb_storage\n${base}`), 'linux.proc-modules': noModules }).removableMedia)
      .toMatchObject({ storageBlocked: Tri.TRI_NO, mechanism: expect.stringContaining('UAS') });
    expect(interpret({ 'linux.modprobe-config': ran(`blacklist usb_storage\nblacklist uas\n${base}`), 'linux.proc-modules': noModules }).removableMedia)
      .toMatchObject({ storageBlocked: Tri.TRI_YES });
  });

  it('GNOME mounting removable storage read-only makes it read-only, not blocked', () => {
    const lockdown = linuxFixture('gsettings-list-lockdown.devmachine-defaults.txt').replace('read-only false', 'read-only true');
    expect(interpret({
      'linux.modprobe-config': ran(linuxFixture('modprobe-showconfig.devmachine-no-rules.txt')), 'linux.proc-modules': noModules,
      'linux.gsettings-lockdown-machine': ran(lockdown),
    }).removableMedia).toMatchObject({ storageBlocked: Tri.TRI_NO, writeBlocked: Tri.TRI_YES, mechanism: expect.stringContaining('read-only') });
  });

  it('a kernel without loadable modules (no /proc/modules, as on this machine) is unknown with the reason', () => {
    expect(interpret({ 'linux.modprobe-config': ran(linuxFixture('modprobe-showconfig.devmachine-no-rules.txt')), 'linux.proc-modules': absent() }).removableMedia)
      .toMatchObject({ storageBlocked: Tri.TRI_UNKNOWN, postureProblem: expect.stringContaining('/proc/modules') });
  });

  it('modprobe missing, failing or printing something else is could-not-collect, never a pass', () => {
    expect(interpret({ 'linux.modprobe-config': absent(), 'linux.proc-modules': noModules })).toMatchObject({ status: CollectionStatus.COULD_NOT_COLLECT, reasonCode: 'COMMAND_NOT_FOUND' });
    expect(interpret({ 'linux.modprobe-config': ran('', { exitCode: 1, stderr: 'modprobe: FATAL' }), 'linux.proc-modules': noModules })).toMatchObject({ reasonCode: 'COMMAND_FAILED' });
    expect(interpret({ 'linux.modprobe-config': ran('Konfiguration nicht lesbar\n'), 'linux.proc-modules': noModules })).toMatchObject({ reasonCode: 'OUTPUT_UNRECOGNISED' });
  });
});
