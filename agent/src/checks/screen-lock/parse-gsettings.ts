// `gsettings list-recursively <schema>`: one "schema key value" line per key, the value
// in GVariant text ("uint32 300", "true", "'solid'"). Keys and values are never
// translated; only error messages are.
import { parsed, type Parsed } from '../types.ts';
import { unreadable } from '../../parsers/reasons.ts';

export type GsettingsValues = ReadonlyMap<string, string>;

const LINE = /^([a-z][\w.-]*)\s+([\w-]+)\s+(.+)$/i;

export const parseGsettingsList = (text: string, schema: string, source: string): Parsed<GsettingsValues> => {
  const values = new Map<string, string>();
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '') continue;
    const match = LINE.exec(line);
    if (!match || match[1] !== schema) return unreadable('OUTPUT_UNRECOGNISED', source, `unexpected line "${line.slice(0, 80)}"`);
    values.set(match[2]!, match[3]!.trim());
  }
  if (values.size === 0) return unreadable('OUTPUT_EMPTY', source, `no keys of ${schema}`);
  return parsed(values);
};

/** "uint32 300" or "300" → 300; anything else undefined. */
export const gvariantInteger = (value: string | undefined): number | undefined => {
  const match = /^(?:u?int(?:16|32|64)\s+)?(\d+)$/.exec(value?.trim() ?? '');
  return match ? Number(match[1]) : undefined;
};

export const gvariantBoolean = (value: string | undefined): boolean | undefined => {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
};

/** `gsettings writable <schema> <key>`: "true" or "false". */
export const parseGsettingsWritable = (text: string, source: string): Parsed<boolean> => {
  const answer = gvariantBoolean(text.trim());
  return answer === undefined ? unreadable('OUTPUT_UNRECOGNISED', source, `"${text.trim().slice(0, 40)}" is not true or false`) : parsed(answer);
};
