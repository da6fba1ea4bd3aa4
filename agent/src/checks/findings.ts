// Small helpers every platform check uses, so that "could not run" and "ran but
// said something we cannot read" are reported the same way everywhere.
import { CollectionStatus } from '@invigilator/shared/wire.ts';
import { ERRORS, type ErrorCode } from '@invigilator/shared/errors.ts';
import { notParsed, parsed, type Collected, type Finding, type Parsed } from './types.ts';

export const couldNotCollect = (code: ErrorCode, reason?: string): Finding => ({
  status: CollectionStatus.COULD_NOT_COLLECT,
  reasonCode: code,
  reason: reason ?? ERRORS[code],
});

export const notApplicable = (code: ErrorCode, reason: string): Finding => ({
  status: CollectionStatus.NOT_APPLICABLE,
  reasonCode: code,
  reason,
});

/** A finding from a parser result: facts when it parsed, the parser's reason when not. */
export const findingFrom = <T>(result: Parsed<T>, toFinding: (value: T) => Finding): Finding =>
  result.ok ? toFinding(result.value) : couldNotCollect(result.code, result.reason);

export interface TextOptions {
  /** Some tools exit non-zero to say "off" (e.g. `cryptsetup status` on an inactive mapping). */
  acceptExitCodes?: readonly number[];
  /** Empty output is a valid answer for some tools. */
  allowEmpty?: boolean;
}

/** The stdout of one collected source, or a coded reason why it is unusable. */
export const textOf = (collected: Collected, id: string, options: TextOptions = {}): Parsed<string> => {
  const result = collected.get(id);
  if (!result) return notParsed('SOURCE_NOT_CAPTURED', `${ERRORS.SOURCE_NOT_CAPTURED} (${id})`);
  if (result.errorCode) return notParsed(result.errorCode, `${ERRORS[result.errorCode]} (${result.errorDetail ?? id})`);
  const accepted = options.acceptExitCodes ?? [0];
  if (result.exitCode !== null && !accepted.includes(result.exitCode)) {
    const firstLine = result.stderr.trim().split(/\r?\n/)[0] ?? '';
    return notParsed('COMMAND_FAILED', `${ERRORS.COMMAND_FAILED} (${id} exited ${result.exitCode}${firstLine ? `: ${firstLine}` : ''})`);
  }
  if (!options.allowEmpty && result.stdout.trim() === '') return notParsed('OUTPUT_EMPTY', `${ERRORS.OUTPUT_EMPTY} (${id})`);
  return parsed(result.stdout);
};

/** True when the source was read and the tool or file simply is not there. */
export const isAbsent = (collected: Collected, id: string): boolean =>
  collected.get(id)?.errorCode === 'COMMAND_NOT_FOUND';

/** One source's stdout through its parser, or textOf's coded reason why the source is unusable. */
export const parseSource = <T>(
  collected: Collected, id: string, parse: (text: string) => Parsed<T>, options?: TextOptions,
): Parsed<T> => {
  const text = textOf(collected, id, options);
  return text.ok ? parse(text.value) : text;
};

/** parseSource for a fallback, asked for only when the primary failed: undefined when it was never collected. */
export const parseFallbackSource = <T>(
  collected: Collected, id: string, parse: (text: string) => Parsed<T>, options?: TextOptions,
): Parsed<T> | undefined => (collected.has(id) ? parseSource(collected, id, parse, options) : undefined);
