import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERRORS, InvigilatorError, codeOf } from '../src/errors.ts';

const doc = readFileSync(path.resolve(import.meta.dirname, '../../docs/errors.md'), 'utf8');

describe('error catalogue', () => {
  it.each(Object.keys(ERRORS))('documents %s in docs/errors.md', (code) => {
    expect(doc).toMatch(new RegExp(`^\\| \`${code}\` \\|`, 'm'));
  });

  it('documents no code that does not exist', () => {
    const documented = [...doc.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((match) => match[1]);
    expect(documented.filter((code) => !(code! in ERRORS))).toEqual([]);
  });

  it('gives every code a sentence ending in a full stop', () => {
    for (const [code, sentence] of Object.entries(ERRORS)) {
      expect(sentence, code).toMatch(/^[A-Z].*[.)]$/);
    }
  });

  it('carries the code and the sentence, with detail appended', () => {
    const error = new InvigilatorError('AUTH_FAILED', '(device 42)');
    expect(error.code).toBe('AUTH_FAILED');
    expect(error.message).toBe(`${ERRORS.AUTH_FAILED} (device 42)`);
    expect(codeOf(error)).toBe('AUTH_FAILED');
    expect(codeOf(new Error('x'))).toBe('INTERNAL');
  });
});
