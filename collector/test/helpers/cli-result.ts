import { expect } from 'vitest';

/** A mistake at the terminal: exit 2, nothing on stdout, one line on stderr starting with its code. */
export const expectRefused = (result: { code: number | null; stdout: string; stderr: string }, code: string, sentence: RegExp): void => {
  expect(result).toMatchObject({ code: 2, stdout: '' });
  expect(result.stderr).toMatch(new RegExp(`^${code}: `));
  expect(result.stderr).toMatch(sentence);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
};
