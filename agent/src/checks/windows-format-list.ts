// Reads PowerShell's `Format-List` text (`Name : Value` blocks separated by blank
// lines). The live agent asks for JSON; this form is what technicians paste and
// what older captures hold, so a bundle in either form reads the same.
import { notParsed, parsed, type Parsed } from './types.ts';
import type { PsRecord } from './windows-json.ts';

const PROPERTY_LINE = /^([A-Za-z_][\w.-]*)\s*:(?: (.*))?$/;

export const looksLikeFormatList = (text: string): boolean =>
  text.split(/\r?\n/).some((line) => PROPERTY_LINE.test(line.trimEnd()));

export const parseFormatList = (text: string): Parsed<PsRecord[]> => {
  const records: PsRecord[] = [];
  let current: Record<string, string> | undefined;
  let lastKey: string | undefined;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trimEnd();
    if (line === '') {
      current = undefined;
      lastKey = undefined;
      continue;
    }
    const match = PROPERTY_LINE.exec(line);
    if (match?.[1]) {
      if (!current) {
        current = {};
        records.push(current);
      }
      lastKey = match[1];
      current[lastKey] = (match[2] ?? '').trim();
      continue;
    }
    // A long value wraps onto indented lines.
    if (current && lastKey && /^\s/.test(rawLine)) {
      current[lastKey] = `${current[lastKey] ?? ''}${line.trim()}`;
      continue;
    }
    return notParsed('OUTPUT_MALFORMED', `A line of the list output is not "Name : Value": "${line.slice(0, 80)}".`);
  }
  // Format-List prints every property of each object of one class; a last block with
  // fewer properties than the one before it is the tail of a cut-off list.
  const last = records.at(-1);
  const previous = records.at(-2);
  if (last && previous && Object.keys(last).length < Object.keys(previous).length) {
    return notParsed('OUTPUT_TRUNCATED', `The list output stops part-way through its last entry (${Object.keys(last).length} of ${Object.keys(previous).length} properties).`);
  }
  return parsed(records);
};
