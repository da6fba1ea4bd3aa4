// Microsoft Defender for Endpoint on macOS and Linux: the default text of
// `mdatp health` (agents before `--output json`, and their bundles), one `key   : value` line per field. Values are true/false,
// "quoted text", integers, [lists], bare words (`unavailable`) or local date text,
// any of them followed by ` [managed]` when an administrator's profile sets it.
// `definitions_updated` is local wall-clock text without a zone, so the update
// time comes from `definitions_updated_minutes_ago` and when the output was read.
import { Tri } from '@invigilator/shared/wire.ts';
import type { ErrorCode } from '@invigilator/shared/errors.ts';
import { parsed, type Parsed } from '../types.ts';
import { unreadable } from '../../parsers/reasons.ts';
import type { AntivirusProduct } from './antivirus-product.ts';

export const MDATP_PRODUCT_NAME = 'Microsoft Defender for Endpoint';

const FIELD = /^([a-z][a-z0-9_]*)\s+:(?: (.*))?$/;
// "ATTENTION: No license found. ..." precedes the fields on a device not yet onboarded.
export const NOTICE = /^[A-Z]{3,}: \S/;
// A label with spaces, capitals or accents before " : " is a translated field name.
const LABELLED = /^(\S.*?)\s+: (.*)$/u;
const FOREIGN_BOOLEANS = new Set(['wahr', 'falsch', 'ja', 'nein', 'vrai', 'faux', 'oui', 'non', 'verdadero', 'falso', 'sí', 'waar', 'onwaar']);
const MANAGED = / \[managed\]$/;
const UNAVAILABLE = 'unavailable';

const DEFINITIONS_STATUS: Readonly<Record<string, Tri>> = {
  up_to_date: Tri.TRI_YES,
  updating: Tri.TRI_NO,
  update_failed: Tri.TRI_NO,
};

/** A licensed product always prints these; their absence means the output was cut. */
const LICENSED_FIELDS = ['engine_version', 'real_time_protection_enabled', 'definitions_updated_minutes_ago', 'definitions_version', 'definitions_status'] as const;

interface Failure {
  code: ErrorCode;
  detail: string;
  /** The field it is about, so a bad value on a cut last line reads as truncation. */
  key?: string;
}

interface Fields {
  values: ReadonlyMap<string, string>;
  /** Key of the last line when the text does not end with a newline (it may be cut). */
  openKey?: string;
}

const isFailure = (value: unknown): value is Failure => typeof value === 'object' && value !== null && 'code' in value && 'detail' in value;
const isOpenQuote = (value: string): boolean => value.startsWith('"') && (value.length === 1 || !value.endsWith('"'));
const isForeignBoolean = (value: string): boolean => FOREIGN_BOOLEANS.has(value.toLowerCase());

const looksTranslated = (line: string): boolean => {
  const match = LABELLED.exec(line);
  if (!match) return false;
  const [, label = '', value = ''] = match;
  const wordsOnly = /^\p{L}[\p{L}\p{M} _-]*$/u.test(label);
  return (wordsOnly && /[^\x20-\x7e]|[A-Z ]/u.test(label)) || isForeignBoolean(value.replace(MANAGED, '').trim());
};

/** An unreadable line: translated, the cut last line after good ones, or simply unknown. */
const badLine = (line: string, cutShort: boolean): Failure => {
  if (looksTranslated(line)) return { code: 'OUTPUT_LOCALISED', detail: `the line "${line.slice(0, 60)}" is not in English` };
  if (cutShort) return { code: 'OUTPUT_TRUNCATED', detail: `the last line "${line.slice(0, 60)}" is incomplete` };
  return { code: 'OUTPUT_UNRECOGNISED', detail: `unexpected line "${line.slice(0, 80)}"` };
};

/** key → value without ` [managed]`; a quoted value wrapped onto the next line is joined. */
const readFields = (text: string): Fields | Failure => {
  const normalised = text.replace(/\r\n?/g, '\n');
  const lines = normalised.split('\n').map((line) => line.trimEnd()).filter((line) => line.trim() !== '');
  const values = new Map<string, string>();
  let wrappedKey: string | undefined;
  let lastKey: string | undefined;
  for (const [index, line] of lines.entries()) {
    const match = FIELD.exec(line);
    if (!match && wrappedKey !== undefined) {
      const joined = `${values.get(wrappedKey) ?? ''}${line.trim()}`;
      values.set(wrappedKey, joined);
      if (!isOpenQuote(joined)) wrappedKey = undefined;
      continue;
    }
    if (!match) {
      if (NOTICE.test(line)) continue;
      return badLine(line, index === lines.length - 1 && values.size > 0);
    }
    const [, key = '', rawValue = ''] = match;
    const value = rawValue.trim().replace(MANAGED, '');
    if (value === '') return badLine(line, index === lines.length - 1 && values.size > 0);
    values.set(key, value);
    lastKey = key;
    wrappedKey = isOpenQuote(value) ? key : undefined;
  }
  if (wrappedKey !== undefined) return { code: 'OUTPUT_TRUNCATED', detail: `the value of ${wrappedKey} stops before its closing quote` };
  return normalised.endsWith('\n') || lastKey === undefined ? { values } : { values, openKey: lastKey };
};

// Each reader gives the value, or undefined when absent or `unavailable`;
// an unreadable value is added to `problems` instead.
type Values = Fields['values'];

const present = (values: Values, key: string): string | undefined => {
  const value = values.get(key);
  return value === UNAVAILABLE ? undefined : value;
};

const booleanOf = (values: Values, key: string, problems: Failure[]): boolean | undefined => {
  const value = present(values, key);
  if (value === undefined || value === 'true' || value === 'false') return value === undefined ? undefined : value === 'true';
  problems.push(isForeignBoolean(value)
    ? { code: 'OUTPUT_LOCALISED', detail: `${key} is "${value}", not true or false`, key }
    : { code: 'OUTPUT_UNRECOGNISED', detail: `${key} is "${value.slice(0, 40)}", not true or false`, key });
  return undefined;
};

const quotedOf = (values: Values, key: string, problems: Failure[]): string | undefined => {
  const value = present(values, key);
  if (value === undefined || /^".*"$/.test(value)) return value?.slice(1, -1);
  problems.push({ code: 'OUTPUT_UNRECOGNISED', detail: `${key} is ${value.slice(0, 40)}, not quoted text`, key });
  return undefined;
};

const minutesOf = (values: Values, key: string, problems: Failure[]): number | undefined => {
  const value = present(values, key);
  if (value === undefined || /^\d{1,9}$/.test(value)) return value === undefined ? undefined : Number(value);
  problems.push({ code: 'OUTPUT_UNRECOGNISED', detail: `${key} is "${value.slice(0, 40)}", not a number of minutes`, key });
  return undefined;
};

const triOf = (value: boolean | undefined): Tri => (value === undefined ? Tri.TRI_UNKNOWN : value ? Tri.TRI_YES : Tri.TRI_NO);

/** What either form of `mdatp health` says; undefined where it did not say. */
export interface DefenderFacts {
  healthy: boolean | undefined;
  passive: boolean | undefined;
  realtime: boolean | undefined;
  /** Epoch ms of the last definitions update, 0 when not known. */
  updatedAtMs: number;
  signatureVersion: string | undefined;
  /** The product's own opinion of its definitions. */
  upToDate: Tri;
  engineVersion: string | undefined;
}

export const defenderProduct = (facts: DefenderFacts): AntivirusProduct => ({
  name: MDATP_PRODUCT_NAME,
  // Passive mode: Defender only reports and leaves blocking to another product.
  enabled: facts.healthy === true && facts.passive !== true ? Tri.TRI_YES : Tri.TRI_NO,
  realtimeProtection: triOf(facts.realtime),
  signaturesUpdatedAtMs: facts.updatedAtMs,
  signatureVersion: facts.signatureVersion ?? '',
  reportsUpToDate: facts.upToDate,
  engineVersion: facts.engineVersion ?? '',
});

/** The first problem, with a bad value on a last line that may be cut counted as truncation. */
const firstProblem = (fields: Fields, problems: readonly Failure[]): Failure | undefined => {
  const [problem] = problems;
  if (problem?.key !== undefined && problem.key === fields.openKey && problem.code !== 'OUTPUT_LOCALISED') {
    return { code: 'OUTPUT_TRUNCATED', detail: `it stops part-way through the ${problem.key} line` };
  }
  return problem;
};

/**
 * The Defender product `mdatp health` describes. `collectedAtMs` is when the output
 * was read: without it the update time is 0 (unknown), never "now".
 */
export const parseMdatpHealth = (text: string, collectedAtMs: number | undefined): Parsed<AntivirusProduct> => {
  const fail = (failure: Failure): Parsed<never> => unreadable(failure.code, 'mdatp health', failure.detail);
  if (text.trim() === '') return fail({ code: 'OUTPUT_EMPTY', detail: 'no output' });
  const fields = readFields(text);
  if (isFailure(fields)) return fail(fields);
  const { values } = fields;
  if (!values.has('healthy')) {
    if ([...values.values()].some(isForeignBoolean)) return fail({ code: 'OUTPUT_LOCALISED', detail: 'its values are not in English' });
    return fail(values.size > 0 ? { code: 'OUTPUT_TRUNCATED', detail: 'there is no "healthy" line' } : { code: 'OUTPUT_UNRECOGNISED', detail: 'no "key : value" lines' });
  }
  const problems: Failure[] = [];
  const healthy = booleanOf(values, 'healthy', problems);
  const licensed = booleanOf(values, 'licensed', problems);
  const passive = booleanOf(values, 'passive_mode_enabled', problems);
  const realtime = booleanOf(values, 'real_time_protection_enabled', problems);
  const minutes = minutesOf(values, 'definitions_updated_minutes_ago', problems);
  const signatureVersion = quotedOf(values, 'definitions_version', problems);
  const status = quotedOf(values, 'definitions_status', problems);
  const engineVersion = quotedOf(values, 'engine_version', problems);
  const problem = firstProblem(fields, problems);
  if (problem) return fail(problem);
  const missing = licensed === true ? LICENSED_FIELDS.find((key) => !values.has(key)) : undefined;
  if (missing) return fail({ code: 'OUTPUT_TRUNCATED', detail: `it stops before the ${missing} line` });
  return parsed(defenderProduct({
    healthy, passive, realtime, signatureVersion, engineVersion,
    updatedAtMs: minutes === undefined || collectedAtMs === undefined ? 0 : collectedAtMs - minutes * 60_000,
    // `unavailable` or an undocumented value stays unknown.
    upToDate: (status === undefined ? undefined : DEFINITIONS_STATUS[status]) ?? Tri.TRI_UNKNOWN,
  }));
};
