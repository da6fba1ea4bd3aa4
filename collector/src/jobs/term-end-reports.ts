// Every morning: for each school whose term ended in the last fortnight, the firewall review and the
// evidence pack are made once and kept in the data folder (reports/<school>/<term>/), ready to file.
// Governors and the network manager are told through the school's email channel.
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { schedule, type ScheduledTask } from 'node-cron';
import { codeOf } from '@invigilator/shared/errors.ts';
import type { Logger } from '@invigilator/shared/logger.ts';
import { notifyReportsReady } from '../notify/outbox.ts';
import { buildReport, renderDocument, REPORT_KINDS } from '../reports/render.ts';
import { csvTables } from '../reports/csv.ts';
import type { Store } from '../store/types.ts';
import type { Term } from '../terms/calendar.ts';
import { addDays, dateAt } from '../terms/dates.ts';
import { calendarFor } from '../terms/terms.ts';

// After the overnight retention run, before staff arrive.
export const TERM_END_SCHEDULE = '15 6 * * *';
/** A collector that was down when a term ended still makes its reports if it is back within this many days. */
const CATCH_UP_DAYS = 14;
export const MANIFEST_FILE = 'reports.json';

export const termFolderName = (term: Term): string => term.name.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-|-$/g, '') || 'term';

/** Writes through a temporary name, so a half-written report is never taken for a finished one. */
const writeAtomically = (path: string, bytes: Buffer): void => {
  const temporary = `${path}.partial`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, path);
};

/** Makes every file of one school's term; returns the paths written. */
export const writeTermReports = async (store: Store, folder: string, schoolId: string, term: Term, now: number): Promise<string[]> => {
  mkdirSync(folder, { recursive: true });
  const written: string[] = [];
  for (const kind of REPORT_KINDS) {
    const { document } = await buildReport(store, { kind, schoolId, term: term.name, now });
    for (const format of ['pdf', 'html'] as const) {
      const path = join(folder, `${kind}.${format}`);
      writeAtomically(path, await renderDocument(document, format));
      written.push(path);
    }
    for (const table of csvTables(document)) {
      const path = join(folder, `${kind}-${table.csvName}.csv`);
      writeAtomically(path, await renderDocument(document, 'csv', table.csvName));
      written.push(path);
    }
  }
  return written;
};

export const createTermEndReportsJob = (store: Store, logger: Logger, reportsDir: string, expression = TERM_END_SCHEDULE) => {
  let task: ScheduledTask | undefined;
  /** One pass: returns the folders made now. A school that fails is logged; the others still run. */
  const runOnce = async (now = Date.now()): Promise<string[]> => {
    const made: string[] = [];
    const today = dateAt(now);
    for (const school of await store.listSchools()) {
      try {
        const ended = (await calendarFor(store, school.id, now)).filter((t) => t.end < today && t.end >= addDays(today, -CATCH_UP_DAYS));
        for (const term of ended) {
          const folder = join(reportsDir, school.id, termFolderName(term));
          // The manifest is written after every report: a folder without it is made again whole.
          if (existsSync(join(folder, MANIFEST_FILE))) continue;
          const files = await writeTermReports(store, folder, school.id, term, now);
          writeAtomically(join(folder, MANIFEST_FILE), Buffer.from(`${JSON.stringify({
            schoolId: school.id, term, generatedAt: new Date(now).toISOString(), files,
          }, null, 2)}\n`));
          made.push(folder);
          // Governors and network managers hear of them through the school's email channel (none set: the log says so).
          const told = await store.transaction((tx) => notifyReportsReady(tx, school.id, term.name));
          logger.info({ schoolId: school.id, term: term.name, assumedCalendar: term.source === 'assumed', files, notified: told },
            told > 0 ? 'Term-end reports written to the data folder; governors and network managers told.'
              : 'Term-end reports written to the data folder; nobody told (no email channel, or no governor or network manager).');
        }
      } catch (error) {
        logger.error({ code: codeOf(error), schoolId: school.id, err: error },
          `Could not make the term-end reports of school ${school.id}; the next morning's run tries again.`);
      }
    }
    return made;
  };
  return {
    runOnce,
    start() {
      task = schedule(expression, () => { void runOnce(); }, { name: 'term-end-reports', noOverlap: true });
    },
    async stop() {
      await task?.destroy();
    },
  };
};
