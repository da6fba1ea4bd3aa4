// The application firewall's own tool, socketfilterfw. On macOS 15+ the old
// com.apple.alf plist no longer reflects the firewall, so this is the source.
import { parsed, type Parsed } from '../types.ts';
import { unreadable } from '../../parsers/reasons.ts';

export const SOCKETFILTERFW_STATE_SOURCE = 'macos.socketfilterfw-state';
export const SOCKETFILTERFW_LISTAPPS_SOURCE = 'macos.socketfilterfw-listapps';

export interface FirewallState {
  enabled: boolean;
  /** The "(State = n)" number; 2 is also printed when stealth mode is on (current macOS). */
  stateNumber: number;
  blockAll: boolean | undefined;
  stealth: boolean | undefined;
}

const GLOBAL_ON = /^Firewall is enabled\. ?\(State = ([12])\)$/;
const GLOBAL_OFF = /^Firewall is disabled\. ?\(State = 0\)$/;
// Older wording of State = 2, which then meant "block all incoming".
const GLOBAL_BLOCKING = /^Firewall is blocking all non-essential incoming connections\.? ?\(State = 2\)$/;
// --getblockall, by release: "Firewall has block all state set to enabled." (14 and later),
// "Block all ENABLED!" / "Block all DISABLED!" (13 and earlier), and, when on, a
// sentence with no state word at all.
const BLOCK_ALL_WORD = /^(?:Firewall has block all state set to|Block all) (enabled|disabled)[.!]?$/i;
const BLOCK_ALL_ON_SENTENCE = /^Firewall is (?:set to block|blocking) all non-essential incoming connections\.?$/;
const STEALTH = /^(?:Stealth mode (enabled|disabled)|Firewall stealth mode is (on|off))\.?$/i;
// Printed for flags read but not reported (allow-signed wording differs by release; logging).
const IGNORED = [/^Automatically allow .*software (?:ENABLED|DISABLED)\.?$/i, /^Log mode is (?:on|off)$/, /^Log Option is \w+$/];

const linesOf = (text: string): string[] => text.replace(/\r/g, '').split('\n').map((line) => line.trim()).filter((line) => line !== '');

/** Each line read by its keywords, in whatever wording the release uses; an unknown line is refused, not skipped. */
export const parseSocketfilterfwState = (text: string): Parsed<FirewallState> => {
  let enabled: boolean | undefined;
  let stateNumber = -1;
  let blockAll: boolean | undefined;
  let stealth: boolean | undefined;
  for (const line of linesOf(text)) {
    let match: RegExpExecArray | null;
    if ((match = GLOBAL_ON.exec(line))) {
      enabled = true;
      stateNumber = Number(match[1]);
    } else if (GLOBAL_OFF.test(line)) {
      enabled = false;
      stateNumber = 0;
    } else if (GLOBAL_BLOCKING.test(line)) {
      enabled = true;
      stateNumber = 2;
      blockAll ??= true;
    } else if ((match = BLOCK_ALL_WORD.exec(line))) {
      blockAll = match[1]?.toLowerCase() === 'enabled';
    } else if (BLOCK_ALL_ON_SENTENCE.test(line)) {
      blockAll = true;
    } else if ((match = STEALTH.exec(line))) {
      const word = (match[1] ?? match[2] ?? '').toLowerCase();
      stealth = word === 'enabled' || word === 'on';
    } else if (!IGNORED.some((pattern) => pattern.test(line))) {
      return unreadable('OUTPUT_UNRECOGNISED', SOCKETFILTERFW_STATE_SOURCE, `unexpected line "${line}"`);
    }
  }
  if (enabled === undefined) return unreadable('OUTPUT_UNRECOGNISED', SOCKETFILTERFW_STATE_SOURCE, 'no "Firewall is enabled/disabled" line');
  if (blockAll === undefined) return unreadable('OUTPUT_TRUNCATED', SOCKETFILTERFW_STATE_SOURCE, 'no "block all state" line');
  return parsed({ enabled, stateNumber, blockAll, stealth });
};

export interface FirewallApp {
  path: string;
  allowIncoming: boolean;
}

const TOTAL = /^(?:ALF: )?Total number of apps = (\d+)$/i;
const APP = /^(\d+) : +(.+)$/;
const VERDICT = /^\( ?(Allow|Block) incoming connections ?\)$/;

/** `socketfilterfw --listapps`: "N : <path>" lines, each followed by its "(Allow|Block incoming connections)" line. */
export const parseSocketfilterfwApps = (text: string): Parsed<FirewallApp[]> => {
  const lines = linesOf(text);
  const total = TOTAL.exec(lines[0] ?? '');
  if (!total) return unreadable('OUTPUT_UNRECOGNISED', SOCKETFILTERFW_LISTAPPS_SOURCE, `first line "${lines[0] ?? ''}" is not "Total number of apps = N"`);
  const apps: FirewallApp[] = [];
  let pendingPath: string | undefined;
  for (const line of lines.slice(1)) {
    const app = APP.exec(line);
    const verdict = VERDICT.exec(line);
    if (app && pendingPath === undefined) {
      pendingPath = app[2]?.trim();
    } else if (verdict && pendingPath !== undefined) {
      apps.push({ path: pendingPath, allowIncoming: verdict[1] === 'Allow' });
      pendingPath = undefined;
    } else {
      return unreadable('OUTPUT_UNRECOGNISED', SOCKETFILTERFW_LISTAPPS_SOURCE, `unexpected line "${line}"`);
    }
  }
  const expected = Number(total[1]);
  if (pendingPath !== undefined || apps.length !== expected) {
    return unreadable('OUTPUT_TRUNCATED', SOCKETFILTERFW_LISTAPPS_SOURCE, `${apps.length} complete entries where the header announces ${expected}`);
  }
  return parsed(apps);
};
