// The PDF writer on a table too long for one page: it breaks between rows and repeats the header row.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderPdf } from '../../src/reports/pdf.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const temp = makeTempDir();
afterAll(() => temp.remove());

describe('the PDF writer', () => {
  it('breaks a long table between rows, repeats its header on every page and numbers the pages', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => [`device-${String(i).padStart(3, '0')}`, `${i % 7 === 0 ? 'a reason\nover two lines' : 'short'}`, `${i}`]);
    const pdf = await renderPdf({
      title: 'Long table', subtitle: 'Test school · Test term', generated: 'Made in a test',
      pages: [{ title: 'Devices', blocks: [{ kind: 'table', columns: [{ title: 'Device name', width: 3 }, { title: 'Notes', width: 5 }, { title: 'Count', width: 1, align: 'right' }], rows, empty: '' }] }],
    });
    const file = join(temp.dir, 'long.pdf');
    writeFileSync(file, pdf);
    const pages = execFileSync('/usr/bin/pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').filter((page) => page.trim() !== '');
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((page, index) => {
      expect(page).toContain('Device name');
      expect(page).toContain('Test school · Test term');
      expect(page).toContain(`page ${index + 1} of ${pages.length}`);
    });
    // Every row once, none split or lost at a page break.
    const all = pages.join('\n');
    for (const [name] of rows) expect(all.split(name ?? '').length - 1).toBe(1);
  });
});
