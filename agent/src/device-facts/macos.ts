// macOS device facts: sw_vers for the release, the IOPlatformExpertDevice entry of
// the I/O registry for the serial number and model identifier (MacBookPro18,1).
import type { CommandSource } from '../checks/types.ts';
import { cleanFirmwareValue, textOfSource, type PlatformFactsSpec } from './types.ts';

export const SW_VERS: CommandSource = { id: 'macos.sw-vers', kind: 'command', file: '/usr/bin/sw_vers', args: [], timeoutMs: 5_000 };
export const IOREG_PLATFORM: CommandSource = {
  id: 'macos.ioreg-platform-expert', kind: 'command', file: '/usr/sbin/ioreg', args: ['-rd1', '-c', 'IOPlatformExpertDevice'], timeoutMs: 5_000,
};

/** "ProductVersion:\t\t14.4.1" lines. */
export const parseSwVers = (text: string): Record<string, string> =>
  Object.fromEntries(text.split(/\r?\n/).map((line) => /^\s*(\w+):\s*(.*?)\s*$/.exec(line)).filter((match) => match !== null)
    .map((match) => [match[1]!, match[2]!]));

/** `"key" = "text"` or `"key" = <"text">` from the registry entry (leading tree columns allowed). */
export const ioregValue = (text: string, key: string): string => {
  const pattern = new RegExp(`^[\\s|]*"${key}" = <?"([^"]*)">?\\s*$`, 'm');
  return pattern.exec(text)?.[1] ?? '';
};

export const macosFacts: PlatformFactsSpec = {
  sources: [SW_VERS, IOREG_PLATFORM],
  interpret(collected) {
    const versions = parseSwVers(textOfSource(collected, SW_VERS.id));
    const registry = textOfSource(collected, IOREG_PLATFORM.id);
    const extra = versions.ProductVersionExtra ? ` ${versions.ProductVersionExtra}` : '';
    return {
      osName: versions.ProductName ?? '',
      osVersion: versions.ProductVersion ? `${versions.ProductVersion}${extra}` : '',
      hardwareSerial: cleanFirmwareValue(ioregValue(registry, 'IOPlatformSerialNumber')),
      hardwareModel: cleanFirmwareValue(ioregValue(registry, 'model')),
    };
  },
};
