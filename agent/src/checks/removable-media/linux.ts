// Linux removable media as a posture: is the USB storage driver kept from loading
// (modprobe rules in force, and not already loaded), and does GNOME mount removable
// storage read-only? Attached sticks are the watcher's misuse events, not this check's.
// Sources:
//   linux.modprobe-config   modprobe --showconfig (every modprobe.d rule, names normalised)
//   linux.proc-modules      /proc/modules (a driver loaded now ignores rules made since)
//   linux.gsettings-lockdown-machine  gsettings list-recursively org.gnome.desktop.lockdown, machine-wide (read-only mounting; optional)
// The watcher describes attached volumes with LSBLK_REMOVABLE_SOURCE, MOUNTINFO_SOURCE and blkidSource.
import { CollectionStatus, Tri } from '@invigilator/shared/wire.ts';
import { couldNotCollect, isAbsent, parseSource, textOf } from '../findings.ts';
import type { Collected, CommandSource, FileSource, Finding, PlatformCheck } from '../types.ts';
import { gvariantBoolean, parseGsettingsList } from '../screen-lock/parse-gsettings.ts';
import { GNOME_LOCKDOWN_MACHINE_SOURCE } from '../screen-lock/linux.ts';
import { loadedModules, parseModprobeConfig } from './parse-modprobe-config.ts';

export const LSBLK_REMOVABLE_SOURCE: CommandSource = {
  id: 'linux.lsblk-removable-json', kind: 'command', file: '/usr/bin/lsblk',
  args: ['-J', '-b', '-o', 'NAME,KNAME,TYPE,RM,HOTPLUG,TRAN,VENDOR,MODEL,SERIAL,SIZE,FSTYPE,LABEL,MOUNTPOINT,PKNAME'],
};
export const MOUNTINFO_SOURCE: FileSource = { id: 'linux.mountinfo', kind: 'file', path: '/proc/self/mountinfo' };

export const blkidSourceId = (kname: string): string => `linux.blkid.${kname}`;
export const blkidSource = (kname: string): CommandSource => ({
  id: blkidSourceId(kname), kind: 'command', file: '/usr/sbin/blkid', args: ['-p', '-o', 'export', `/dev/${kname}`],
});

export const MODPROBE_CONFIG_SOURCE: CommandSource = {
  id: 'linux.modprobe-config', kind: 'command', file: '/usr/sbin/modprobe', args: ['--showconfig'],
};
export const PROC_MODULES_SOURCE: FileSource = { id: 'linux.proc-modules', kind: 'file', path: '/proc/modules' };

/** GNOME's lockdown setting; false where GNOME is not installed or says nothing. */
const gnomeReadOnly = (collected: Collected): boolean => {
  const lockdown = parseSource(collected, GNOME_LOCKDOWN_MACHINE_SOURCE.id, (text) => parseGsettingsList(text, GNOME_LOCKDOWN_MACHINE_SOURCE.schema, GNOME_LOCKDOWN_MACHINE_SOURCE.id));
  return lockdown.ok && gvariantBoolean(lockdown.value.get('mount-removable-storage-devices-as-read-only')) === true;
};

export const check: PlatformCheck = {
  check: 'removable-media',
  platform: 'linux',
  sources: () => [MODPROBE_CONFIG_SOURCE, PROC_MODULES_SOURCE, GNOME_LOCKDOWN_MACHINE_SOURCE],
  interpret(collected): Finding {
    if (isAbsent(collected, PROC_MODULES_SOURCE.id)) {
      return {
        status: CollectionStatus.COLLECTED,
        removableMedia: {
          storageBlocked: Tri.TRI_UNKNOWN, writeBlocked: Tri.TRI_UNKNOWN, mechanism: '',
          postureProblem: 'This kernel has no loadable modules (/proc/modules is missing), so modprobe rules cannot tell whether its USB storage driver is built in.',
        },
      };
    }
    const modules = textOf(collected, PROC_MODULES_SOURCE.id, { allowEmpty: true });
    if (!modules.ok) return couldNotCollect(modules.code, modules.reason);
    const posture = parseSource(collected, MODPROBE_CONFIG_SOURCE.id,
      (text) => parseModprobeConfig(text, MODPROBE_CONFIG_SOURCE.id, loadedModules(modules.value)));
    if (!posture.ok) return couldNotCollect(posture.code, posture.reason);
    const readOnly = posture.value.writeBlocked !== Tri.TRI_YES && gnomeReadOnly(collected);
    return {
      status: CollectionStatus.COLLECTED,
      removableMedia: readOnly
        ? { ...posture.value, writeBlocked: Tri.TRI_YES, mechanism: `${posture.value.mechanism}; GNOME mounts removable storage read-only` }
        : posture.value,
    };
  },
};
