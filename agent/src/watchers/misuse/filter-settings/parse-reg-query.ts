// `reg query <key> [/s] [/v <name>]`: a blank line, then each key at the start of a line
// followed by its values, four spaces in: "    <name>    <REG_TYPE>    <data>" (names may
// hold single spaces; an empty value has no data). A missing key prints only an error and
// exits 1. Key paths and type names are never translated.
import { parsed, type Parsed } from '../../../checks/types.ts';
import { unreadable } from '../../../parsers/reasons.ts';

export interface RegValue { type: string; data: string }
export type RegKeys = ReadonlyMap<string, ReadonlyMap<string, RegValue>>;

const VALUE = /^ {4}(.+?) {4}(REG_[A-Z_]+)(?: {4}(.*))?$/;
const KEY = /^HKEY_[A-Z_]+(\\.*)?$/;

export const parseRegQuery = (text: string, source: string): Parsed<RegKeys> => {
  const keys = new Map<string, Map<string, RegValue>>();
  let current: Map<string, RegValue> | undefined;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/\r$/, '');
    if (line.trim() === '') continue;
    if (!line.startsWith(' ') && KEY.test(line.trim())) {
      current = new Map();
      keys.set(line.trim(), current);
      continue;
    }
    const value = VALUE.exec(line);
    if (!value || !current) {
      if (/^End of search:/i.test(line.trim())) continue; // reg query /f prints a count
      return unreadable('OUTPUT_UNRECOGNISED', source, `unexpected line "${line.trim().slice(0, 80)}"`);
    }
    current.set(value[1]!, { type: value[2]!, data: (value[3] ?? '').trim() });
  }
  return parsed(keys);
};

/** A REG_DWORD or REG_QWORD ("0x1") as a number; anything else undefined. */
export const regNumber = (value: RegValue | undefined): number | undefined =>
  value && /^REG_(DWORD|QWORD)/.test(value.type) && /^0x[0-9a-f]+$/i.test(value.data) ? Number.parseInt(value.data, 16) : undefined;

/** A registry policy key's values as a policy file would hold them (numbers for DWORDs, text for strings). */
export const regValuesAsObject = (values: ReadonlyMap<string, RegValue> | undefined): Record<string, unknown> =>
  Object.fromEntries([...(values ?? [])].map(([name, value]) => [name, regNumber(value) ?? value.data]));
