// One misuse incident as a document for the school's safeguarding record: the same page in PDF and, as one
// table of everything that happened, in CSV.
import type { ReportDocument } from './document.ts';

export interface IncidentRecord {
  id: string;
  school: { id: string; name: string };
  hostname: string | null;
  title: string;
  summary: string;
  severity: string;
  status: string;
  user: string | null;
  stick: string | null;
  clause: { id: string; text: string };
  steps: string[];
  openedAt: string;
  /** Every file the incident's events wrote (also rows of the timeline). */
  files: Array<{ at: string; file: string }>;
  timeline: Array<{ at: string; kind: string; text: string }>;
  history: Array<{ at: string; action: string; by: string; note: string | null }>;
  notes: Array<{ at: string; by: string; text: string }>;
  generatedAt: string;
  generatedBy: string;
}

/** "2026-12-01 00:54:37": short enough for a table cell; the heading says the times are UTC. */
const when = (iso: string): string => iso.replace('T', ' ').slice(0, 19);

const COLUMNS = [
  { title: 'Section', width: 1.2 }, { title: 'When (UTC)', width: 2.2 }, { title: 'What', width: 1.5 },
  { title: 'By', width: 2.2 }, { title: 'Detail', width: 5 },
];

export const incidentDocument = (record: IncidentRecord): ReportDocument => ({
  title: 'Safeguarding incident',
  subtitle: `${record.school.name} (${record.school.id}) · ${record.openedAt.slice(0, 10)}`,
  generated: `Exported ${record.generatedAt.replace('T', ' ').slice(0, 16)} UTC by ${record.generatedBy}. Confidential: safeguarding data.`,
  pages: [{
    title: record.title,
    blocks: [
      { kind: 'paragraph', text: record.summary },
      { kind: 'paragraph', text: [
        `Device: ${record.hostname ?? 'unknown'}`, `Logged-in user: ${record.user ?? 'not reported'}`,
        `Removable media: ${record.stick ?? 'none'}`, `Files copied: ${record.files.length}`, `Severity: ${record.severity}`,
        `State: ${record.status}`, `Incident: ${record.id}`,
      ].join('\n') },
      { kind: 'heading', text: 'The school\'s policy' },
      { kind: 'paragraph', text: `${record.clause.text} (${record.clause.id})`, tone: 'note' },
      { kind: 'heading', text: 'Steps' },
      { kind: 'paragraph', text: record.steps.map((step, index) => `${index + 1}. ${step}`).join('\n') },
      { kind: 'heading', text: 'Record' },
      {
        kind: 'table', csvName: 'incident', columns: COLUMNS, empty: 'Nothing recorded.',
        rows: [
          // The timeline holds every file of the session, one row each.
          ...record.timeline.map((t) => ['timeline', when(t.at), t.kind, '', t.text]),
          ...record.history.map((h) => ['history', when(h.at), h.action, h.by, h.note ?? '']),
          ...record.notes.map((n) => ['note', when(n.at), 'note', n.by, n.text]),
        ],
      },
    ],
  }],
});
