// A report laid out without a medium: pages of headings, sentences, tables and one chart. The PDF,
// HTML and CSV writers each render this, so the three outputs cannot say different things.
export interface Column { title: string; /** Relative width. */ width: number; align?: 'left' | 'right' }

export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; tone?: 'plain' | 'note' | 'warning' }
  | {
    kind: 'table';
    /** The CSV export's name for the table; tables without one are not exported. */
    csvName?: string;
    columns: Column[];
    rows: string[][];
    /** Said instead of an empty table. */
    empty: string;
  }
  | { kind: 'chart'; title: string; bars: { label: string; value: number | null; note?: string }[] }
  | { kind: 'signoff'; roles: string[] };

export interface ReportPage { title: string; blocks: Block[] }

export interface ReportDocument {
  title: string;
  /** "Northfield Primary (north) · Autumn 2026, 3 Sep – 18 Dec 2026" */
  subtitle: string;
  generated: string;
  pages: ReportPage[];
}

export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export const percent = (share: number | null): string => (share === null ? 'no data' : `${(Math.floor(share * 1000) / 10).toFixed(1)}%`);

/** "3 h 20 min", "2 days 4 h": short enough for a table cell. */
export const durationInWords = (ms: number): string => {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(ms / HOUR_MS);
  if (hours < 24) return `${hours} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
  const days = Math.floor(ms / DAY_MS);
  const rest = Math.round((ms - days * DAY_MS) / HOUR_MS);
  return `${days} ${days === 1 ? 'day' : 'days'}${rest ? ` ${rest} h` : ''}`;
};
