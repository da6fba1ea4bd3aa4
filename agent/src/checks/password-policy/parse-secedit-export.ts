// `secedit /export /areas SECURITY_POLICY` → local password policy. The INI keys
// are the same on every language of Windows. The agent's script prints the file
// through ConvertTo-Json (a JSON string); the raw INI reads the same.
import { Tri } from '@invigilator/shared/wire.ts';
import { notParsed, parsed, type Parsed } from '../types.ts';
import { readPsText } from '../windows-json.ts';
import type { PasswordPolicyFacts } from './password-policy-facts.ts';
import { DIRECTORY_DENY_LIST } from './deny-list.ts';

const REQUIRED = ['MinimumPasswordLength', 'PasswordComplexity', 'MaximumPasswordAge'] as const;
/** Windows' complexity rule: three of upper case, lower case, digits, symbols. */
const COMPLEXITY_CLASSES = 3;

const systemAccessOf = (text: string): Map<string, string> | undefined => {
  let inSection = false;
  let found = false;
  const values = new Map<string, string>();
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    const section = /^\[(.+)\]$/.exec(line);
    if (section) {
      inSection = section[1]?.toLowerCase() === 'system access';
      found ||= inSection;
      continue;
    }
    const pair = /^([^=]+?)\s*=\s*(.*)$/.exec(line);
    if (inSection && pair?.[1]) values.set(pair[1].toLowerCase(), (pair[2] ?? '').trim());
  }
  return found ? values : undefined;
};

const integerOf = (values: ReadonlyMap<string, string>, key: string): number | undefined => {
  const value = values.get(key.toLowerCase());
  return value !== undefined && /^-?\d+$/.test(value) ? Number(value) : undefined;
};

export const parseSeceditExport = (output: string): Parsed<PasswordPolicyFacts> => {
  const text = readPsText(output);
  if (!text.ok) return text;
  const values = systemAccessOf(text.value);
  if (!values) return notParsed('OUTPUT_UNRECOGNISED', 'The exported security policy has no [System Access] section.');
  const missing = REQUIRED.filter((key) => integerOf(values, key) === undefined);
  if (missing.length > 0) {
    const absent = missing.every((key) => !values.has(key.toLowerCase()));
    return notParsed(absent ? 'OUTPUT_TRUNCATED' : 'OUTPUT_MALFORMED', `The exported security policy has no usable ${missing.join(', ')}.`);
  }
  const complexity = integerOf(values, 'PasswordComplexity') === 1;
  const maxAge = integerOf(values, 'MaximumPasswordAge') ?? -1;
  return parsed({
    minLength: integerOf(values, 'MinimumPasswordLength') ?? -1,
    maxLength: 0,
    minCharacterClasses: complexity ? COMPLEXITY_CLASSES : 0,
    // -1 (and 0) is "password never expires".
    maxAgeDays: maxAge <= 0 ? 0 : maxAge,
    complexityRequired: complexity ? Tri.TRI_YES : Tri.TRI_NO,
    ...DIRECTORY_DENY_LIST,
    lockoutThreshold: integerOf(values, 'LockoutBadCount') ?? -1,
    historyLength: integerOf(values, 'PasswordHistorySize') ?? -1,
  });
};
