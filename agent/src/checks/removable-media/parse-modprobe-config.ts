// `modprobe --showconfig`: the effective module configuration from every modprobe.d
// folder, names normalised to underscores ("install usb_storage /bin/true",
// "blacklist usb_storage"). Each kind of removable storage needs its driver: USB sticks
// usb_storage (UAS sticks load uas, which pulls usb_storage in as a dependency, past a
// blacklist), SD cards in a built-in reader mmc_block, CDs and DVDs sr_mod (with cdrom
// under it). A driver is kept out by an install rule that runs true/false instead of
// loading it, or by a blacklist where nothing else pulls it in; a driver already loaded
// ignores rules made since.
import { parsed, type Parsed } from '../types.ts';
import { unreadable } from '../../parsers/reasons.ts';
import type { StorageKind } from './parse-udev-rules.ts';

const NO_OP_INSTALL = /^(\/usr)?\/s?bin\/(true|false)(\s|$)|^\/bin\/sh -c ['"]?(exit 1|\/bin\/(true|false))/;

export interface ModuleRules { installNoOp: Set<string>; blacklisted: Set<string> }

export const parseModprobeRules = (text: string, source: string): Parsed<ModuleRules> => {
  const rules: ModuleRules = { installNoOp: new Set(), blacklisted: new Set() };
  let lines = 0;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    lines += 1;
    const [keyword, module, ...rest] = line.split(/\s+/);
    if (!module) continue;
    const name = module.replace(/-/g, '_');
    if (keyword === 'install' && NO_OP_INSTALL.test(rest.join(' '))) rules.installNoOp.add(name);
    if (keyword === 'blacklist') rules.blacklisted.add(name);
  }
  // Every kernel has module aliases: a configuration without a single line was cut off or is not modprobe's.
  if (lines === 0) return unreadable('OUTPUT_EMPTY', source, 'no configuration lines');
  if (!/^(alias|options|softdep|install|remove|blacklist|weakdep) /m.test(text)) return unreadable('OUTPUT_UNRECOGNISED', source, 'no modprobe configuration lines');
  return parsed(rules);
};

/** `/proc/modules`: the modules loaded now ("usb_storage 81920 1 uas, Live 0x0000000000000000"). */
export const loadedModules = (text: string): Set<string> => new Set(text.split(/\r?\n/).map((line) => line.split(' ')[0]!).filter(Boolean));

export interface DriverPosture {
  /** How the driver is kept out, when it is. */
  blockedBy?: string;
  /** Why it is not (said when nothing else blocks this kind). */
  openBecause: string;
  /** Whether the device has this kind of reader or drive (its host driver is loaded); undefined: cannot tell. */
  present?: boolean;
}

const SD_HOSTS = ['mmc_core', 'mmc_block', 'sdhci', 'sdhci_pci', 'sdhci_acpi', 'sdhci_of_arasan', 'rtsx_pci_sdmmc', 'rtsx_usb_sdmmc'];

const loadedNow = (blockedBy: string, module: string): DriverPosture => ({
  openBecause: `${blockedBy}, but ${module} is loaded now, so it still works until it is unloaded or the device restarts`,
  present: true,
});

export const driverPosture = (rules: ModuleRules, loaded: ReadonlySet<string>): Record<StorageKind, DriverPosture> => {
  const { installNoOp, blacklisted } = rules;
  const kept = (module: string): boolean => installNoOp.has(module) || blacklisted.has(module);

  const usbBlocked = installNoOp.has('usb_storage') ? 'modprobe: install usb_storage runs a no-op instead of the driver'
    : blacklisted.has('usb_storage') && kept('uas') ? 'modprobe: usb_storage and uas blacklisted' : undefined;
  const partly = blacklisted.has('usb_storage') && !usbBlocked ? '; usb_storage is only blacklisted, which UAS sticks get past' : '';
  const usb: DriverPosture = usbBlocked && loaded.has('usb_storage') ? loadedNow(usbBlocked, 'usb_storage')
    : usbBlocked ? { blockedBy: usbBlocked, openBecause: '' } : { openBecause: `no modprobe rule stops the USB storage driver${partly}` };

  const sdBlocked = kept('mmc_block') ? `modprobe: mmc_block ${installNoOp.has('mmc_block') ? 'installs as a no-op' : 'blacklisted'}`
    : installNoOp.has('mmc_core') ? 'modprobe: install mmc_core runs a no-op' : undefined;
  const sdPresent = SD_HOSTS.some((module) => loaded.has(module));
  const sd: DriverPosture = sdBlocked && loaded.has('mmc_block') ? loadedNow(sdBlocked, 'mmc_block')
    : sdBlocked ? { blockedBy: sdBlocked, openBecause: '', present: sdPresent }
      : { openBecause: 'no modprobe rule stops the SD card driver (mmc_block)', present: sdPresent };

  const opticalBlocked = kept('sr_mod') ? `modprobe: sr_mod ${installNoOp.has('sr_mod') ? 'installs as a no-op' : 'blacklisted'}`
    : installNoOp.has('cdrom') ? 'modprobe: install cdrom runs a no-op' : undefined;
  const opticalPresent = loaded.has('sr_mod') || loaded.has('cdrom');
  const optical: DriverPosture = opticalBlocked && opticalPresent ? loadedNow(opticalBlocked, 'sr_mod')
    : opticalBlocked ? { blockedBy: opticalBlocked, openBecause: '', present: false }
      : { openBecause: 'no modprobe rule stops the CD/DVD driver (sr_mod)', present: opticalPresent };

  return { usb, sd, optical };
};
