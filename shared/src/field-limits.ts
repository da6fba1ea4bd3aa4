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

// C0 and C1 controls except tab and line feed; bidirectional embeddings, overrides, isolates and marks.
const UNSAFE_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The text without control or bidirectional-override characters. */
export const withoutUnsafeCharacters = (text: string): string => text.replace(UNSAFE_CHARACTERS, '');

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
