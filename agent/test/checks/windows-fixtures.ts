// Real Windows captures from test/fixtures/windows/ (each with a .source.txt),
// and the transport variants the fixtures README asks tests to derive: CRLF
// line endings, and UTF-16LE bytes read as if they were UTF-8.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const WINDOWS_FIXTURES = fileURLToPath(new URL('../../../test/fixtures/windows/', import.meta.url));

export const windowsFixture = (name: string): string => readFileSync(`${WINDOWS_FIXTURES}${name}`, 'utf8');

/** Real Windows console output ends lines with CRLF. */
export const withCrlf = (text: string): string => text.replace(/\r?\n/g, '\r\n');

/** UTF-16LE with a byte-order mark, as exec.ts decodes it when the BOM is there. */
export const utf16Decoded = (text: string): string => {
  const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(withCrlf(text), 'utf16le')]);
  return bytes.subarray(2).toString('utf16le');
};

/** UTF-16LE output read as UTF-8 (a tool that wrote UTF-16 without saying so). */
export const utf16MisreadAsUtf8 = (text: string): string =>
  Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(withCrlf(text), 'utf16le')]).toString('utf8');

/** The first `fraction` of a capture, as when a tool is killed mid-report. */
export const cutShort = (text: string, fraction: number): string => text.slice(0, Math.floor(text.length * fraction));
