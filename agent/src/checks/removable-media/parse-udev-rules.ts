// udev rules a school adds to keep removable storage from the user: ENV{UDISKS_IGNORE}="1"
// hides a device from udisks (the desktop cannot mount it), ATTR{authorized}="0" switches
// a USB device off. Which kinds of storage a rule reaches comes from what it matches:
// USB (ID_BUS, SUBSYSTEMS, DRIVERS usb-storage/uas, interface class 08), SD cards (mmcblk,
// mmc), optical drives (sr*, ID_CDROM); a block-device rule matching none of these reaches all,
// and a rule that picks out one device (its label, serial or partition) reaches no class of storage.
import path from 'node:path';

export type StorageKind = 'usb' | 'sd' | 'optical';
export const STORAGE_KINDS: readonly StorageKind[] = ['usb', 'sd', 'optical'];

const TOKEN = /([A-Z_]+(?:\{[^}]+\})?)\s*(==|!=|\+=|-=|:=|=)\s*"([^"]*)"/g;

/** Match keys that pick a class of devices rather than one device (a serial, a label, a partition). */
const BROAD_KEYS = /^(ACTION|SUBSYSTEMS?|DRIVERS?|KERNEL|ENV\{(DEVTYPE|ID_BUS|ID_USB_DRIVER|ID_USB_INTERFACES|ID_CDROM|ID_DRIVE_FLASH_SD\w*|ID_PATH|ID_TYPE)\}|ATTRS?\{(removable|bInterfaceClass)\})$/;

/** The kinds of storage a rule's matches reach; undefined when they pick out particular devices. */
const kindsMatched = (matches: ReadonlyArray<{ key: string; value: string }>): Set<StorageKind> | undefined => {
  const kinds = new Set<StorageKind>();
  for (const { key, value } of matches) {
    const lower = value.toLowerCase();
    if (!BROAD_KEYS.test(key)) return undefined;
    // A kernel name without a wildcard ("sda4") is one device, not a kind.
    if (key === 'KERNEL' && !/[*?[]/.test(value)) return undefined;
    if ((key === 'ENV{ID_BUS}' || /^SUBSYSTEMS?$/.test(key) || key === 'ENV{ID_PATH}') && lower.includes('usb')) kinds.add('usb');
    if (/^DRIVERS?$/.test(key) && /usb[-_]storage|uas/.test(lower)) kinds.add('usb');
    if (key === 'ENV{ID_USB_DRIVER}' || (/^ATTRS?\{bInterfaceClass\}$/.test(key) && lower === '08') || (key === 'ENV{ID_USB_INTERFACES}' && lower.includes(':08'))) kinds.add('usb');
    if (key === 'KERNEL' && /^sd/.test(lower)) kinds.add('usb');
    if ((key === 'KERNEL' && lower.startsWith('mmcblk')) || (/^SUBSYSTEMS?$/.test(key) && lower.includes('mmc')) || key.startsWith('ENV{ID_DRIVE_FLASH_SD')) kinds.add('sd');
    if ((key === 'KERNEL' && /^sr|^scd/.test(lower)) || key === 'ENV{ID_CDROM}') kinds.add('optical');
    if (/^ATTRS?\{removable\}$/.test(key) && lower === '1') { kinds.add('usb'); kinds.add('sd'); }
  }
  return kinds;
};

/** For each kind of storage a rule file keeps from the user, the sentence saying how. */
export const udevRulesDeny = (text: string, file: string): Map<StorageKind, string> => {
  const denied = new Map<StorageKind, string>();
  const rules = text.replace(/\\\r?\n/g, ' ').split(/\r?\n/).map((line) => line.trim()).filter((line) => line && !line.startsWith('#'));
  for (const rule of rules) {
    const tokens = [...rule.matchAll(TOKEN)].map((match) => ({ key: match[1]!, op: match[2]!, value: match[3]! }));
    const matches = tokens.filter((token) => token.op === '==');
    if (matches.some((token) => token.key === 'ACTION' && token.value === 'remove')) continue;
    const ignore = tokens.some((token) => token.key === 'ENV{UDISKS_IGNORE}' && (token.op === '=' || token.op === ':=') && token.value === '1');
    const deauthorise = tokens.some((token) => token.key === 'ATTR{authorized}' && (token.op === '=' || token.op === ':=') && token.value === '0');
    if (!ignore && !deauthorise) continue;
    const matched = kindsMatched(matches);
    if (!matched) continue; // one particular device or partition (a label, a serial): not a class of storage
    // Switching off another USB class (wireless, cameras) keeps no storage out.
    const classes = matches.filter((token) => /^ATTRS?\{bInterfaceClass\}$/.test(token.key));
    if (deauthorise && classes.length > 0 && !classes.some((token) => token.value === '08')) continue;
    const kinds = deauthorise ? new Set<StorageKind>(['usb']) : matched.size > 0 ? matched : new Set(STORAGE_KINDS);
    const how = deauthorise ? 'switches USB devices off (authorized=0)' : 'hides them from the desktop (UDISKS_IGNORE)';
    for (const kind of kinds) if (!denied.has(kind)) denied.set(kind, `udev: ${path.basename(file)} ${how}`);
  }
  return denied;
};
