// The calendar, exception and report commands as typed at a terminal: answers on stdout, one coded sentence for a mistake.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRefused } from '../helpers/cli-result.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'invigilator-collector.js');
const temp = makeTempDir();
const dataDir = join(temp.dir, 'data');
const cli = (...args: string[]) => {
  const result = spawnSync(process.execPath, [BIN, ...args, '--data-dir', dataDir], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

beforeAll(() => { expect(cli('school', 'add', '--id', 'north', '--name', 'North Primary').code).toBe(0); });
afterAll(() => temp.remove());

describe('term, exception and report commands', () => {
  it('lists the assumed English calendar until one is set, and says it is assumed', () => {
    const result = cli('term', 'list', '--school', 'north');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/ASSUMED/);
    expect(result.stdout).toMatch(/^Autumn \d{4}\t\d{4}-09-0\d\t/m);
    // A report on assumed dates says so before anything else.
    const out = join(temp.dir, 'assumed.html');
    expect(cli('report', 'evidence-pack', '--school', 'north', '--out', out).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html.indexOf('The term dates are ASSUMED')).toBeGreaterThan(0);
    expect(html.indexOf('The term dates are ASSUMED')).toBeLessThan(html.indexOf('What the school'));
  });

  it('sets a trust-wide term that every school inherits', () => {
    const set = cli('term', 'set', '--all', '--name', 'Autumn 2026', '--start', '2026-09-03', '--end', '2026-12-18',
      '--holiday', '2026-10-26..2026-10-30', '--holiday', '2026-11-13');
    expect(set).toMatchObject({ code: 0, stdout: 'Autumn 2026: 2026-09-03 to 2026-12-18, 71 school days, for every school (trust-wide).\n' });
    expect(cli('term', 'list', '--school', 'north').stdout).toBe('Autumn 2026\t2026-09-03\t2026-12-18\t2026-10-26..2026-10-30 2026-11-13\t71 school days\ttrust\n');
  });

  it.each([
    [['term', 'set', '--name', 'X', '--start', '2026-09-03', '--end', '2026-12-18'], 'USAGE_INVALID', /either --school ID or --all/],
    [['term', 'set', '--all', '--name', 'X', '--start', '2026-09-31', '--end', '2026-12-18'], 'TERM_INVALID', /"2026-09-31" is not a date/],
    [['term', 'set', '--all', '--name', 'X', '--start', '2026-09-03', '--end', '2026-12-18', '--holiday', '2027-01-04'], 'TERM_INVALID', /not inside the term/],
    [['term', 'list', '--school', 'nowhere'], 'SCHOOL_UNKNOWN', /nowhere/],
    [['report', 'firewall-review', '--school', 'north', '--term', 'Summer 1999', '--out', join(temp.dir, 'r.pdf')], 'TERM_UNKNOWN', /"Summer 1999"; the calendar has "Autumn 2026"/],
    [['report', 'firewall-review', '--school', 'north', '--out', join(temp.dir, 'r.docx')], 'REPORT_FORMAT_UNKNOWN', /"docx"/],
    [['report', 'evidence-pack', '--school', 'north', '--format', 'pdf', '--table', 'summary', '--out', join(temp.dir, 'r.pdf')], 'REPORT_FORMAT_UNKNOWN', /--table goes with --format csv only/],
    [['exception', 'reason', '--school', 'north', '--rule', 'ssh', '--reason', 'x', '--by', 'a@b.c'], 'EXCEPTION_RULE_UNKNOWN', /keys look like r-/],
    [['exception', 'reason', '--school', 'north', '--rule', 'r-0123456789', '--reason', 'x', '--by', 'a@b.c'], 'EXCEPTION_RULE_UNKNOWN', /r-0123456789 at school north/],
  ])('refuses %j with exit 2 and one coded sentence', (args, code, sentence) => {
    expectRefused(cli(...args), code, sentence);
  });

  it('answers --help for each command', () => {
    for (const command of [['term', 'set'], ['term', 'list'], ['exception', 'reason'], ['exception', 'list'], ['report', 'firewall-review'], ['report', 'evidence-pack']]) {
      const result = cli(...command, '--help');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^Usage: invigilator-collector ${command.join(' ')} `));
    }
  });

  it('writes a report named by its file extension', () => {
    const out = join(temp.dir, 'review.html');
    const result = cli('report', 'firewall-review', '--school', 'north', '--term', 'Autumn 2026', '--out', out);
    expect(result.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(out, 'utf8')).toContain('<h1>Termly firewall review</h1>');
  });
});
