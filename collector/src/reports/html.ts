// ReportDocument → one self-contained HTML page (no scripts, no outside files), printable page by page.
import type { Block, ReportDocument } from './document.ts';

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const cell = (text: string): string => escapeHtml(text).replace(/\n/g, '<br>');

const STYLE = `body{font-family:system-ui,Helvetica,Arial,sans-serif;color:#1a1a1a;max-width:60rem;margin:0 auto;padding:1rem 2rem}
header{background:#1f4e79;color:#fff;padding:.8rem 1rem;margin:0 -1rem 1rem}header h1{margin:0;font-size:1.5rem}header p{margin:.2rem 0 0}
h2{color:#1f4e79;border-bottom:2px solid #1f4e79;margin-top:2.5rem}h3{color:#1f4e79}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.85rem}th{background:#dce6f0;text-align:left}
th,td{border-bottom:1px solid #b8c2cc;padding:.3rem .4rem;vertical-align:top}tr:nth-child(even) td{background:#f2f5f8}td.num,th.num{text-align:right}
.note{color:#555;font-size:.9rem}.warning{background:#fff4d6;border:1px solid #c98a00;padding:.5rem;font-weight:bold}
.flag{color:#c0504d;font-weight:bold}.chart{display:flex;align-items:flex-end;gap:4px;height:10rem;border-bottom:1px solid #999;margin:.5rem 0}
.bar{flex:1;display:flex;flex-direction:column;justify-content:flex-end;align-items:center;height:100%;font-size:.7rem}
.bar span.fill{display:block;width:70%;background:#2e75b6}.bar span.low{background:#c0504d}.bar span.label{color:#555}
.signoff div{display:grid;grid-template-columns:10rem 1fr 1fr 1fr;gap:1rem;margin:1.5rem 0}.signoff span{border-top:1px solid #000;font-size:.75rem;color:#555;padding-top:.2rem}
footer{color:#555;font-size:.8rem;margin-top:2rem}@media print{section{break-before:page}section:first-of-type{break-before:auto}}`;

const FLAG = /^(NO REASON|NOT REVIEWED|no reports|Needs attention)/;

const blockHtml = (block: Block): string => {
  switch (block.kind) {
    case 'heading': return `<h3>${escapeHtml(block.text)}</h3>`;
    case 'paragraph': return `<p class="${block.tone ?? 'plain'}">${cell(block.text)}</p>`;
    case 'table': {
      if (block.rows.length === 0) return block.empty ? `<p class="note">${escapeHtml(block.empty)}</p>` : '';
      const align = (i: number): string => (block.columns[i]?.align === 'right' ? ' class="num"' : '');
      const head = block.columns.map((c, i) => `<th${align(i)}>${escapeHtml(c.title)}</th>`).join('');
      const rows = block.rows.map((row) => `<tr>${row.map((text, i) => `<td${FLAG.test(text) ? ' class="flag"' : align(i)}>${cell(text)}</td>`).join('')}</tr>`).join('\n');
      return `<table><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
    }
    case 'chart': return `<h3>${escapeHtml(block.title)}</h3><div class="chart" role="img" aria-label="${escapeHtml(block.title)}">${block.bars.map((bar) => {
      const value = bar.value === null ? escapeHtml(bar.note ?? 'no data') : `${Math.floor(bar.value * 100)}%`;
      const fill = bar.value === null ? '' : `<span class="fill${bar.value < 0.99 ? ' low' : ''}" style="height:${(bar.value * 85).toFixed(1)}%"></span>`;
      return `<div class="bar"><span>${value}</span>${fill}<span class="label">${escapeHtml(bar.label)}</span></div>`;
    }).join('')}</div>`;
    case 'signoff': return `<div class="signoff">${block.roles.map((role) => `<div><strong>${escapeHtml(role)}</strong><span>Name</span><span>Signature</span><span>Date</span></div>`).join('')}</div>`;
  }
};

export const renderHtml = (report: ReportDocument): string => `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>${escapeHtml(`${report.title}: ${report.subtitle}`)}</title><style>${STYLE}</style></head>
<body><header><h1>${escapeHtml(report.title)}</h1><p>${escapeHtml(report.subtitle)}</p></header>
${report.pages.map((page) => `<section><h2>${escapeHtml(page.title)}</h2>\n${page.blocks.map(blockHtml).join('\n')}</section>`).join('\n')}
<footer>${escapeHtml(report.generated)}</footer></body></html>
`;
