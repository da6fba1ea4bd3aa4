// Turns the real text capture of `diskutil info disk6` (a USB stick) into the -plist
// form the agent reads, key by key, so the plist tests rest on a real device's facts.
// Derived, not captured: no verbatim `diskutil info -plist` of a USB stick was found.
import { macosFixture } from './macos-fixture.ts';

const field = (text: string, label: string): string => {
  const match = new RegExp(`^\\s*${label.replace(/[/()]/g, '\\$&')}:\\s+(.*)$`, 'm').exec(text);
  if (!match?.[1]) throw new Error(`no ${label} in the capture`);
  return match[1].trim();
};

const entry = (key: string, value: string | number | boolean): string =>
  `\t<key>${key}</key>\n\t${typeof value === 'boolean' ? `<${value}/>` : typeof value === 'number' ? `<integer>${value}</integer>` : `<string>${value}</string>`}`;

export const plistOf = (entries: Record<string, string | number | boolean>): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0">\n<dict>\n${Object.entries(entries).map(([key, value]) => entry(key, value)).join('\n')}\n</dict>\n</plist>\n`;

export const usbWholeDiskEntries = (): Record<string, string | number | boolean> => {
  const text = macosFixture('diskutil-info.1-usb-whole-disk.txt');
  return {
    BusProtocol: field(text, 'Protocol'),
    DeviceIdentifier: field(text, 'Device Identifier'),
    DeviceNode: field(text, 'Device Node'),
    Internal: field(text, 'Device Location') !== 'External',
    MediaName: field(text, 'Device / Media Name'),
    RemovableMedia: field(text, 'Removable Media') === 'Removable',
    TotalSize: Number(/\((\d+) Bytes\)/.exec(field(text, 'Disk Size'))?.[1]),
    WholeDisk: field(text, 'Whole') === 'Yes',
  };
};

export const usbWholeDiskPlist = (): string => plistOf(usbWholeDiskEntries());
