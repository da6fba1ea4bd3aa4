// macOS processes from `ps -axo pid=,user=,comm=`: on macOS `comm` is the program's
// full path (/Applications/Tor Browser.app/Contents/MacOS/firefox), which the bypass
// list matches by its .app bundle.
import { ERRORS } from '@invigilator/shared/errors.ts';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { parsed, type CommandSource, type Parsed, type SourceProvider } from '../../checks/types.ts';
import { unreadable } from '../../parsers/reasons.ts';
import { listingOf, type ProcessLister, type SeenProcess } from './process-watch.ts';

export const PS_SOURCE: CommandSource = { id: 'macos.ps-processes', kind: 'command', file: '/bin/ps', args: ['-axo', 'pid=,user=,comm='], timeoutMs: 10_000 };

export const parsePsProcesses = (text: string): Parsed<SeenProcess[]> => {
  const processes: SeenProcess[] = [];
  for (const line of text.replace(/\r/g, '').split('\n')) {
    if (line.trim() === '') continue;
    const match = /^\s*(\d+)\s+(\S+)\s+(.+?)\s*$/.exec(line);
    if (!match) return unreadable('OUTPUT_UNRECOGNISED', PS_SOURCE.id, `expected "pid user program", got "${line}"`);
    const [, pid, user, programPath] = match as unknown as [string, string, string, string];
    processes.push({ key: `${pid}:${programPath}`, programPath, user });
  }
  if (processes.length === 0) return unreadable('OUTPUT_EMPTY', PS_SOURCE.id, 'no process was listed');
  return parsed(processes);
};

/** A lister over a tool that prints every process each time (ps, tasklist). */
export const commandProcessLister = (source: CommandSource, parse: (text: string) => Parsed<SeenProcess[]>, provider: SourceProvider): ProcessLister => ({
  async list(known) {
    const result = await provider.read(source);
    if (result.errorCode) throw new InvigilatorError(result.errorCode, `(${result.errorDetail ?? source.id})`);
    const processes = parse(result.stdout);
    if (!processes.ok) throw new InvigilatorError(processes.code, processes.reason.replace(ERRORS[processes.code], '').trim());
    return listingOf(processes.value, known);
  },
});

export const createPsProcessLister = (provider: SourceProvider): ProcessLister => commandProcessLister(PS_SOURCE, parsePsProcesses, provider);
