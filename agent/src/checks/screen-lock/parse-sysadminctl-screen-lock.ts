// `sysadminctl -screenLock status` (macOS 10.13+), which writes to stderr behind a log
// prefix ("2023-05-02 10:01:02.345 sysadminctl[812:9140] screenLock delay is immediate"):
// "delay is immediate", "delay is N seconds", or "is off" (no password after the screen
// saver or display sleep). The words are English on every system language.
import { notParsed, parsed, type Parsed } from '../types.ts';

export interface SysadminctlScreenLock {
  /** Seconds between the screen saver (or display sleep) and the password prompt; undefined when off. */
  delaySeconds: number | undefined;
  on: boolean;
}

const IMMEDIATE = /screenLock delay is immediate/i;
const SECONDS = /screenLock delay is (-?\d+)(?:\.\d+)? seconds?/i;
const OFF = /screenLock is off/i;

export const parseSysadminctlScreenLock = (text: string): Parsed<SysadminctlScreenLock> => {
  if (IMMEDIATE.test(text)) return parsed({ delaySeconds: 0, on: true });
  const seconds = SECONDS.exec(text);
  // A negative delay is how some releases print "off".
  if (seconds) return Number(seconds[1]) < 0 ? parsed({ delaySeconds: undefined, on: false }) : parsed({ delaySeconds: Number(seconds[1]), on: true });
  if (OFF.test(text)) return parsed({ delaySeconds: undefined, on: false });
  const firstLine = text.trim().split(/\r?\n/)[0]?.slice(0, 100) ?? '';
  return text.trim() === ''
    ? notParsed('OUTPUT_EMPTY', 'sysadminctl -screenLock status printed nothing.')
    : notParsed('OUTPUT_UNRECOGNISED', `sysadminctl -screenLock status said "${firstLine}", which is neither a delay nor "off".`);
};
