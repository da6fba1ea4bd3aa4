// A configuration profile's screen-saver payload, as the device keeps it in
// "/Library/Managed Preferences/com.apple.screensaver.plist" (printed as XML by plutil):
// idleTime (seconds, 0 = never), askForPassword, askForPasswordDelay (seconds).
import { parsed, type Parsed } from '../types.ts';
import { boolAt, numberAt, readPlistDict } from '../../parsers/plist.ts';

export interface ManagedScreenSaver {
  idleTimeSeconds: number | undefined;
  askForPassword: boolean | undefined;
  askForPasswordDelaySeconds: number | undefined;
}

export const parseManagedScreenSaver = (text: string, source: string): Parsed<ManagedScreenSaver> => {
  const dict = readPlistDict(text, source);
  if (!dict.ok) return dict;
  // Profiles write askForPassword as <true/> or as the integer 1.
  const ask = boolAt(dict.value, 'askForPassword') ?? (numberAt(dict.value, 'askForPassword') === undefined ? undefined : numberAt(dict.value, 'askForPassword') !== 0);
  return parsed({
    idleTimeSeconds: numberAt(dict.value, 'idleTime'),
    askForPassword: ask,
    askForPasswordDelaySeconds: numberAt(dict.value, 'askForPasswordDelay'),
  });
};

/** `ls -1 "/Library/Managed Preferences"`: the payload files the installed profiles wrote. */
export const parseManagedPreferenceList = (text: string): Set<string> =>
  new Set(text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line.endsWith('.plist')));
