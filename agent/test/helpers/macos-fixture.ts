// Reads a real macOS capture from test/fixtures/macos/ (each has a .source.txt saying where it came from).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const MACOS_FIXTURES = fileURLToPath(new URL('../../../test/fixtures/macos/', import.meta.url));

export const macosFixture = (name: string): string => readFileSync(`${MACOS_FIXTURES}${name}`, 'utf8');
