// ReportDocument → PDF (A4): every page headed with the report, school and term; tables that break
// between rows and repeat their header row; page numbers; the one chart drawn as bars.
import PDFDocument from 'pdfkit';
import type { Block, Column, ReportDocument } from './document.ts';

type Pdf = InstanceType<typeof PDFDocument>;

const MARGIN = 48;
const HEADER_HEIGHT = 34;
const FOOTER_HEIGHT = 24;
const CELL_PAD = 4;
const INK = '#1a1a1a';
const MUTED = '#555555';
const RULE = '#b8c2cc';
const BAND = '#1f4e79';
const ZEBRA = '#f2f5f8';
const WARN_FILL = '#fff4d6';
const WARN_EDGE = '#c98a00';
const BAR = '#2e75b6';
const LOW_BAR = '#c0504d';
/** Weeks below this share are drawn in red on the chart: below the target the policy implies ("at all times"). */
const CHART_TARGET = 0.99;

const contentWidth = (doc: Pdf): number => doc.page.width - 2 * MARGIN;
const bottomOf = (doc: Pdf): number => doc.page.height - MARGIN - FOOTER_HEIGHT;

const drawPageHeader = (doc: Pdf, report: ReportDocument): void => {
  doc.save().rect(0, 0, doc.page.width, HEADER_HEIGHT).fill(BAND).restore();
  doc.font('Helvetica-Bold').fontSize(10).fillColor('white')
    .text(report.title, MARGIN, 12, { width: contentWidth(doc) / 2, lineBreak: false });
  doc.font('Helvetica').fontSize(9)
    .text(report.subtitle, MARGIN + contentWidth(doc) / 3, 13, { width: (contentWidth(doc) * 2) / 3, align: 'right', lineBreak: false });
  doc.fillColor(INK);
  doc.x = MARGIN;
  doc.y = HEADER_HEIGHT + 20;
};

/** Room for `height` more points on this page, else a new page. */
const ensureRoom = (doc: Pdf, height: number): boolean => {
  if (doc.y + height <= bottomOf(doc)) return false;
  doc.addPage();
  return true;
};

const paragraph = (doc: Pdf, text: string, tone: 'plain' | 'note' | 'warning' = 'plain'): void => {
  const width = contentWidth(doc);
  if (tone === 'warning') {
    doc.font('Helvetica-Bold').fontSize(10);
    const height = doc.heightOfString(text, { width: width - 16 }) + 12;
    ensureRoom(doc, height);
    const top = doc.y;
    doc.save().rect(MARGIN, top, width, height).fillAndStroke(WARN_FILL, WARN_EDGE).restore();
    doc.fillColor(INK).text(text, MARGIN + 8, top + 6, { width: width - 16 });
    doc.x = MARGIN;
    doc.y = top + height + 8;
    return;
  }
  doc.font('Helvetica').fontSize(tone === 'note' ? 9 : 10.5).fillColor(tone === 'note' ? MUTED : INK);
  ensureRoom(doc, doc.heightOfString(text, { width }));
  doc.text(text, MARGIN, doc.y, { width });
  doc.fillColor(INK).moveDown(0.6);
};

const heading = (doc: Pdf, text: string, size = 12.5): void => {
  doc.font('Helvetica-Bold').fontSize(size);
  ensureRoom(doc, doc.heightOfString(text) + 40); // never a heading alone at the foot of a page
  doc.moveDown(0.3).fillColor(BAND).text(text, MARGIN, doc.y, { width: contentWidth(doc) }).fillColor(INK).moveDown(0.3);
};

const columnWidths = (doc: Pdf, columns: readonly Column[]): number[] => {
  const total = columns.reduce((sum, c) => sum + c.width, 0);
  return columns.map((c) => (c.width / total) * contentWidth(doc));
};

const rowHeight = (doc: Pdf, cells: readonly string[], widths: readonly number[], font: string): number => {
  doc.font(font).fontSize(8.5);
  return Math.max(...cells.map((cell, i) => doc.heightOfString(cell || ' ', { width: (widths[i] ?? 0) - 2 * CELL_PAD }))) + 2 * CELL_PAD;
};

const drawRow = (doc: Pdf, cells: readonly string[], columns: readonly Column[], widths: readonly number[], style: 'head' | 'odd' | 'even'): void => {
  const font = style === 'head' ? 'Helvetica-Bold' : 'Helvetica';
  const height = rowHeight(doc, cells, widths, font);
  const top = doc.y;
  const fill = style === 'head' ? '#dce6f0' : style === 'odd' ? ZEBRA : undefined;
  if (fill) doc.save().rect(MARGIN, top, contentWidth(doc), height).fill(fill).restore();
  let x = MARGIN;
  cells.forEach((cell, i) => {
    const width = widths[i] ?? 0;
    const flagged = style !== 'head' && /^(NO REASON|NOT REVIEWED|no reports|Needs attention)/.test(cell);
    doc.font(flagged ? 'Helvetica-Bold' : font).fontSize(8.5).fillColor(flagged ? LOW_BAR : INK)
      .text(cell, x + CELL_PAD, top + CELL_PAD, { width: width - 2 * CELL_PAD, align: columns[i]?.align ?? 'left' });
    x += width;
  });
  doc.save().moveTo(MARGIN, top + height).lineTo(MARGIN + contentWidth(doc), top + height).lineWidth(0.5).stroke(RULE).restore();
  doc.fillColor(INK);
  doc.x = MARGIN;
  doc.y = top + height;
};

/** Breaks only between rows; each continuation page starts with the header row again. */
const table = (doc: Pdf, block: Extract<Block, { kind: 'table' }>): void => {
  if (block.rows.length === 0) {
    if (block.empty) paragraph(doc, block.empty, 'note');
    return;
  }
  const widths = columnWidths(doc, block.columns);
  const header = block.columns.map((c) => c.title);
  const headHeight = rowHeight(doc, header, widths, 'Helvetica-Bold');
  ensureRoom(doc, headHeight + rowHeight(doc, block.rows[0] ?? [], widths, 'Helvetica'));
  drawRow(doc, header, block.columns, widths, 'head');
  block.rows.forEach((row, index) => {
    if (ensureRoom(doc, rowHeight(doc, row, widths, 'Helvetica'))) drawRow(doc, header, block.columns, widths, 'head');
    drawRow(doc, row, block.columns, widths, index % 2 === 0 ? 'even' : 'odd');
  });
  doc.moveDown(0.8);
};

const chart = (doc: Pdf, block: Extract<Block, { kind: 'chart' }>): void => {
  const plotHeight = 120;
  heading(doc, block.title, 10.5);
  ensureRoom(doc, plotHeight + 40);
  const left = MARGIN + 34;
  const width = contentWidth(doc) - 34;
  const top = doc.y + 6;
  const base = top + plotHeight;
  doc.font('Helvetica').fontSize(7.5).fillColor(MUTED);
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    const y = base - tick * plotHeight;
    doc.save().moveTo(left, y).lineTo(left + width, y).lineWidth(0.4).stroke(RULE).restore();
    doc.text(`${tick * 100}%`, MARGIN, y - 3.5, { width: 30, align: 'right', lineBreak: false });
  }
  const slot = width / Math.max(1, block.bars.length);
  block.bars.forEach((bar, i) => {
    const x = left + i * slot + slot * 0.15;
    const barWidth = slot * 0.7;
    if (bar.value !== null) {
      const height = Math.max(0.5, bar.value * plotHeight);
      doc.save().rect(x, base - height, barWidth, height).fill(bar.value < CHART_TARGET ? LOW_BAR : BAR).restore();
      doc.fillColor(INK).text(`${Math.floor(bar.value * 100)}%`, x - 4, base - height - 10, { width: barWidth + 8, align: 'center', lineBreak: false });
    } else {
      doc.fillColor(MUTED).text(bar.note ?? 'no data', x - 6, base - 12, { width: barWidth + 12, align: 'center', lineBreak: false });
    }
    doc.fillColor(MUTED).text(bar.label, x - 6, base + 3, { width: barWidth + 12, align: 'center', lineBreak: false });
  });
  doc.fillColor(MUTED).text('Week beginning (day/month). Red: a week below 99%.', MARGIN, base + 16, { width: contentWidth(doc) });
  doc.fillColor(INK);
  doc.x = MARGIN;
  doc.y = base + 32;
};

const signoff = (doc: Pdf, roles: readonly string[]): void => {
  for (const role of roles) {
    ensureRoom(doc, 46);
    const top = doc.y + 18;
    doc.font('Helvetica-Bold').fontSize(9.5).text(role, MARGIN, top - 12, { lineBreak: false });
    const fields = ['Name', 'Signature', 'Date'];
    const start = MARGIN + 110;
    const each = (contentWidth(doc) - 110) / fields.length;
    fields.forEach((field, i) => {
      const x = start + i * each;
      doc.save().moveTo(x, top).lineTo(x + each - 14, top).lineWidth(0.6).stroke(INK).restore();
      doc.font('Helvetica').fontSize(7.5).fillColor(MUTED).text(field, x, top + 3, { lineBreak: false }).fillColor(INK);
    });
    doc.x = MARGIN;
    doc.y = top + 22;
  }
};

const drawBlock = (doc: Pdf, block: Block): void => {
  switch (block.kind) {
    case 'heading': return heading(doc, block.text);
    case 'paragraph': return paragraph(doc, block.text, block.tone);
    case 'table': return table(doc, block);
    case 'chart': return chart(doc, block);
    case 'signoff': return signoff(doc, block.roles);
  }
};

export const renderPdf = (report: ReportDocument): Promise<Buffer> => new Promise((resolve, reject) => {
  const doc = new PDFDocument({
    size: 'A4', bufferPages: true, autoFirstPage: false,
    margins: { top: HEADER_HEIGHT + 20, bottom: MARGIN, left: MARGIN, right: MARGIN },
    info: { Title: `${report.title}: ${report.subtitle}`, Creator: 'Invigilator' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  doc.on('end', () => resolve(Buffer.concat(chunks)));
  doc.on('error', reject);
  doc.on('pageAdded', () => drawPageHeader(doc, report));
  report.pages.forEach((page, index) => {
    doc.addPage();
    if (index === 0) {
      doc.font('Helvetica-Bold').fontSize(20).fillColor(BAND).text(report.title, MARGIN, doc.y, { width: contentWidth(doc) });
      doc.font('Helvetica').fontSize(11.5).fillColor(INK).text(report.subtitle, { width: contentWidth(doc) }).moveDown(0.8);
    }
    heading(doc, page.title, index === 0 ? 13 : 15);
    for (const block of page.blocks) drawBlock(doc, block);
  });
  const { count } = doc.bufferedPageRange();
  for (let i = 0; i < count; i += 1) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would start a page of its own.
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(7.5).fillColor(MUTED)
      .text(`${report.generated} · page ${i + 1} of ${count}`, MARGIN, doc.page.height - MARGIN + 6, { width: contentWidth(doc), align: 'center', lineBreak: false });
  }
  doc.end();
});
