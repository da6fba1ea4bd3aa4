// Shared pieces of the plain-text configuration parsers: encoding sanity and strict integers.
import { notParsed, parsed, type Parsed } from '../types.ts';

/** Text with NULs (a UTF-16 or binary file read as UTF-8) cannot be a config file the system reads. */
export const readableText = (text: string, fileName: string): Parsed<string[]> =>
  text.includes('\0')
    ? notParsed('OUTPUT_MALFORMED', `${fileName} is not plain text (wrong encoding or a damaged file).`)
    : parsed(text.replace(/^\uFEFF/, '').split(/\r?\n/));

export const integerSetting = (value: string | true | undefined, key: string, fileName: string): Parsed<number | undefined> => {
  if (value === undefined) return parsed(undefined);
  if (value === true || !/^-?\d+$/.test(value)) return notParsed('OUTPUT_MALFORMED', `${fileName} sets ${key} to "${value === true ? '' : value}", which is not a whole number.`);
  return parsed(Number(value));
};
