// System Integrity Protection from `/usr/bin/csrutil status`. XProtect has no switch of
// its own: SIP is what keeps it from being altered or removed, so its state decides
// whether the school can rely on XProtect. One line when fully on or off:
//   System Integrity Protection status: enabled.
// A partial configuration (`csrutil enable --without …`) prints
//   System Integrity Protection status: unknown (Custom Configuration).
// (older releases: "enabled (Custom Configuration).") then "Configuration:" and one
// indented "<protection>: enabled|disabled" line each, then Apple's warning.
import { parsed, type Parsed } from '../types.ts';
import { unreadable } from '../../parsers/reasons.ts';

export const SIP_STATUS_SOURCE = 'macos.csrutil-status';

export type SipStatus =
  | { state: 'enabled' | 'disabled' }
  /** `off`: the protections the configuration list shows disabled. */
  | { state: 'custom'; off: string[] };

const HEADLINE = /^System Integrity Protection status: (enabled|disabled|unknown)( \(Custom Configuration\))?\.$/;
const PROTECTION = /^\s+([A-Za-z][\w /-]*?): (enabled|disabled)$/;
const WARNING = /^This is an unsupported configuration/;
// Disabled on every Mac Apple sells; not a protection the school switched off.
const ALWAYS_OFF = 'Apple Internal';

const unrecognised = (detail: string): Parsed<never> => unreadable('OUTPUT_UNRECOGNISED', SIP_STATUS_SOURCE, detail);

/** The configuration list of a custom configuration: the protections it shows disabled. */
const protectionsOff = (lines: readonly string[]): Parsed<string[]> => {
  const off: string[] = [];
  let listed = 0;
  for (const line of lines) {
    if (line.trim() === 'Configuration:' || WARNING.test(line.trim())) continue;
    const match = PROTECTION.exec(line);
    if (!match) return unrecognised(`unexpected line "${line.trim().slice(0, 80)}" in the configuration list`);
    listed += 1;
    const [, name = '', state] = match;
    if (state === 'disabled' && name !== ALWAYS_OFF) off.push(name);
  }
  if (listed === 0) return unreadable('OUTPUT_TRUNCATED', SIP_STATUS_SOURCE, 'a custom configuration without its list of protections');
  return parsed(off);
};

export const parseSipStatus = (text: string): Parsed<SipStatus> => {
  const lines = text.replace(/\r/g, '').split('\n').filter((line) => line.trim() !== '');
  const [first = '', ...rest] = lines;
  const match = HEADLINE.exec(first.trim());
  if (!match) return unrecognised(`"${first.trim().slice(0, 80)}" is not a System Integrity Protection status`);
  const [, word, custom] = match;
  if (custom !== undefined) {
    const off = protectionsOff(rest);
    return off.ok ? parsed({ state: 'custom', off: off.value }) : off;
  }
  // "unknown" without a custom configuration, or more lines after a plain answer: not a form macOS prints.
  if (word === 'unknown' || rest.length > 0) return unrecognised(`"${(rest[0] ?? first).trim().slice(0, 80)}" after a plain status`);
  return parsed({ state: word === 'enabled' ? 'enabled' : 'disabled' });
};
