import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERDICT_REASON_CODES } from '../../src/policy/reason-codes.ts';

const doc = readFileSync(path.resolve(import.meta.dirname, '../../../docs/policy.md'), 'utf8');

describe('verdict reason codes', () => {
  it.each(Object.keys(VERDICT_REASON_CODES))('documents %s in docs/policy.md', (code) => {
    expect(doc).toMatch(new RegExp(`^\\| \`${code}\` \\| (pass|fail|unknown|not applicable) \\|`, 'm'));
  });

  it('documents no code that does not exist', () => {
    const documented = [...doc.matchAll(/^\| `([A-Z_]+)` \| (?:pass|fail|unknown|not applicable) \|/gm)].map((match) => match[1]);
    expect(documented.filter((code) => !(code! in VERDICT_REASON_CODES))).toEqual([]);
  });
});
