// `pmset -g`: the power settings in force; " displaysleep         10" is the minutes
// before the display sleeps (0 = never). Later macOS releases may add a note in
// brackets ("10 (display sleep prevented by coreaudiod)"), which is ignored.
import { parsed, type Parsed } from '../types.ts';
import { unreadable } from '../../parsers/reasons.ts';

export const parsePmsetDisplaySleep = (text: string, source: string): Parsed<number> => {
  if (!/^\s*(System-wide power settings|Currently in use):?/m.test(text)) {
    return unreadable('OUTPUT_UNRECOGNISED', source, 'no "Currently in use" section');
  }
  const match = /^\s*displaysleep\s+(\d+)\b/m.exec(text);
  if (!match) return unreadable('OUTPUT_UNRECOGNISED', source, 'no displaysleep setting');
  return parsed(Number(match[1]));
};
