// Reading what `ConvertTo-Json` prints. Its quirks: one item is an object and
// several are an array; Windows PowerShell 5.1 writes dates as "/Date(ms)/" and
// PowerShell 7 as ISO strings; enums come out as numbers; property-name case
// follows whatever the script typed.
import { Tri } from '@invigilator/shared/wire.ts';
import type { invigilator } from '@invigilator/shared/generated/invigilator.js';
import { notParsed, parsed, type Parsed } from './types.ts';
import { looksLikeFormatList, parseFormatList } from './windows-format-list.ts';

export type PsRecord = Readonly<Record<string, unknown>>;
export type TriValue = invigilator.v1.Tri;

const stripBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** True when a string, object or array is still open at the end: the document was cut short. */
const endsOpen = (text: string): boolean => {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') depth += 1;
    else if (char === '}' || char === ']') depth -= 1;
  }
  return inString || depth > 0;
};

/** Parses one JSON document; a document that stops early is told apart from a damaged one. */
export const parsePowerShellJson = (text: string): Parsed<unknown> => {
  const trimmed = stripBom(text).trim();
  if (trimmed === '') return notParsed('OUTPUT_EMPTY', 'PowerShell printed nothing where a JSON report was expected.');
  try {
    return parsed(JSON.parse(trimmed));
  } catch (error) {
    const message = (error as Error).message;
    return endsOpen(trimmed)
      ? notParsed('OUTPUT_TRUNCATED', `The JSON report stops part-way through (${message}).`)
      : notParsed('OUTPUT_MALFORMED', `The JSON report is damaged (${message}).`);
  }
};

const isRecord = (value: unknown): value is PsRecord =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** JSON (object or array of objects) or Format-List text, as a list of records. Empty text is no records. */
export const readPsRecords = (text: string): Parsed<PsRecord[]> => {
  const trimmed = stripBom(text).trim();
  if (trimmed === '') return parsed([]);
  if (!/^[[{]/.test(trimmed)) {
    return looksLikeFormatList(trimmed)
      ? parseFormatList(trimmed)
      : notParsed('OUTPUT_UNRECOGNISED', 'The report is neither JSON nor a PowerShell property list.');
  }
  const document = parsePowerShellJson(trimmed);
  if (!document.ok) return document;
  const items = Array.isArray(document.value) ? document.value : [document.value];
  if (!items.every(isRecord)) return notParsed('OUTPUT_UNRECOGNISED', 'The JSON report holds values where objects were expected.');
  return parsed(items);
};

/** Every record read by `read`; the first record it cannot read is the answer for the whole report. */
export const readEachPsRecord = <T>(text: string, read: (record: PsRecord) => Parsed<T>): Parsed<T[]> => {
  const records = readPsRecords(text);
  if (!records.ok) return records;
  const values: T[] = [];
  for (const record of records.value) {
    const value = read(record);
    if (!value.ok) return value;
    values.push(value.value);
  }
  return parsed(values);
};

/** A JSON string document (e.g. a file's text printed through ConvertTo-Json), or the raw text itself. */
export const readPsText = (text: string): Parsed<string> => {
  const trimmed = stripBom(text).trim();
  if (!trimmed.startsWith('"')) return parsed(stripBom(text));
  const document = parsePowerShellJson(trimmed);
  if (!document.ok) return document;
  return typeof document.value === 'string'
    ? parsed(document.value)
    : notParsed('OUTPUT_UNRECOGNISED', 'The JSON report is not the text that was expected.');
};

/** A property whatever its case (Select-Object echoes the casing the script typed). */
export const field = (record: PsRecord, name: string): unknown => {
  if (Object.hasOwn(record, name)) return record[name];
  const lower = name.toLowerCase();
  const key = Object.keys(record).find((candidate) => candidate.toLowerCase() === lower);
  return key === undefined ? undefined : record[key];
};

export const hasField = (record: PsRecord, name: string): boolean => field(record, name) !== undefined;

export const psString = (value: unknown): string => {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
};

/** A number written as a JSON number or as plain digits (with a dot); anything else is unknown. */
export const psNumber = (value: unknown): number | undefined => {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value.trim());
  return undefined;
};

export const psBool = (value: unknown): boolean | undefined => {
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value === 'string') {
    const word = value.trim().toLowerCase();
    if (word === 'true' || word === '1') return true;
    if (word === 'false' || word === '0') return false;
  }
  return undefined;
};

export const triOf = (value: boolean | undefined): TriValue =>
  value === undefined ? Tri.TRI_UNKNOWN : value ? Tri.TRI_YES : Tri.TRI_NO;

const MS_DATE = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Milliseconds since the epoch from "/Date(ms)/" (5.1; already UTC), an ISO
 * string (7.x), or the {value: ...} wrapper 5.1 uses for dates carrying extra
 * properties. Culture-formatted text ("6/4/2024 8:06:27 AM") is local time in an
 * unknown culture: unknown.
 */
export const psDateMs = (value: unknown): number | undefined => {
  if (isRecord(value)) return psDateMs(field(value, 'value'));
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const ms = MS_DATE.exec(text);
  if (ms?.[1]) return Number(ms[1]);
  if (ISO_DATE.test(text)) {
    const time = Date.parse(text);
    return Number.isNaN(time) ? undefined : time;
  }
  return undefined;
};

/**
 * An enum written as its number (JSON) or its name (list output or a [string]
 * cast): the canonical name, or undefined when it is neither.
 */
export const psEnum = <Name extends string>(value: unknown, names: Readonly<Record<number, Name>>): Name | undefined => {
  const number = psNumber(value);
  if (number !== undefined) return names[number];
  if (typeof value !== 'string') return undefined;
  const lower = value.trim().toLowerCase();
  return Object.values(names).find((name) => name.toLowerCase() === lower);
};

/** A value that is one item or an array of items, as an array of strings. */
export const psList = (value: unknown): string[] => {
  const items = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return items.map(psString).filter((item) => item !== '');
};

/** "FullyEncrypted" → "fully-encrypted", "XtsAes128" → "xts-aes-128". */
export const kebabCase = (name: string): string =>
  name
    .replace(/([a-z])([A-Z0-9])/g, '$1-$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1-$2')
    .replace(/[\s_]+/g, '-')
    .toLowerCase();

/** YES when every value is YES, NO when any is NO, otherwise UNKNOWN (also for none at all). */
export const triAll = (values: readonly TriValue[]): TriValue => {
  if (values.includes(Tri.TRI_NO)) return Tri.TRI_NO;
  return values.length > 0 && values.every((value) => value === Tri.TRI_YES) ? Tri.TRI_YES : Tri.TRI_UNKNOWN;
};
