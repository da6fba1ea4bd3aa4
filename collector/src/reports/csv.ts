// ReportDocument → CSV of its exported tables (RFC 4180: quoted fields, CRLF), one table per file.
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import type { Block, ReportDocument } from './document.ts';

type Table = Extract<Block, { kind: 'table' }>;

export const csvTables = (report: ReportDocument): Table[] =>
  report.pages.flatMap((page) => page.blocks).filter((block): block is Table => block.kind === 'table' && block.csvName !== undefined);

// A cell a spreadsheet would run as a formula is prefixed with a quote mark (rule names come from devices).
const FORMULA_START = /^[=+\-@\t\r]/;
const field = (text: string): string => {
  const flat = text.replace(/\n/g, '; ');
  const safe = FORMULA_START.test(flat) ? `'${flat}` : flat;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The named table (the first exported one when no name is given). */
export const renderCsv = (report: ReportDocument, name?: string): string => {
  const tables = csvTables(report);
  const table = name === undefined ? tables[0] : tables.find((t) => t.csvName === name);
  if (!table) {
    throw new InvigilatorError('REPORT_FORMAT_UNKNOWN', `This report exports the tables ${tables.map((t) => `"${t.csvName}"`).join(', ')} as CSV, not "${name}".`);
  }
  return [table.columns.map((c) => field(c.title)), ...table.rows.map((row) => row.map(field))].map((row) => row.join(',')).join('\r\n') + '\r\n';
};
