// Linux device facts from files alone: /etc/os-release for the distribution, the
// firmware's DMI table under /sys for model and serial (the serial needs root).
import type { FileSource } from '../checks/types.ts';
import { cleanFirmwareValue, textOfSource, type PlatformFactsSpec } from './types.ts';

const file = (id: string, path: string): FileSource => ({ id, kind: 'file', path, maxBytes: 64 * 1024 });

export const OS_RELEASE = file('linux.os-release', '/etc/os-release');
export const DMI_SERIAL = file('linux.dmi-product-serial', '/sys/class/dmi/id/product_serial');
export const DMI_MODEL = file('linux.dmi-product-name', '/sys/class/dmi/id/product_name');

/** KEY=value lines of os-release(5); values may be quoted. */
export const parseOsRelease = (text: string): Record<string, string> => {
  const fields: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (!match) continue;
    fields[match[1]!] = match[2]!.replace(/^(["'])(.*)\1$/, '$2').replace(/\\(["'$`\\])/g, '$1');
  }
  return fields;
};

export const linuxFacts: PlatformFactsSpec = {
  sources: [OS_RELEASE, DMI_SERIAL, DMI_MODEL],
  optional: [DMI_SERIAL.id, DMI_MODEL.id],
  interpret(collected) {
    const release = parseOsRelease(textOfSource(collected, OS_RELEASE.id));
    return {
      osName: release.NAME ?? '',
      osVersion: release.VERSION_ID ?? release.VERSION ?? release.BUILD_ID ?? '',
      hardwareSerial: cleanFirmwareValue(textOfSource(collected, DMI_SERIAL.id)),
      hardwareModel: cleanFirmwareValue(textOfSource(collected, DMI_MODEL.id)),
    };
  },
};
