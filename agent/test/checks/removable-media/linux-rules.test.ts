// The Linux removable-media posture over real rule files in a temporary root: udev
// rules that switch USB storage off or hide a kind of storage from the desktop, polkit
// rules (JavaScript and .pkla) that refuse mounting, and modprobe rules for each driver;
// find and the file reads are live, modprobe's configuration and the loaded modules are
// captures (this machine has neither modprobe nor /proc/modules).
import { copyFileSync, mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CollectionStatus, Tri } from '@invigilator/shared/wire.ts';
import { liveProvider } from '../../../src/checks/live-provider.ts';
import { createLinuxRemovableCheck } from '../../../src/checks/removable-media/linux.ts';
import { driverPosture, parseModprobeRules } from '../../../src/checks/removable-media/parse-modprobe-config.ts';
import { pklaRefusesMounting, polkitRuleRefusesMounting } from '../../../src/checks/removable-media/parse-polkit-rules.ts';
import { udevRulesDeny } from '../../../src/checks/removable-media/parse-udev-rules.ts';
import { runCheck } from '../../../src/checks/runner.ts';
import type { SourceProvider } from '../../../src/checks/types.ts';
import { useTempDirs } from '../../helpers/temp-dirs.ts';
import { linuxFixture } from '../collected-from.ts';

const tempDir = useTempDirs('invigilator-removable-rules');
const rule = (name: string): string => linuxFixture(`removable-rules/${name}`);
const NO_RULES = linuxFixture('modprobe-showconfig.devmachine-no-rules.txt');
/** A laptop with a built-in SD reader and a DVD drive (module names and layout as /proc/modules prints them). */
const LAPTOP_MODULES = 'sdhci_pci 81920 0 - Live 0x0000000000000000\nsdhci 86016 1 sdhci_pci, Live 0x0000000000000000\n'
  + 'mmc_core 229376 2 sdhci_pci,sdhci, Live 0x0000000000000000\nsr_mod 28672 0 - Live 0x0000000000000000\ncdrom 81920 1 sr_mod, Live 0x0000000000000000\n';

const providerWith = (modprobe: string, modules: string): SourceProvider => ({
  read: (spec) => {
    const answer = (stdout: string) => Promise.resolve({ id: spec.id, exitCode: 0, stdout, stderr: '', durationMs: 0 });
    if (spec.id === 'linux.modprobe-config') return answer(modprobe);
    if (spec.id === 'linux.proc-modules') return answer(modules);
    if (spec.id === 'linux.gsettings-lockdown-machine') return answer(linuxFixture('gsettings-list-lockdown.devmachine-defaults.txt'));
    return liveProvider.read(spec);
  },
});

const place = (root: string, relative: string, fixture: string): void => {
  mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
  copyFileSync(path.join(path.dirname(new URL(import.meta.url).pathname), '../../../../test/fixtures/linux/removable-rules', fixture), path.join(root, relative));
};

const posture = async (root: string, modprobe = NO_RULES, modules = LAPTOP_MODULES) => {
  const { observation } = await runCheck(createLinuxRemovableCheck(root), providerWith(modprobe, modules), { removableMountRoots: [] });
  expect(observation.status).toBe(CollectionStatus.COLLECTED);
  return { facts: observation.removableMedia!, sourceIds: observation.sourceIds };
};

describe('linux removable-media posture from real rule files', () => {
  it('nothing in the rule folders: every kind is open on a laptop with a card reader and a DVD drive', async () => {
    const root = tempDir();
    place(root, 'usr/share/polkit-1/rules.d/50-default.rules', 'polkit.50-default.rules');
    const { facts, sourceIds } = await posture(root);
    expect(facts).toMatchObject({ storageBlocked: Tri.TRI_NO, writeBlocked: Tri.TRI_NO });
    expect(facts.mechanism).toBe('USB storage: no modprobe rule stops the USB storage driver; SD cards: no modprobe rule stops the SD card driver (mmc_block); '
      + 'CDs and DVDs: no modprobe rule stops the CD/DVD driver (sr_mod)');
    expect(sourceIds).toContain('linux.polkit-rules.50-default.rules');
  });

  it('USB storage switched off by udev, cards and discs hidden or refused: blocked, and says how for each kind', async () => {
    const root = tempDir();
    place(root, 'etc/udev/rules.d/99-block-storage.rules', 'udev.99-block-storage.rules');
    place(root, 'etc/udev/rules.d/60-cdrom-ignore.rules', 'udev.60-cdrom-ignore.rules');
    place(root, 'etc/polkit-1/rules.d/10-udisks.rules', 'polkit.10-udisks-pupils.rules');
    const { facts } = await posture(root);
    expect(facts).toEqual({
      storageBlocked: Tri.TRI_YES, writeBlocked: Tri.TRI_YES, postureProblem: '',
      mechanism: 'USB storage: udev: 99-block-storage.rules switches USB devices off (authorized=0); '
        + 'SD cards: polkit: 10-udisks.rules refuses mounting removable storage depending on membership of pupils; '
        + 'CDs and DVDs: udev: 60-cdrom-ignore.rules hides them from the desktop (UDISKS_IGNORE)',
    });
  });

  it('a local file of the same name overrides the one below it; a rule masked to /dev/null blocks nothing', async () => {
    const root = tempDir();
    place(root, 'run/udev/rules.d/90-usb.rules', 'udev.99-stig-usb.rules');
    mkdirSync(path.join(root, 'etc/udev/rules.d'), { recursive: true });
    symlinkSync('/dev/null', path.join(root, 'etc/udev/rules.d/90-usb.rules'));
    const { facts } = await posture(root);
    expect(facts.storageBlocked).toBe(Tri.TRI_NO);
    expect(facts.mechanism).toContain('USB storage: no modprobe rule');
  });

  it('a .pkla that asks for an administrator\'s password blocks every kind for the pupil; an allowing one does not', async () => {
    const root = tempDir();
    place(root, 'etc/polkit-1/localauthority/50-local.d/10-udisks2.pkla', 'pkla.10-udisks2-allow.pkla');
    expect((await posture(root)).facts.storageBlocked).toBe(Tri.TRI_NO);
    place(root, 'etc/polkit-1/localauthority/90-mandatory.d/10-udisks2-mount.pkla', 'pkla.10-udisks2-mount.pkla');
    const { facts } = await posture(root);
    expect(facts.storageBlocked).toBe(Tri.TRI_YES);
    expect(facts.mechanism).toContain('USB storage: polkit: 10-udisks2-mount.pkla refuses mounting removable storage for unix-user:user');
  });

  it('modprobe rules for each driver, with a kind the device does not have needing none', async () => {
    const root = tempDir();
    const rules = `install usb-storage /bin/true\nblacklist mmc_block\n${NO_RULES}`;
    const withoutDvd = LAPTOP_MODULES.split('\n').filter((line) => !/^(sr_mod|cdrom) /.test(line)).join('\n');
    const { facts } = await posture(root, rules, withoutDvd);
    expect(facts).toMatchObject({ storageBlocked: Tri.TRI_YES, mechanism: 'USB storage: modprobe: install usb_storage runs a no-op instead of the driver; '
      + 'SD cards: modprobe: mmc_block blacklisted; CDs and DVDs: no CD/DVD drive' });
    // The DVD drive present and its driver loaded: not blocked, and says which kind is open.
    const open = (await posture(root, rules, LAPTOP_MODULES)).facts;
    expect(open.storageBlocked).toBe(Tri.TRI_NO);
    expect(open.mechanism).toContain('CDs and DVDs: no modprobe rule stops the CD/DVD driver (sr_mod)');
  });

  it('no /proc/modules (built-in drivers): unknown unless rules block every kind', async () => {
    const root = tempDir();
    const provider: SourceProvider = { read: (spec) => (spec.id === 'linux.proc-modules'
      ? Promise.resolve({ id: spec.id, exitCode: null, stdout: '', stderr: '', durationMs: 0, errorCode: 'COMMAND_NOT_FOUND' as const })
      : providerWith(NO_RULES, '').read(spec)) };
    const unknown = (await runCheck(createLinuxRemovableCheck(root), provider, { removableMountRoots: [] })).observation.removableMedia!;
    expect(unknown).toMatchObject({ storageBlocked: Tri.TRI_UNKNOWN, postureProblem: expect.stringContaining('/proc/modules') });
    place(root, 'etc/polkit-1/rules.d/10-udisks.rules', 'polkit.10-udisks-pupils.rules');
    const blocked = (await runCheck(createLinuxRemovableCheck(root), provider, { removableMountRoots: [] })).observation.removableMedia!;
    expect(blocked.storageBlocked).toBe(Tri.TRI_YES);
  });
});

describe('the rule parsers', () => {
  it('udev: storage classes, not one partition, and not other USB classes', () => {
    expect([...udevRulesDeny(rule('udev.99-block-storage.rules'), '99-block-storage.rules').keys()]).toEqual(['usb']);
    expect([...udevRulesDeny(rule('udev.99-stig-usb.rules'), '99-stig-usb.rules').keys()]).toEqual(['usb']);
    expect(udevRulesDeny(rule('udev.99-hide-ntfs-partitions.rules'), '99-hide.rules').size).toBe(0);
    expect(udevRulesDeny('ACTION=="add", SUBSYSTEM=="usb", ATTR{bInterfaceClass}=="e0", ATTR{authorized}="0"\n', 'x.rules').size).toBe(0);
    expect([...udevRulesDeny('SUBSYSTEM=="block", ENV{UDISKS_IGNORE}="1"\n', 'all.rules').keys()]).toEqual(['usb', 'sd', 'optical']);
    expect([...udevRulesDeny('KERNEL=="mmcblk[0-9]*", \\\n  ENV{UDISKS_IGNORE}="1"\n', 'sd.rules').keys()]).toEqual(['sd']);
    expect(udevRulesDeny('ACTION=="remove", SUBSYSTEMS=="usb", ENV{UDISKS_IGNORE}="1"\n', 'x.rules').size).toBe(0);
  });

  it('polkit: refusals only, allowances and comments ignored', () => {
    expect(polkitRuleRefusesMounting(rule('polkit.10-udisks-allow.rules'), 'a.rules')).toBeUndefined();
    expect(polkitRuleRefusesMounting(rule('polkit.50-default.rules'), 'b.rules')).toBeUndefined();
    expect(polkitRuleRefusesMounting('// polkit.addRule return polkit.Result.NO "org.freedesktop.udisks2.filesystem-mount"\n', 'c.rules')).toBeUndefined();
    expect(polkitRuleRefusesMounting('polkit.addRule(function(a) { if (a.id.indexOf("org.freedesktop.udisks2.") == 0) return polkit.Result.AUTH_ADMIN; });', 'd.rules'))
      .toBe('polkit: d.rules refuses mounting removable storage');
    expect(pklaRefusesMounting(rule('pkla.10-udisks2-allow.pkla'), 'e.pkla')).toBeUndefined();
    // polkit reads a key given twice as its last value: this section ends up about powering drives off.
    expect(pklaRefusesMounting('[x]\nIdentity=unix-user:*\nAction=org.freedesktop.udisks2.filesystem-mount\nAction=org.freedesktop.udisks2.power-off-drive\nResultActive=no\n', 'f.pkla')).toBeUndefined();
    expect(pklaRefusesMounting('[x]\nIdentity=unix-group:pupils\nAction=org.freedesktop.udisks2.*\nResultActive=no\n', 'g.pkla')).toBe('polkit: g.pkla refuses mounting removable storage for unix-group:pupils');
  });

  it('modprobe: a rule for a driver loaded now does not block yet', () => {
    const rules = parseModprobeRules(`blacklist sr_mod\n${NO_RULES}`, 'modprobe');
    if (!rules.ok) throw new Error(rules.reason);
    const optical = driverPosture(rules.value, new Set(['sr_mod', 'cdrom'])).optical;
    expect(optical.blockedBy).toBeUndefined();
    expect(optical.openBecause).toContain('loaded now');
  });
});
