// `net accounts` (English) → the password policy it shows. It does not show
// complexity, so that stays unknown. net.exe translates its labels: a report
// without the English labels is localised.
import { Tri } from '@invigilator/shared/wire.ts';
import { notParsed, parsed, type Parsed } from '../types.ts';
import type { PasswordPolicyFacts } from './password-policy-facts.ts';
import { DIRECTORY_DENY_LIST } from './deny-list.ts';

const LABELS = {
  minLength: 'Minimum password length',
  maxAge: 'Maximum password age (days)',
  history: 'Length of password history maintained',
  lockout: 'Lockout threshold',
} as const;

/** Words net.exe prints instead of a number: all mean "no limit". */
const NO_LIMIT = new Set(['never', 'none', 'unlimited']);

const valuesOf = (text: string): Map<string, string> => {
  const values = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const match = /^(.+?):\s+(\S.*)$/.exec(line.trimEnd());
    if (match?.[1]) values.set(match[1].trim(), (match[2] ?? '').trim());
  }
  return values;
};

const numberOf = (value: string): number | undefined => {
  if (/^\d+$/.test(value)) return Number(value);
  return NO_LIMIT.has(value.toLowerCase()) ? 0 : undefined;
};

export const parseNetAccounts = (text: string): Parsed<PasswordPolicyFacts> => {
  const values = valuesOf(text.replace(/^\uFEFF/, ''));
  const found = Object.values(LABELS).filter((label) => values.has(label));
  if (found.length === 0) {
    return values.size > 0
      ? notParsed('OUTPUT_LOCALISED', 'net accounts answered in a language other than English.')
      : notParsed('OUTPUT_UNRECOGNISED', 'net accounts printed no policy the agent recognises.');
  }
  const read = {} as Record<keyof typeof LABELS, number>;
  for (const [key, label] of Object.entries(LABELS) as [keyof typeof LABELS, string][]) {
    const raw = values.get(label);
    if (raw === undefined) return notParsed('OUTPUT_TRUNCATED', `net accounts stops before "${label}".`);
    const number = numberOf(raw);
    if (number === undefined) return notParsed('OUTPUT_UNRECOGNISED', `net accounts gave "${raw}" for "${label}".`);
    read[key] = number;
  }
  return parsed({
    minLength: read.minLength,
    maxLength: 0,
    minCharacterClasses: -1,
    maxAgeDays: read.maxAge,
    complexityRequired: Tri.TRI_UNKNOWN,
    ...DIRECTORY_DENY_LIST,
    lockoutThreshold: read.lockout,
    historyLength: read.history,
  });
};
