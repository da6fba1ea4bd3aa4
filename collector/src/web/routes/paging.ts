// Page size shared by list routes, and opaque cursors: the position after the last item of a page.
import { InvigilatorError } from '@invigilator/shared/errors.ts';

export const DEFAULT_PAGE = 100;
export const MAX_PAGE = 500;

export const LIMIT_SCHEMA = {
  limit: { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: DEFAULT_PAGE },
} as const;

export const CURSOR_SCHEMA = { cursor: { type: 'string', maxLength: 512, pattern: '^[A-Za-z0-9_-]+$' } } as const;

export const encodeCursor = (position: unknown): string => Buffer.from(JSON.stringify(position)).toString('base64url');

/** Reads a cursor this API gave out; anything else is a BAD_REQUEST, never a crash. */
export const decodeCursor = <T>(cursor: string, isValid: (value: unknown) => value is T): T => {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  if (!isValid(value)) throw new InvigilatorError('BAD_REQUEST', 'The cursor is not one this API gave out; start again without it.');
  return value;
};

/** A comma-separated list of values from a fixed set, as a query string pattern. */
export const listPattern = (values: readonly string[]): string => {
  const one = `(?:${values.join('|')})`;
  return `^${one}(?:,${one})*$`;
};

export const splitList = <T extends string>(text: string): T[] => [...new Set(text.split(','))] as T[];
