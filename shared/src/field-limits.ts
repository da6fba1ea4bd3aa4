// Limits on every field a device sends, shared by both ends: the agent shortens its own events to fit
// (so a genuine device is never refused), the collector refuses a frame over them. Both remove control
// and bidirectional-override characters, so `gpj.exe` behind a U+202E cannot read as `exe.jpg` to a DSL.
import { InvigilatorError } from './errors.ts';

/** Longest text kept, by field name (protobuf's camelCase); any other text field gets DEFAULT_TEXT_LIMIT. */
export const TEXT_LIMITS: Readonly<Record<string, number>> = {
  hostname: 253, // the longest DNS name
  hardwareSerial: 128,
  detail: 1024,
  reason: 1024,
  inboundRulesProblem: 1024,
  name: 1024, // file, volume, product, firewall profile and rule names
  application: 1024,
  relativeDir: 4096,
  mountPoint: 4096,
  user: 256,
};
export const DEFAULT_TEXT_LIMIT = 256;

/** Most items kept in a list, by field name; any other list gets DEFAULT_LIST_LIMIT. */
export const LIST_LIMITS: Readonly<Record<string, number>> = {
  inboundAllowRules: 4096, // a Windows machine lists hundreds
  events: Number.MAX_SAFE_INTEGER, // a batch's own limit is checked where it is read (BATCH_TOO_LARGE)
};
export const DEFAULT_LIST_LIMIT = 256;

// C0 controls except tab and line feed; DEL and the C1 controls; bidirectional embeddings, overrides, isolates and marks.
const C0_UNSAFE = '\\u0000-\\u0008\\u000b-\\u001f';
const OTHER_UNSAFE = '\\u007f-\\u009f\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';
const UNSAFE_CHARACTERS = new RegExp(`[${C0_UNSAFE}${OTHER_UNSAFE}]`, 'g');
const ANY_UNSAFE_CHARACTER = new RegExp(`[${C0_UNSAFE}${OTHER_UNSAFE}]`);

/** The text without control or bidirectional-override characters. */
export const withoutUnsafeCharacters = (text: string): string =>
  (ANY_UNSAFE_CHARACTER.test(text) ? text.replace(UNSAFE_CHARACTERS, '') : text);

/** The shortest any text may be cut to, and the fewest items any list may keep. */
const SHORTEST_TEXT_LIMIT = Math.min(DEFAULT_TEXT_LIMIT, ...Object.values(TEXT_LIMITS));
const SHORTEST_LIST_LIMIT = Math.min(DEFAULT_LIST_LIMIT, ...Object.values(LIST_LIMITS));
const OTHER_UNSAFE_CHARACTER = new RegExp(`[${OTHER_UNSAFE}]`);
const [QUOTE, BACKSLASH, B, F, R, U, ZERO, ONE] = ['"', '\\', 'b', 'f', 'r', 'u', '0', '1'].map((character) => character.charCodeAt(0));

/**
 * True when a message's JSON text (JSON.stringify of its plain form) shows that fitToLimits would neither change it
 * nor refuse it: no unsafe character (JSON writes every C0 control escaped, as \b, \f, \r or \u00XX, and the others
 * as they are), no string longer than the shortest text limit (escapes counted at their written length), and too
 * short to hold a list longer than the shortest list limit. One pass over the text instead of a walk of the message;
 * false says only that the walk is needed.
 */
export const jsonWithinLimits = (json: string): boolean => {
  if (json.length > 2 * SHORTEST_LIST_LIMIT || OTHER_UNSAFE_CHARACTER.test(json)) return false;
  let stringStart = -1;
  for (let at = 0; at < json.length; at += 1) {
    const code = json.charCodeAt(at);
    if (code === BACKSLASH) {
      const escaped = json.charCodeAt(at + 1);
      if (escaped === B || escaped === F || escaped === R) return false;
      if (escaped === U && json.charCodeAt(at + 2) === ZERO && json.charCodeAt(at + 3) === ZERO) {
        const high = json.charCodeAt(at + 4);
        if (high === ZERO || high === ONE) return false;
      }
      at += 1;
    } else if (code === QUOTE) {
      if (stringStart < 0) stringStart = at;
      else {
        if (at - stringStart - 1 > SHORTEST_TEXT_LIMIT) return false;
        stringStart = -1;
      }
    }
  }
  return true;
};

export type LimitMode = 'refuse' | 'shorten';

const textLimitOf = (field: string): number => TEXT_LIMITS[field] ?? DEFAULT_TEXT_LIMIT;
const listLimitOf = (field: string): number => LIST_LIMITS[field] ?? DEFAULT_LIST_LIMIT;

const tooLarge = (path: string, what: string): InvigilatorError =>
  new InvigilatorError('FIELD_TOO_LARGE', `(${path}: ${what})`);

const isNested = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !(value instanceof Uint8Array);

const fitText = (text: string, field: string, path: string, mode: LimitMode): string => {
  const clean = withoutUnsafeCharacters(text);
  const limit = textLimitOf(field);
  if (clean.length <= limit) return clean;
  if (mode === 'refuse') throw tooLarge(path, `${clean.length} characters, at most ${limit}`);
  return clean.slice(0, limit);
};

/**
 * Walks a decoded (or about-to-be-encoded) protobuf message in place: every text field cleaned and checked
 * against its limit, every list against its length. 'refuse' throws FIELD_TOO_LARGE naming the field;
 * 'shorten' cuts it to fit. Works on any message of the schema: fields are found by their names.
 */
export const fitToLimits = <T>(message: T, mode: LimitMode, path = 'frame'): T => {
  if (!isNested(message)) return message;
  const fields = message as Record<string, unknown>;
  for (const field of Object.keys(fields)) {
    const value = fields[field];
    const at = `${path}.${field}`;
    if (typeof value === 'string') {
      fields[field] = fitText(value, field, at, mode);
    } else if (Array.isArray(value)) {
      const limit = listLimitOf(field);
      if (value.length > limit) {
        if (mode === 'refuse') throw tooLarge(at, `${value.length} items, at most ${limit}`);
        value.length = limit;
      }
      value.forEach((item: unknown, index) => {
        value[index] = typeof item === 'string' ? fitText(item, field, `${at}[${index}]`, mode) : fitToLimits(item, mode, `${at}[${index}]`);
      });
    } else if (isNested(value)) {
      fitToLimits(value, mode, at);
    }
  }
  return message;
};
