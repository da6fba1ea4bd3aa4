// Windows processes from `tasklist /FO CSV /NH`: "Image Name","PID","Session Name",
// "Session#","Mem Usage" per line, every value quoted. It names the program but not
// its folder, so the bypass list matches program names; the logged-in user is reported.
import { parsed, type CommandSource, type Parsed } from '../../checks/types.ts';
import { system32Path } from '../../checks/windows-powershell.ts';
import { unreadable } from '../../parsers/reasons.ts';
import type { SeenProcess } from './process-watch.ts';

export const TASKLIST_SOURCE: CommandSource = { id: 'windows.tasklist-csv', kind: 'command', file: system32Path('tasklist.exe'), args: ['/FO', 'CSV', '/NH'], timeoutMs: 15_000 };

/** The quoted values of one CSV line ("a","b,c","d" -> a, b,c, d). */
const csvValues = (line: string): string[] | undefined => {
  const values: string[] = [];
  const pattern = /"((?:[^"]|"")*)"(?:,|$)/g;
  let consumed = 0;
  for (let match = pattern.exec(line); match; match = pattern.exec(line)) {
    if (match.index !== consumed) return undefined;
    values.push(match[1]!.replace(/""/g, '"'));
    consumed = pattern.lastIndex;
  }
  return consumed === line.length ? values : undefined;
};

export const parseTasklistCsv = (text: string): Parsed<SeenProcess[]> => {
  const processes: SeenProcess[] = [];
  for (const line of text.replace(/\r/g, '').split('\n')) {
    if (line.trim() === '') continue;
    const values = csvValues(line.trim());
    if (!values || values.length < 2 || !/^\d+$/.test(values[1]!)) {
      return unreadable('OUTPUT_UNRECOGNISED', TASKLIST_SOURCE.id, `expected "image","pid",..., got "${line.slice(0, 80)}"`);
    }
    processes.push({ key: `${values[1]}:${values[0]}`, programPath: values[0]!, user: '' });
  }
  if (processes.length === 0) return unreadable('OUTPUT_EMPTY', TASKLIST_SOURCE.id, 'no process was listed');
  return parsed(processes);
};
