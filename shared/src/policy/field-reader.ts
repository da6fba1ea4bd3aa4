// Reads an untrusted JSON value field by field, collecting every problem with
// its exact path, so a network manager fixes a pack file in one pass.

type Fields = Readonly<Record<string, unknown>>;

export interface NumberRule {
  integer?: boolean;
  /** Smallest allowed value; with `exclusiveMin` the value must be above it. */
  min?: number;
  exclusiveMin?: boolean;
  max?: number;
}

export interface TextRule {
  pattern?: RegExp;
  /** What the pattern means, in words ("letters, digits, '.', '_' or '-'"). */
  patternMeaning?: string;
}

const shown = (value: unknown): string => {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const fieldPath = (base: string, key: string): string => {
  const step = /^[A-Za-z_$][\w$-]*$/.test(key) ? key : JSON.stringify(key);
  if (!base) return step;
  return step.startsWith('"') ? `${base}[${step}]` : `${base}.${step}`;
};

const describeNumber = ({ integer, min, exclusiveMin, max }: NumberRule): string => {
  const kind = integer ? 'whole number' : 'number';
  if (min === 0 && exclusiveMin && max === undefined) return `a positive ${kind}`;
  if (min !== undefined && max !== undefined) return `a ${kind} from ${min} to ${max}`;
  if (min !== undefined) return `a ${kind} ${exclusiveMin ? 'above' : 'of at least'} ${min}`;
  return `a ${kind}`;
};

const meetsNumber = (value: unknown, rule: NumberRule): value is number =>
  typeof value === 'number' && Number.isFinite(value) &&
  (!rule.integer || Number.isInteger(value)) &&
  (rule.min === undefined || (rule.exclusiveMin ? value > rule.min : value >= rule.min)) &&
  (rule.max === undefined || value <= rule.max);

/**
 * Each reader takes the parent object (undefined when the parent itself was bad,
 * so its children are not reported again), the parent's path and the key.
 * A reader returns the value as read; the caller must not use the result when
 * `issues` is not empty.
 */
export class FieldReader {
  readonly issues: string[] = [];
  /** The same problems with the field apart from the words, for a form that points at the field. */
  readonly problems: Array<{ field: string; problem: string }> = [];

  /** Records a problem; the root (empty path) is called "the pack". */
  problem(path: string, message: string): void {
    this.issues.push(`${path || 'the pack'} ${message}`);
    this.problems.push({ field: path, problem: message });
  }

  /** Whether a problem is already recorded for this exact field (so a rule between fields need not repeat it). */
  hasProblem(path: string): boolean {
    return this.issues.some((issue) => issue.startsWith(`${path} `));
  }

  private expected<T>(path: string, value: unknown, expectation: string): T {
    this.problem(path, value === undefined ? `is missing: it must be ${expectation}` : `must be ${expectation} (got ${shown(value)})`);
    return value as T;
  }

  /** Checks that `value` is an object holding only `keys`; returns it, or undefined when it is not an object. */
  objectAt(path: string, value: unknown, keys: readonly string[] | 'any'): Fields | undefined {
    if (!isPlainObject(value)) {
      this.expected(path, value, 'an object ({ ... })');
      return undefined;
    }
    if (keys !== 'any') {
      for (const key of Object.keys(value)) {
        if (!keys.includes(key)) this.problem(fieldPath(path, key), `is not a known setting (known here: ${keys.join(', ')})`);
      }
    }
    return value;
  }

  object(parent: Fields | undefined, base: string, key: string, keys: readonly string[] | 'any'): Fields | undefined {
    if (!parent) return undefined;
    return this.objectAt(fieldPath(base, key), parent[key], keys);
  }

  bool(parent: Fields | undefined, base: string, key: string): boolean {
    const value = parent?.[key];
    if (!parent || typeof value === 'boolean') return value as boolean;
    return this.expected(fieldPath(base, key), value, 'true or false');
  }

  textAt(path: string, value: unknown, rule: TextRule = {}): string {
    if (typeof value !== 'string' || value.trim() === '') return this.expected(path, value, 'a non-empty text');
    if (rule.pattern && !rule.pattern.test(value)) {
      return this.expected(path, value, `made of ${rule.patternMeaning ?? rule.pattern.source}`);
    }
    return value;
  }

  text(parent: Fields | undefined, base: string, key: string, rule?: TextRule): string {
    if (!parent) return undefined as unknown as string;
    return this.textAt(fieldPath(base, key), parent[key], rule);
  }

  number(parent: Fields | undefined, base: string, key: string, rule: NumberRule): number {
    const value = parent?.[key];
    if (!parent || meetsNumber(value, rule)) return value as number;
    return this.expected(fieldPath(base, key), value, describeNumber(rule));
  }

  /** A number, or null meaning `nullMeaning`. */
  numberOrNull(parent: Fields | undefined, base: string, key: string, rule: NumberRule, nullMeaning: string): number | null {
    const value = parent?.[key];
    if (!parent || value === null || meetsNumber(value, rule)) return value as number | null;
    return this.expected(fieldPath(base, key), value, `${describeNumber(rule)}, or null for ${nullMeaning}`);
  }

  textList(parent: Fields | undefined, base: string, key: string, rule?: TextRule): string[] {
    if (!parent) return [];
    const path = fieldPath(base, key);
    const value = parent[key];
    if (!Array.isArray(value)) return this.expected(path, value, 'a list of texts ([ ... ])');
    return value.map((item, index) => this.textAt(`${path}[${index}]`, item, rule));
  }
}
