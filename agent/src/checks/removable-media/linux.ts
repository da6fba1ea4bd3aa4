// Linux removable media as a posture, for each kind the school's policy names (USB
// sticks, SD cards, CDs and DVDs): is its driver kept from loading (modprobe rules in
// force, and not loaded already), does a udev rule hide it from the desktop or switch it
// off, does a polkit rule refuse mounting it, and does GNOME mount it read-only? A kind
// the device has no reader or drive for (its driver is not loaded) needs no block.
// Attached sticks are the watcher's misuse events, not this check's.
// Sources:
//   linux.modprobe-config   modprobe --showconfig (every modprobe.d rule, names normalised)
//   linux.proc-modules      /proc/modules (a driver loaded now ignores rules made since)
//   linux.gsettings-lockdown-machine  gsettings list-recursively org.gnome.desktop.lockdown, machine-wide (read-only mounting; optional)
//   linux.rule-files        find over the polkit and udev rule folders (which files are in force)
//   linux.polkit-rules.<name>, linux.polkit-pkla.<folder>.<name>, linux.udev-rules.<name>   each of those files
// The watcher describes attached volumes with LSBLK_REMOVABLE_SOURCE, MOUNTINFO_SOURCE and blkidSource.
import path from 'node:path';
import { CollectionStatus, Tri } from '@invigilator/shared/wire.ts';
import { couldNotCollect, isAbsent, parseSource, textOf } from '../findings.ts';
import type { Collected, CommandSource, FileSource, Finding, PlatformCheck, SourceSpec } from '../types.ts';
import { gvariantBoolean, parseGsettingsList } from '../screen-lock/parse-gsettings.ts';
import { GNOME_LOCKDOWN_MACHINE_SOURCE } from '../screen-lock/linux.ts';
import { driverPosture, loadedModules, parseModprobeRules, type DriverPosture } from './parse-modprobe-config.ts';
import { pklaRefusesMounting, polkitRuleRefusesMounting } from './parse-polkit-rules.ts';
import { parseRuleFiles, ruleFolders, type RuleFiles } from './parse-rule-files.ts';
import { STORAGE_KINDS, udevRulesDeny, type StorageKind } from './parse-udev-rules.ts';

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
const RULE_FILES_ID = 'linux.rule-files';
/** find's "some folder was missing": it still lists the others. */
const FIND_SOME_MISSING = 1;

const KIND_NAMES: Record<StorageKind, string> = { usb: 'USB storage', sd: 'SD cards', optical: 'CDs and DVDs' };
const ABSENT: Record<StorageKind, string> = { usb: '', sd: 'no built-in card reader', optical: 'no CD/DVD drive' };

/** GNOME's lockdown setting; false where GNOME is not installed or says nothing. */
const gnomeReadOnly = (collected: Collected): boolean => {
  const lockdown = parseSource(collected, GNOME_LOCKDOWN_MACHINE_SOURCE.id, (text) => parseGsettingsList(text, GNOME_LOCKDOWN_MACHINE_SOURCE.schema, GNOME_LOCKDOWN_MACHINE_SOURCE.id));
  return lockdown.ok && gvariantBoolean(lockdown.value.get('mount-removable-storage-devices-as-read-only')) === true;
};

// udev rules first: they name the kind of storage they keep out; polkit's refusal covers every kind.
const ruleFileSources = (files: RuleFiles): FileSource[] => [
  ...files.udevRules.map((file) => ({ id: `linux.udev-rules.${path.basename(file)}`, file })),
  ...files.polkitRules.map((file) => ({ id: `linux.polkit-rules.${path.basename(file)}`, file })),
  ...files.polkitAuthority.map((file) => ({ id: `linux.polkit-pkla.${path.basename(path.dirname(file))}.${path.basename(file)}`, file })),
].map(({ id, file }) => ({ id, kind: 'file', path: file, maxBytes: 256 * 1024 }));

/** For each kind, what keeps it from the user beyond its driver: udev rules per kind, polkit for all. */
const ruleDenials = (collected: Collected, sources: readonly FileSource[]): Map<StorageKind, string> => {
  const denied = new Map<StorageKind, string>();
  for (const source of sources) {
    const text = collected.get(source.id);
    if (!text || text.errorCode) continue; // gone since it was listed, or unreadable: it blocks nothing we can show
    if (source.id.startsWith('linux.udev-rules.')) {
      for (const [kind, how] of udevRulesDeny(text.stdout, source.path)) if (!denied.has(kind)) denied.set(kind, how);
      continue;
    }
    const refusal = source.id.startsWith('linux.polkit-pkla.') ? pklaRefusesMounting(text.stdout, source.path) : polkitRuleRefusesMounting(text.stdout, source.path);
    if (refusal) for (const kind of STORAGE_KINDS) if (!denied.has(kind)) denied.set(kind, refusal);
  }
  return denied;
};

export const createLinuxRemovableCheck = (root = '/'): PlatformCheck => {
  const folders = ruleFolders(root);
  const ruleFilesSource: CommandSource = {
    id: RULE_FILES_ID, kind: 'command', file: '/usr/bin/find',
    args: [...folders.polkitRules, ...folders.polkitAuthority, ...folders.udevRules, '-maxdepth', '2', '(', '-type', 'f', '-o', '-type', 'l', ')'],
  };
  const listedFiles = (collected: Collected): FileSource[] => {
    const listing = textOf(collected, RULE_FILES_ID, { acceptExitCodes: [0, FIND_SOME_MISSING], allowEmpty: true });
    return listing.ok ? ruleFileSources(parseRuleFiles(listing.value, folders)) : [];
  };

  return {
    check: 'removable-media',
    platform: 'linux',
    sources: (collected): SourceSpec[] => [MODPROBE_CONFIG_SOURCE, PROC_MODULES_SOURCE, GNOME_LOCKDOWN_MACHINE_SOURCE, ruleFilesSource, ...listedFiles(collected)],
    interpret(collected): Finding {
      const denied = ruleDenials(collected, listedFiles(collected));
      let drivers: Record<StorageKind, DriverPosture> | undefined;
      if (!isAbsent(collected, PROC_MODULES_SOURCE.id)) {
        const modules = textOf(collected, PROC_MODULES_SOURCE.id, { allowEmpty: true });
        if (!modules.ok) return couldNotCollect(modules.code, modules.reason);
        const rules = parseSource(collected, MODPROBE_CONFIG_SOURCE.id, (text) => parseModprobeRules(text, MODPROBE_CONFIG_SOURCE.id));
        if (!rules.ok) return couldNotCollect(rules.code, rules.reason);
        drivers = driverPosture(rules.value, loadedModules(modules.value));
      }
      const kinds = STORAGE_KINDS.map((kind) => {
        const driver = drivers?.[kind];
        const blockedBy = driver?.blockedBy ?? denied.get(kind);
        const absent = !blockedBy && driver?.present === false;
        return { kind, blocked: Boolean(blockedBy) || absent, known: Boolean(blockedBy) || driver !== undefined, text: blockedBy ?? (absent ? ABSENT[kind] : driver?.openBecause ?? '') };
      });
      const readOnly = gnomeReadOnly(collected);
      const described = kinds.filter((entry) => entry.text).map((entry) => `${KIND_NAMES[entry.kind]}: ${entry.text}`).join('; ');
      const gnome = readOnly ? '; GNOME mounts removable storage read-only' : '';
      if (kinds.every((entry) => entry.blocked)) {
        return { status: CollectionStatus.COLLECTED, removableMedia: { storageBlocked: Tri.TRI_YES, writeBlocked: Tri.TRI_YES, mechanism: `${described}${gnome}`, postureProblem: '' } };
      }
      if (kinds.some((entry) => !entry.known)) {
        return {
          status: CollectionStatus.COLLECTED,
          removableMedia: {
            storageBlocked: Tri.TRI_UNKNOWN, writeBlocked: readOnly ? Tri.TRI_YES : Tri.TRI_UNKNOWN, mechanism: readOnly ? 'GNOME mounts removable storage read-only' : '',
            postureProblem: 'This kernel has no loadable modules (/proc/modules is missing), so modprobe rules cannot tell whether its storage drivers are built in, and no udev or polkit rule blocks every kind of removable storage.',
          },
        };
      }
      return {
        status: CollectionStatus.COLLECTED,
        removableMedia: { storageBlocked: Tri.TRI_NO, writeBlocked: readOnly ? Tri.TRI_YES : Tri.TRI_NO, mechanism: `${described}${gnome}`, postureProblem: '' },
      };
    },
  };
};

export const check: PlatformCheck = createLinuxRemovableCheck();
