// One entry for every caller (CLI, API, the term-end job): which report, which school and term, which format.
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import type { Store } from '../store/types.ts';
import { renderCsv } from './csv.ts';
import type { ReportDocument } from './document.ts';
import { evidencePackDocument } from './evidence-document.ts';
import { buildEvidencePack } from './evidence-pack.ts';
import { firewallReviewDocument } from './firewall-document.ts';
import { buildFirewallReview } from './firewall-review.ts';
import { renderHtml } from './html.ts';

export const REPORT_KINDS = ['firewall-review', 'evidence-pack'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const FILE_FORMATS = ['pdf', 'html', 'csv'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

export const CONTENT_TYPES: Record<FileFormat, string> = {
  pdf: 'application/pdf', html: 'text/html; charset=utf-8', csv: 'text/csv; charset=utf-8',
};

export const assertFormat = (format: string): FileFormat => {
  if (!(FILE_FORMATS as readonly string[]).includes(format)) throw new InvigilatorError('REPORT_FORMAT_UNKNOWN', `("${format}").`);
  return format as FileFormat;
};

export interface ReportRequest { kind: ReportKind; schoolId: string; term: string; now: number }

/** The report's model (for JSON) and its laid-out document. */
export const buildReport = async (store: Store, request: ReportRequest): Promise<{ model: unknown; document: ReportDocument }> => {
  if (request.kind === 'firewall-review') {
    const model = await buildFirewallReview(store, request.schoolId, request.term, request.now);
    return { model, document: firewallReviewDocument(model) };
  }
  const model = await buildEvidencePack(store, request.schoolId, request.term, request.now);
  return { model, document: evidencePackDocument(model) };
};

export const renderDocument = async (document: ReportDocument, format: FileFormat, csvTable?: string): Promise<Buffer> => {
  switch (format) {
    // The PDF library takes a second or more to load: only the commands and requests that make a PDF pay for it.
    case 'pdf': return (await import('./pdf.ts')).renderPdf(document);
    case 'html': return Buffer.from(renderHtml(document));
    case 'csv': return Buffer.from(renderCsv(document, csvTable));
  }
};
