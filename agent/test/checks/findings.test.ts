// The helpers are framework plumbing, so the sources here are built in the test
// (no OS capture is involved): a tiny integer parser stands in for a real one.
import { describe, expect, it, vi } from 'vitest';
import { ERRORS } from '@invigilator/shared/errors.ts';
import { parseFallbackSource, parseSource, textOf, type TextOptions } from '../../src/checks/findings.ts';
import { notParsed, parsed, type Collected, type Parsed } from '../../src/checks/types.ts';
import { absent, collectedFrom, ran } from './collected-from.ts';

const ID = 'test.count';

const parseCount = (text: string): Parsed<number> => /^\d+$/.test(text.trim())
  ? parsed(Number(text.trim()))
  : notParsed('OUTPUT_UNRECOGNISED', `${ERRORS.OUTPUT_UNRECOGNISED} (${text.trim()})`);

const unusable: [string, Collected, TextOptions | undefined, Parsed<never>][] = [
  ['never collected', collectedFrom({}), undefined,
    notParsed('SOURCE_NOT_CAPTURED', `${ERRORS.SOURCE_NOT_CAPTURED} (${ID})`)],
  ['not installed', collectedFrom({ [ID]: absent() }), undefined,
    notParsed('COMMAND_NOT_FOUND', `${ERRORS.COMMAND_NOT_FOUND} (ENOENT)`)],
  ['exited with an error', collectedFrom({ [ID]: ran('', { exitCode: 2, stderr: 'no such volume\nsecond line' }) }), undefined,
    notParsed('COMMAND_FAILED', `${ERRORS.COMMAND_FAILED} (${ID} exited 2: no such volume)`)],
  ['exited with a code not in acceptExitCodes', collectedFrom({ [ID]: ran('7', { exitCode: 3 }) }), { acceptExitCodes: [0, 2] },
    notParsed('COMMAND_FAILED', `${ERRORS.COMMAND_FAILED} (${ID} exited 3)`)],
  ['printed nothing', collectedFrom({ [ID]: ran(' \r\n') }), undefined,
    notParsed('OUTPUT_EMPTY', `${ERRORS.OUTPUT_EMPTY} (${ID})`)],
];

describe('parseSource', () => {
  it('parses the stdout of a source that ran', () => {
    expect(parseSource(collectedFrom({ [ID]: ran('42\n') }), ID, parseCount)).toEqual(parsed(42));
  });

  it('passes the parser\'s own reason through', () => {
    expect(parseSource(collectedFrom({ [ID]: ran('forty-two') }), ID, parseCount))
      .toEqual(notParsed('OUTPUT_UNRECOGNISED', `${ERRORS.OUTPUT_UNRECOGNISED} (forty-two)`));
  });

  it.each(unusable)('gives textOf\'s reason, without parsing, when the source %s', (_name, collected, options, expected) => {
    const parse = vi.fn(parseCount);
    const result = parseSource(collected, ID, parse, options);
    expect(result).toEqual(expected);
    expect(result).toEqual(textOf(collected, ID, options));
    expect(parse).not.toHaveBeenCalled();
  });

  it('parses output from an accepted non-zero exit', () => {
    expect(parseSource(collectedFrom({ [ID]: ran('7', { exitCode: 2 }) }), ID, parseCount, { acceptExitCodes: [0, 2] })).toEqual(parsed(7));
  });

  it('hands empty output to the parser when allowEmpty is set', () => {
    const parse = vi.fn((text: string) => parsed(text.length));
    expect(parseSource(collectedFrom({ [ID]: ran('') }), ID, parse, { allowEmpty: true })).toEqual(parsed(0));
    expect(parse).toHaveBeenCalledWith('');
  });
});

describe('parseFallbackSource', () => {
  it('is undefined, without parsing, when the fallback was never collected', () => {
    const parse = vi.fn(parseCount);
    expect(parseFallbackSource(collectedFrom({ other: ran('1') }), ID, parse)).toBeUndefined();
    expect(parse).not.toHaveBeenCalled();
  });

  it('parses the fallback when it was collected', () => {
    expect(parseFallbackSource(collectedFrom({ [ID]: ran('42') }), ID, parseCount)).toEqual(parsed(42));
  });

  it('passes the parser\'s own reason through', () => {
    expect(parseFallbackSource(collectedFrom({ [ID]: ran('n/a') }), ID, parseCount))
      .toEqual(notParsed('OUTPUT_UNRECOGNISED', `${ERRORS.OUTPUT_UNRECOGNISED} (n/a)`));
  });

  it.each(unusable.filter(([, collected]) => collected.has(ID)))(
    'gives textOf\'s reason when the collected fallback %s', (_name, collected, options, expected) => {
      expect(parseFallbackSource(collected, ID, parseCount, options)).toEqual(expected);
    },
  );
});
