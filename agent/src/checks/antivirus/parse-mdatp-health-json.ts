// `mdatp health --output json` (Microsoft Defender for Endpoint on macOS and Linux):
// one JSON object whose names do not depend on the display language. Settings are
// objects such as {"value": true, "isManaged": false}, statuses {"$type": "upToDate"},
// and `definitionsUpdated` is the update time itself, in epoch milliseconds as text.
import { Tri } from '@invigilator/shared/wire.ts';
import type { ErrorCode } from '@invigilator/shared/errors.ts';
import { parsed, type Parsed } from '../types.ts';
import { unreadable } from '../../parsers/reasons.ts';
import type { AntivirusProduct } from './antivirus-product.ts';
import { defenderProduct, NOTICE } from './parse-mdatp-health.ts';

const SOURCE = 'mdatp health --output json';

const DEFINITIONS_STATUS: Readonly<Record<string, Tri>> = {
  upToDate: Tri.TRI_YES,
  updating: Tri.TRI_NO,
  updateFailed: Tri.TRI_NO,
};

/** A licensed product always reports these; a whole object without one is a form the agent does not know. */
const LICENSED_FIELDS = ['engineVersion', 'realTimeProtectionEnabled', 'definitionsVersion', 'definitionsStatus'] as const;

/** The JSON after any notice line ("ATTENTION: No license found. …"). */
const jsonText = (text: string): string =>
  text.replace(/\r\n?/g, '\n').split('\n').filter((line) => !NOTICE.test(line.trim())).join('\n').trim();

/** True when the output is the JSON form rather than the text form. */
export const isMdatpJson = (text: string): boolean => jsonText(text).startsWith('{');

type Health = Readonly<Record<string, unknown>>;

const isObject = (value: unknown): value is Health => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A value as itself, or as a setting's {"value": …}; null and absent are "not said". */
const settingOf = (health: Health, key: string): unknown => {
  const raw = health[key];
  return isObject(raw) && 'value' in raw ? raw.value : raw;
};

// Each reader gives the value, or undefined when not said; an unreadable value is added to `problems`.
const booleanOf = (health: Health, key: string, problems: string[]): boolean | undefined => {
  const value = settingOf(health, key);
  if (value === undefined || value === null || typeof value === 'boolean') return value ?? undefined;
  problems.push(`${key} is ${JSON.stringify(value).slice(0, 40)}, not true or false`);
  return undefined;
};

const textOf = (health: Health, key: string, problems: string[]): string | undefined => {
  const value = settingOf(health, key);
  if (value === undefined || value === null || typeof value === 'string') return value ?? undefined;
  problems.push(`${key} is ${JSON.stringify(value).slice(0, 40)}, not text`);
  return undefined;
};

/** When the definitions were updated: the time itself, else minutes before the read; 0 when not known. */
const updatedAtOf = (health: Health, collectedAtMs: number | undefined, problems: string[]): number => {
  const when = health.definitionsUpdated;
  if (typeof when === 'string' && /^\d{12,14}$/.test(when)) return Number(when);
  if (when !== undefined && when !== null) {
    problems.push(`definitionsUpdated is ${JSON.stringify(when).slice(0, 40)}, not epoch milliseconds`);
    return 0;
  }
  const minutes = health.definitionsUpdatedMinutesAgo;
  return typeof minutes === 'number' && Number.isSafeInteger(minutes) && minutes >= 0 && collectedAtMs !== undefined ? collectedAtMs - minutes * 60_000 : 0;
};

const statusOf = (health: Health): Tri => {
  const status = health.definitionsStatus;
  const kind = isObject(status) ? status.$type : status;
  return typeof kind === 'string' ? DEFINITIONS_STATUS[kind] ?? Tri.TRI_UNKNOWN : Tri.TRI_UNKNOWN;
};

export const parseMdatpHealthJson = (text: string, collectedAtMs: number | undefined): Parsed<AntivirusProduct> => {
  const fail = (code: ErrorCode, detail: string): Parsed<never> => unreadable(code, SOURCE, detail);
  const json = jsonText(text);
  if (json === '') return fail('OUTPUT_EMPTY', 'no output');
  let health: unknown;
  try {
    health = JSON.parse(json);
  } catch {
    return json.endsWith('}') ? fail('OUTPUT_UNRECOGNISED', 'it is not valid JSON') : fail('OUTPUT_TRUNCATED', 'it stops before the end of its JSON object');
  }
  if (!isObject(health) || typeof health.healthy !== 'boolean') return fail('OUTPUT_UNRECOGNISED', 'it has no "healthy" true or false');
  const problems: string[] = [];
  const licensed = booleanOf(health, 'licensed', problems);
  const facts = {
    healthy: health.healthy,
    passive: booleanOf(health, 'passiveModeEnabled', problems),
    realtime: booleanOf(health, 'realTimeProtectionEnabled', problems),
    updatedAtMs: updatedAtOf(health, collectedAtMs, problems),
    signatureVersion: textOf(health, 'definitionsVersion', problems),
    upToDate: statusOf(health),
    engineVersion: textOf(health, 'engineVersion', problems),
  };
  const [problem] = problems;
  if (problem) return fail('OUTPUT_UNRECOGNISED', problem);
  const missing = licensed === true ? LICENSED_FIELDS.find((key) => !(key in health)) : undefined;
  if (missing) return fail('OUTPUT_UNRECOGNISED', `a licensed product's report without ${missing}`);
  return parsed(defenderProduct(facts));
};
