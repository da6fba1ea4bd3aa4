// JSON from util-linux tools (lsblk -J, findmnt -J): a report cut short by a
// killed tool is "truncated", anything else that does not parse is "malformed".
import { ERRORS } from '@invigilator/shared/errors.ts';
import { notParsed, parsed, type Parsed } from '../types.ts';

const isCutShort = (text: string, message: string): boolean => {
  if (/end of JSON input|Unterminated string/.test(message)) return true;
  const position = /at position (\d+)/.exec(message)?.[1];
  return position !== undefined && Number(position) >= text.trimEnd().length;
};

export const parseJsonReport = (text: string, sourceId: string): Parsed<unknown> => {
  try {
    return parsed(JSON.parse(text) as unknown);
  } catch (error) {
    const message = (error as Error).message;
    return isCutShort(text, message)
      ? notParsed('OUTPUT_TRUNCATED', `${ERRORS.OUTPUT_TRUNCATED} (${sourceId}: ${message})`)
      : notParsed('OUTPUT_MALFORMED', `${ERRORS.OUTPUT_MALFORMED} (${sourceId}: ${message})`);
  }
};

/** The report's top-level list (`blockdevices`, `filesystems`), or why there is none. */
export const parseJsonList = (text: string, sourceId: string, key: string): Parsed<unknown[]> => {
  const json = parseJsonReport(text, sourceId);
  if (!json.ok) return json;
  const list = isRecord(json.value) ? json.value[key] : undefined;
  return Array.isArray(list)
    ? parsed(list)
    : notParsed('OUTPUT_UNRECOGNISED', `${ERRORS.OUTPUT_UNRECOGNISED} (${sourceId}: no "${key}" list)`);
};

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A trimmed string, or null for null/empty/non-strings (lsblk pads SERIAL and VENDOR with spaces). */
export const stringField = (value: unknown): string | null => {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
};
