// The Wi-Fi network the device is on, read every few seconds; joining an open
// network, or (when the school lists its networks) one not on the list, is
// reported once per join.
import { ERRORS, codeOf } from '@invigilator/shared/errors.ts';
import type { CommandSource, Parsed, SourceProvider } from '../../checks/types.ts';
import { liveProvider } from '../../checks/live-provider.ts';
import { createPoller } from '../poller.ts';
import type { Watcher } from '../types.ts';
import { publicWifiJoined } from './misuse-events.ts';
import type { CommonMisuseOptions } from './platform-watchers.ts';

export interface WifiConnection {
  /** The network's name; absent when not connected to Wi-Fi. */
  ssid?: string;
  /** true: no password (open); false: secured; undefined: the tool did not say. */
  open?: boolean;
  /** The operating system hides the real name (macOS without location permission): it cannot be matched to the school's list. */
  nameHidden?: boolean;
}

export interface WifiWatchOptions extends CommonMisuseOptions {
  source: CommandSource;
  parse: (text: string) => Parsed<WifiConnection>;
  intervalMs: number;
  provider?: SourceProvider;
}

/** Whether joining this network breaks the school's rule, and why. */
export const wifiBreaksPolicy = (connection: WifiConnection, schoolSsids: readonly string[]): { open: boolean } | undefined => {
  if (!connection.ssid || schoolSsids.includes(connection.ssid)) return undefined;
  if (connection.open === true) return { open: true };
  return schoolSsids.length > 0 && !connection.nameHidden ? { open: false } : undefined;
};

export const createWifiWatch = (options: WifiWatchOptions): Watcher => {
  const provider = options.provider ?? liveProvider;
  let current: string | undefined;
  let warned = false;

  const look = async (): Promise<void> => {
    const result = await provider.read(options.source);
    const connection = result.errorCode || result.exitCode !== 0 ? undefined : options.parse(result.stdout);
    if (!connection?.ok) {
      // A device without Wi-Fi (or the tool) says so once, not every few seconds.
      if (!warned) {
        const code = result.errorCode ?? (connection && !connection.ok ? connection.code : 'COMMAND_FAILED');
        const reason = connection && !connection.ok ? connection.reason : result.errorDetail ?? ERRORS[code];
        options.logger.warn({ code, source: options.source.id }, `The Wi-Fi network could not be read; public Wi-Fi is not watched until it can. (${reason})`);
        warned = true;
      }
      return;
    }
    warned = false;
    const { ssid } = connection.value;
    if (ssid === current) return;
    current = ssid;
    const breach = wifiBreaksPolicy(connection.value, options.settings().schoolSsids);
    if (!breach || !ssid) return;
    options.emit(publicWifiJoined(ssid, breach.open, await options.currentUser()));
  };

  return createPoller(look, options.intervalMs, (error) =>
    options.logger.warn({ code: codeOf(error), err: error }, `${ERRORS[codeOf(error)]} (reading the Wi-Fi network)`));
};
